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
        return await app.QueryDbAsync(db => db.AuditEntries.LongCountAsync());
    }

    [Fact]
    public async Task The_chain_verifies_after_a_series_of_changes()
    {
        var rows = await SeriesOfChangesAsync();
        rows.ShouldBeGreaterThan(3);

        var result = await app.Send(AppFixture.Admin, new VerifyAuditTrail.Query());
        (result.Valid, result.CheckedRows, result.FirstBrokenRowId, result.Reason).ShouldBe((true, rows, null, "The chain is intact."));

        var stored = await app.QueryDbAsync(db => db.AuditEntries.OrderBy(a => a.Id).ToListAsync());
        result.Checkpoint.ShouldNotBeNull().RowId.ShouldBe(stored[^1].Id);
        result.Checkpoint.Hash.ShouldBe(stored[^1].Hash);
        stored[0].PreviousHash.ShouldBeNull();
        for (var i = 1; i < stored.Count; i++) stored[i].PreviousHash.ShouldBe(stored[i - 1].Hash);
        stored.ShouldAllBe(a => a.Hash == AuditHash.Compute(a));
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
    public async Task Deleting_a_row_breaks_the_link_of_the_next_one()
    {
        await SeriesOfChangesAsync();
        var ids = await app.QueryDbAsync(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());

        await TamperAsync($"DELETE FROM audit_entries WHERE id = {ids[1]}");

        var result = await VerifyAsCliAsync();
        result.Valid.ShouldBeFalse();
        result.FirstBrokenRowId.ShouldBe(ids[2]);
        result.Reason.ShouldContain("does not link");
    }

    [Fact]
    public async Task Parallel_writes_keep_a_single_unforked_chain()
    {
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => app.Send(AppFixture.Coordinator, TestData.Patient())));

        var result = await VerifyAsCliAsync();
        result.Valid.ShouldBeTrue(result.Reason);
        result.CheckedRows.ShouldBe(10);
        var previous = await app.QueryDbAsync(db => db.AuditEntries.Select(a => a.PreviousHash).ToListAsync());
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

    /// <summary>What a database superuser could do: switch the append-only trigger off, change history, switch it back on.</summary>
    async Task TamperAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(app.App.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_update_or_delete;\n" + sql
            + ";\nALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_update_or_delete;", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
