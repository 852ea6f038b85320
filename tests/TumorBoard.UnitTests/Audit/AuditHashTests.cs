using TumorBoard.Domain.Audit;

namespace TumorBoard.UnitTests.Audit;

public sealed class AuditHashTests
{
    static readonly DateTimeOffset At = new(2026, 3, 4, 5, 6, 7, TimeSpan.FromHours(1));

    static AuditEntry Row(string changes = """{"A":{"new":1}}""", string? actorName = "Dr. Ü") => new()
    {
        OccurredAt = At.AddTicks(1234567), ActorId = Guid.Parse("0195f3a0-0000-7000-8000-000000000001"),
        ActorName = actorName, Action = "RegisterCase", EntityType = "Patient", EntityId = "42", Operation = "Added",
        Changes = changes,
    };

    [Fact]
    public void The_canonical_form_is_length_prefixed_with_utc_microseconds()
    {
        var row = Row();
        row.Seal(7, "ab");
        AuditHash.Canonical(row).ShouldBe(
            "tumorboard-audit-v1\n1:7\n27:2026-03-04T04:06:07.123456Z\n36:0195f3a0-0000-7000-8000-000000000001\n"
            + "5:Dr. Ü\n12:RegisterCase\n7:Patient\n2:42\n5:Added\n15:{\"A\":{\"new\":1}}\n2:ab\n");
    }

    [Fact]
    public void The_hash_is_lower_case_sha256_hex_of_the_utf8_canonical_form()
    {
        var row = Row();
        row.Seal(1, null);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(AuditHash.Canonical(row))));
        row.Hash.ShouldBe(expected);
        row.Hash!.Length.ShouldBe(64);
        AuditHash.Canonical(row).ShouldContain("\n-\n");   // null previous hash
    }

    [Fact]
    public void Any_changed_field_or_link_changes_the_hash()
    {
        var a = Row(); a.Seal(1, null);
        var b = Row(changes: """{"A":{"new":2}}"""); b.Seal(1, null);
        var c = Row(); c.Seal(2, null);
        var d = Row(); d.Seal(1, a.Hash);
        new[] { a.Hash, b.Hash, c.Hash, d.Hash }.Distinct().Count().ShouldBe(4);
    }

    [Fact]
    public void Null_and_empty_and_boundary_lookalikes_do_not_collide()
    {
        var nullName = Row(actorName: null); nullName.Seal(1, null);
        var emptyName = Row(actorName: ""); emptyName.Seal(1, null);
        var dash = Row(actorName: "-"); dash.Seal(1, null);
        new[] { nullName.Hash, emptyName.Hash, dash.Hash }.Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public void Truncating_to_microseconds_drops_only_the_last_tick_digit()
    {
        var t = At.AddTicks(1234567);
        AuditHash.ToMicroseconds(t).ShouldBe(At.AddTicks(1234560));
        AuditHash.ToMicroseconds(AuditHash.ToMicroseconds(t)).ShouldBe(AuditHash.ToMicroseconds(t));
    }

    [Fact]
    public void A_row_is_sealed_only_once()
    {
        var row = Row();
        row.Seal(1, null);
        Should.Throw<InvalidOperationException>(() => row.Seal(2, row.Hash));
    }
}
