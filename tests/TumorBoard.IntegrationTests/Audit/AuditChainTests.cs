using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Features.Audit;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Domain.Audit;
using TumorBoard.Domain.Patients;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Audit;

[Collection(AuditDatabase.Name)]
public sealed class AuditChainTests(AppFixture app) : DatabaseTest(app)
{
    /// <summary>The same service `dotnet run -- verify-audit` calls, without a signed-in user.</summary>
    Task<AuditVerification> VerifyAsCliAsync() => app.VerifyAuditTrailAsync();

    async Task<long> SeriesOfChangesAsync()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        await TestData.RegisterCaseAsync(app);
        await app.Send(AppFixture.Coordinator, new MarkCaseReady.Command(caseId));
        await app.SealPendingAsync();
        return await app.QueryDbAsync(db => db.AuditEntries.LongCountAsync());
    }

    [Fact]
    public async Task The_chain_verifies_after_a_series_of_changes()
    {
        var rows = await SeriesOfChangesAsync();
        rows.ShouldBeGreaterThan(3);

        var result = await app.Send(AppFixture.Admin, new VerifyAuditTrail.Query());
        (result.Valid, result.CheckedRows, result.FirstBrokenRowId, result.Reason).ShouldBe((true, rows, null, "The chain is intact."));

        var seals = await app.QueryDbAsync(db => db.AuditSeals.OrderBy(s => s.Position).ToListAsync());
        var entries = await app.QueryDbAsync(db => db.AuditEntries.ToDictionaryAsync(a => a.Id));
        result.Checkpoint.ShouldNotBeNull().RowId.ShouldBe(seals[^1].EntryId);
        result.Checkpoint.Hash.ShouldBe(seals[^1].Hash);
        seals.Select(s => s.Position).ShouldBe(Enumerable.Range(1, (int)rows).Select(p => (long)p));
        seals.Select(s => s.EntryId).Order().ShouldBe(entries.Keys.Order());
        seals[0].PreviousHash.ShouldBeNull();
        for (var i = 1; i < seals.Count; i++) seals[i].PreviousHash.ShouldBe(seals[i - 1].Hash);
        seals.ShouldAllBe(s => s.Hash == AuditHash.Compute(entries[s.EntryId], s.PreviousHash));
    }

    [Fact]
    public async Task An_empty_trail_is_valid()
    {
        (await VerifyAsCliAsync()).ShouldBe(new AuditVerification(true, 0, null, "The chain is intact.") { CheckedCheckpoints = 0, Checkpoint = null });
    }

    [Theory]
    [InlineData("changes = '{\"tampered\":true}'")]
    [InlineData("action = 'Tampered'")]
    [InlineData("occurred_at = occurred_at + interval '1 second'")]
    public async Task Altering_a_row_as_superuser_breaks_verification_at_that_row(string set)
    {
        await SeriesOfChangesAsync();
        var ids = await app.QueryDbAsync(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());
        var altered = ids[ids.Count / 2];

        await TamperAsync($"UPDATE audit_entries SET {set} WHERE id = {altered}");

        var result = await VerifyAsCliAsync();
        result.Valid.ShouldBeFalse();
        result.FirstBrokenRowId.ShouldBe(altered);
        result.Reason.ShouldContain("does not match its hash");
        (await app.Send(AppFixture.Admin, new VerifyAuditTrail.Query())).FirstBrokenRowId.ShouldBe(altered);
    }

    [Fact]
    public async Task Deleting_a_sealed_row_is_detected_at_its_seal()
    {
        await SeriesOfChangesAsync();
        var ids = await app.QueryDbAsync(db => db.AuditSeals.OrderBy(s => s.Position).Select(s => s.EntryId).ToListAsync());

        await TamperAsync($"DELETE FROM audit_entries WHERE id = {ids[1]}");

        var result = await VerifyAsCliAsync();
        result.Valid.ShouldBeFalse();
        result.FirstBrokenRowId.ShouldBe(ids[1]);
        result.Reason.ShouldBe($"Row {ids[1]}, sealed at position 2, is missing from the trail (a row was removed).");
    }

    [Fact]
    public async Task Deleting_a_row_with_its_seal_leaves_a_gap_and_renumbering_breaks_the_link_of_the_next_one()
    {
        await SeriesOfChangesAsync();
        var ids = await app.QueryDbAsync(db => db.AuditSeals.OrderBy(s => s.Position).Select(s => s.EntryId).ToListAsync());

        await TamperAsync($"DELETE FROM audit_entries WHERE id = {ids[1]}; DELETE FROM audit_seals WHERE position = 2");

        var gap = await VerifyAsCliAsync();
        gap.Valid.ShouldBeFalse();
        gap.FirstBrokenRowId.ShouldBe(ids[2]);
        gap.Reason.ShouldBe("The chain has no position 2 (it goes on at 3): a seal was removed.");

        // Renumbered to close the gap (in two steps: the position is the key).
        await TamperAsync("UPDATE audit_seals SET position = -position WHERE position > 2; UPDATE audit_seals SET position = -position - 1 WHERE position < 0");
        var relinked = await VerifyAsCliAsync();
        relinked.Valid.ShouldBeFalse();
        relinked.FirstBrokenRowId.ShouldBe(ids[2]);
        relinked.Reason.ShouldContain("does not link");
    }

    [Fact]
    public async Task Parallel_writes_keep_a_single_unforked_chain()
    {
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => app.Send(AppFixture.Coordinator, TestData.Patient())));

        var result = await VerifyAsCliAsync();
        result.Valid.ShouldBeTrue(result.Reason);
        result.CheckedRows.ShouldBe(10);
        var previous = await app.QueryDbAsync(db => db.AuditSeals.Select(s => s.PreviousHash).ToListAsync());
        previous.Distinct().Count().ShouldBe(10);   // no two rows hang off the same predecessor
    }

    [Fact]
    public async Task A_failed_save_rolls_its_audit_rows_back_and_a_retry_on_the_same_context_chains_cleanly()
    {
        await TestData.RegisterCaseAsync(app);
        var mrn = await app.QueryDbAsync(db => db.Patients.Select(p => p.Mrn).FirstAsync());
        var actor = await app.UserIdAsync(AppFixture.Coordinator);
        await app.QueryDbAsync(async db =>
        {
            var duplicate = Patient.Register(mrn, "Dup", "Licate", new DateOnly(1970, 1, 1), Sex.Male, actor, DateTimeOffset.UtcNow, new DateOnly(2026, 1, 1));
            db.Patients.Add(duplicate);
            await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
            db.Patients.Remove(duplicate);
            db.Patients.Add(Patient.Register("RETRY-1", "Re", "Try", new DateOnly(1970, 1, 1), Sex.Male, actor, DateTimeOffset.UtcNow, new DateOnly(2026, 1, 1)));
            return await db.SaveChangesAsync();
        });

        (await app.QueryDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Patient"))).ShouldBe(2);
        (await VerifyAsCliAsync()).Valid.ShouldBeTrue();
    }

    /// <summary>What a database superuser could do: switch the append-only triggers off, change history, switch them back on.</summary>
    async Task TamperAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(app.App.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_update_or_delete;\n"
            + "ALTER TABLE audit_seals DISABLE TRIGGER audit_seals_no_update_or_delete;\n" + sql
            + ";\nALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_update_or_delete;"
            + "\nALTER TABLE audit_seals ENABLE TRIGGER audit_seals_no_update_or_delete;", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
