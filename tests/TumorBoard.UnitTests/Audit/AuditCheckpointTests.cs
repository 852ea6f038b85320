using System.Security.Cryptography;
using System.Text;
using TumorBoard.Domain.Audit;

namespace TumorBoard.UnitTests.Audit;

public sealed class AuditCheckpointTests
{
    const string Key = "0123456789abcdef0123456789abcdef-test-key";
    static readonly string Hash = new('a', 64);
    static readonly DateTimeOffset At = new DateTimeOffset(2026, 12, 1, 22, 5, 6, TimeSpan.FromHours(1)).AddTicks(1234567);

    [Fact]
    public void The_signed_text_is_length_prefixed_with_the_utc_time_in_microseconds()
    {
        AuditCheckpoint.Canonical(4711, Hash, AuditHash.ToMicroseconds(At)).ShouldBe(
            $"tumorboard-audit-checkpoint-v1\n4:4711\n64:{Hash}\n27:2026-12-01T21:05:06.123456Z\n");
    }

    [Fact]
    public void The_mac_is_hmac_sha256_of_the_signed_text_under_the_key()
    {
        var checkpoint = AuditCheckpoint.Sign(4711, Hash, At, Key);

        checkpoint.At.ShouldBe(AuditHash.ToMicroseconds(At.ToUniversalTime()));
        checkpoint.Mac.ShouldBe(Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key),
            Encoding.UTF8.GetBytes(AuditCheckpoint.Canonical(4711, Hash, checkpoint.At)))));
        checkpoint.IsSignedWith(Key).ShouldBeTrue();
        checkpoint.KeyId.ShouldBe(AuditCheckpoint.KeyIdOf(Key));
        checkpoint.KeyId.ShouldNotContain(Key[..8]);
    }

    [Fact]
    public void Any_changed_field_or_another_key_fails_the_signature()
    {
        var checkpoint = AuditCheckpoint.Sign(4711, Hash, At, Key);

        (checkpoint with { RowId = 4710 }).IsSignedWith(Key).ShouldBeFalse();
        (checkpoint with { Hash = new string('b', 64) }).IsSignedWith(Key).ShouldBeFalse();
        (checkpoint with { At = checkpoint.At.AddTicks(10) }).IsSignedWith(Key).ShouldBeFalse();
        checkpoint.IsSignedWith(Key + "x").ShouldBeFalse();
        AuditCheckpoint.KeyIdOf(Key + "x").ShouldNotBe(checkpoint.KeyId);
    }
}
