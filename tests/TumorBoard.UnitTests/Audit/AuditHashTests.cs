using TumorBoard.Domain.Audit;

namespace TumorBoard.UnitTests.Audit;

public sealed class AuditHashTests
{
    static readonly DateTimeOffset At = new(2026, 3, 4, 5, 6, 7, TimeSpan.FromHours(1));

    static AuditEntry Row(string changes = """{"A":{"new":1}}""", string? actorName = "Dr. Ü", long id = 1) => new()
    {
        Id = id, OccurredAt = At.AddTicks(1234567), ActorId = Guid.Parse("0195f3a0-0000-7000-8000-000000000001"),
        ActorName = actorName, Action = "RegisterCase", EntityType = "Patient", EntityId = "42", Operation = "Added",
        Changes = changes,
    };

    [Fact]
    public void The_canonical_form_is_length_prefixed_with_utc_microseconds()
    {
        var row = Row(id: 7);
        AuditHash.Canonical(row, "ab").ShouldBe(
            "tumorboard-audit-v1\n1:7\n27:2026-03-04T04:06:07.123456Z\n36:0195f3a0-0000-7000-8000-000000000001\n"
            + "5:Dr. Ü\n12:RegisterCase\n7:Patient\n2:42\n5:Added\n15:{\"A\":{\"new\":1}}\n2:ab\n");
    }

    [Fact]
    public void The_hash_is_lower_case_sha256_hex_of_the_utf8_canonical_form()
    {
        var row = Row();
        var seal = AuditSeal.Link(row, 1, null, At);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(AuditHash.Canonical(row, null))));
        seal.Hash.ShouldBe(expected);
        seal.Hash.Length.ShouldBe(64);
        AuditHash.Canonical(row, null).ShouldContain("\n-\n");   // null previous hash
    }

    [Fact]
    public void Any_changed_field_or_link_changes_the_hash()
    {
        var a = AuditHash.Compute(Row(), null);
        var b = AuditHash.Compute(Row(changes: """{"A":{"new":2}}"""), null);
        var c = AuditHash.Compute(Row(id: 2), null);
        var d = AuditHash.Compute(Row(), a);
        new[] { a, b, c, d }.Distinct().Count().ShouldBe(4);
    }

    [Fact]
    public void Null_and_empty_and_boundary_lookalikes_do_not_collide()
    {
        var nullName = AuditHash.Compute(Row(actorName: null), null);
        var emptyName = AuditHash.Compute(Row(actorName: ""), null);
        var dash = AuditHash.Compute(Row(actorName: "-"), null);
        new[] { nullName, emptyName, dash }.Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public void Truncating_to_microseconds_drops_only_the_last_tick_digit()
    {
        var t = At.AddTicks(1234567);
        AuditHash.ToMicroseconds(t).ShouldBe(At.AddTicks(1234560));
        AuditHash.ToMicroseconds(AuditHash.ToMicroseconds(t)).ShouldBe(AuditHash.ToMicroseconds(t));
    }

    [Fact]
    public void A_seal_follows_the_position_before_it_and_links_to_its_hash()
    {
        var first = AuditSeal.Link(Row(id: 9), 1, null, At);
        var second = AuditSeal.Link(Row(id: 4), 2, first, At);   // a lower id sealed later: chain order is seal order
        second.PreviousHash.ShouldBe(first.Hash);
        second.Matches(Row(id: 4)).ShouldBeTrue();
        second.Matches(Row(id: 4, changes: "{}")).ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => AuditSeal.Link(Row(id: 5), 3, null, At));
        Should.Throw<InvalidOperationException>(() => AuditSeal.Link(Row(id: 5), 4, second, At));
    }
}
