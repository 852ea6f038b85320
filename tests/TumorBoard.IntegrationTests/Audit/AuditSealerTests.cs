using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Features.Cases;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Audit;

/// <summary>
/// The sealer (ADR 0006): request transactions only insert audit rows; the elected sealer links committed rows into the
/// chain in seal order, each exactly once, at contiguous positions, whatever order their ids commit in; rows it has not
/// reached are pending, not broken; of several sealers only the elected one seals.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AuditSealerTests(AppFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    /// <summary>Whatever a test stopped, the app's own sealer runs again for the next test.</summary>
    public async Task DisposeAsync()
    {
        await AppSealer.StopAsync(CancellationToken.None);
        await AppSealer.StartAsync(CancellationToken.None);
    }

    AuditSealerService AppSealer => app.App.Services.GetRequiredService<AuditSealerService>();

    AuditSealerService AnotherInstance() => new(
        app.App.Services.GetRequiredService<IServiceScopeFactory>(),
        app.App.Services.GetRequiredService<IOptions<AuditCheckpointOptions>>(),
        NullLogger<AuditSealerService>.Instance);

    /// <summary>Verification as it is, without sealing first.</summary>
    async Task<AuditVerification> VerifyAsIsAsync()
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();
    }

    async Task<(long Entries, long Sealed, long Queued)> CountsAsync() => await app.QueryDbAsync(async db => (
        await db.AuditEntries.LongCountAsync(), await db.AuditSeals.LongCountAsync(),
        await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM audit_pending").SingleAsync()));

    /// <summary>Waits for a running sealer (not a synchronous pass) to seal every committed row.</summary>
    async Task<TimeSpan> WaitUntilSealedAsync(TimeSpan? limit = null)
    {
        var started = DateTime.UtcNow;
        while (true)
        {
            var (entries, sealedRows, queued) = await CountsAsync();
            if (entries == sealedRows && queued == 0) return DateTime.UtcNow - started;
            if (DateTime.UtcNow - started > (limit ?? TimeSpan.FromSeconds(15)))
                throw new TimeoutException($"{entries} rows, {sealedRows} sealed, {queued} queued after {limit ?? TimeSpan.FromSeconds(15)}.");
            await Task.Delay(25);
        }
    }

    static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException(what);
            await Task.Delay(25);
        }
    }

    async Task ShouldBeOneContiguousChainAsync()
    {
        var seals = await app.QueryDbAsync(db => db.AuditSeals.OrderBy(s => s.Position).ToListAsync());
        var entries = await app.QueryDbAsync(db => db.AuditEntries.Select(a => a.Id).ToListAsync());
        seals.Select(s => s.Position).ShouldBe(Enumerable.Range(1, seals.Count).Select(p => (long)p));
        seals.Select(s => s.EntryId).Order().ShouldBe(entries.Order(), "every row sealed exactly once");
        seals.Skip(1).Zip(seals).ShouldAllBe(pair => pair.First.PreviousHash == pair.Second.Hash);
        var result = await VerifyAsIsAsync();
        (result.Valid, result.CheckedRows, result.PendingRows).ShouldBe((true, (long)entries.Count, 0L), result.Reason);
    }

    [Fact]
    public async Task Parallel_writers_and_readers_are_each_sealed_exactly_once_at_contiguous_positions_by_the_running_sealer()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        await Task.WhenAll(Enumerable.Range(0, 24).SelectMany(_ => new Task[]
        {
            app.Send(AppFixture.Coordinator, TestData.Patient()),
            app.Send(AppFixture.Clinician, new GetCase.Query(caseId)),
        }));

        var took = await WaitUntilSealedAsync();

        took.ShouldBeLessThan(TimeSpan.FromSeconds(3), "sealed within about a second of commit (slack for a loaded machine)");
        (await CountsAsync()).Entries.ShouldBeGreaterThanOrEqualTo(50);
        await ShouldBeOneContiguousChainAsync();
    }

    [Fact]
    public async Task A_row_that_commits_after_rows_with_higher_ids_is_sealed_after_them_never_skipped()
    {
        await AppSealer.StopAsync(CancellationToken.None);
        await using var slow = new NpgsqlConnection(app.App.AppConnectionString);
        await slow.OpenAsync();
        await using var tx = await slow.BeginTransactionAsync();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO audit_entries (occurred_at, action, entity_type, entity_id, operation, changes)
            VALUES (date_trunc('milliseconds', now()), 'SlowWriter', 'Test', '1', 'Added', '{}') RETURNING id
            """, slow, tx);
        var lowId = (long)(await insert.ExecuteScalarAsync())!;
        await TestData.RegisterCaseAsync(app);   // commits rows with higher ids while the slow one is still open
        (await app.SealPendingAsync()).ShouldBeGreaterThan(0);
        var firstPass = await app.QueryDbAsync(db => db.AuditSeals.Select(s => s.EntryId).ToListAsync());
        firstPass.ShouldAllBe(id => id > lowId);

        await tx.CommitAsync();
        (await app.SealPendingAsync()).ShouldBe(1);

        var seals = await app.QueryDbAsync(db => db.AuditSeals.OrderBy(s => s.Position).ToListAsync());
        seals[^1].EntryId.ShouldBe(lowId);
        seals[^1].Position.ShouldBe(firstPass.Count + 1);
        await ShouldBeOneContiguousChainAsync();
    }

    [Fact]
    public async Task Rows_committed_while_no_sealer_runs_are_pending_not_broken_and_are_sealed_once_it_is_back()
    {
        await TestData.RegisterCaseAsync(app);
        await app.SealPendingAsync();
        var (_, sealedBefore, _) = await CountsAsync();
        await AppSealer.StopAsync(CancellationToken.None);   // the sealing instance crashed: rows commit, nobody seals

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => app.Send(AppFixture.Coordinator, TestData.Patient())));

        var (entries, _, queued) = await CountsAsync();
        queued.ShouldBe(entries - sealedBefore);
        var pending = await VerifyAsIsAsync();
        pending.Valid.ShouldBeTrue(pending.Reason);
        pending.CheckedRows.ShouldBe(sealedBefore);
        pending.PendingRows.ShouldBe(entries - sealedBefore);
        pending.Reason.ShouldBe($"The chain is intact; {entries - sealedBefore} newer rows are not sealed yet (pending) and were not checked.");

        await AppSealer.StartAsync(CancellationToken.None);
        await WaitUntilSealedAsync();
        await ShouldBeOneContiguousChainAsync();

        // Its session killed (the server restarted it, a network cut): it gives up, is elected again and goes on.
        await using (var conn = new NpgsqlConnection(app.App.ConnectionString))
        {
            await conn.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'TumorBoard audit sealer' AND datname = current_database()", conn);
            (await kill.ExecuteScalarAsync()).ShouldBe(1L);
        }
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => app.Send(AppFixture.Coordinator, TestData.Patient())));
        await WaitUntilSealedAsync();
        await ShouldBeOneContiguousChainAsync();
    }

    [Fact]
    public async Task Of_two_contending_sealers_only_the_elected_one_seals_and_the_other_takes_over_when_it_stops()
    {
        await AppSealer.StopAsync(CancellationToken.None);
        var a = AnotherInstance();
        var b = AnotherInstance();
        await a.StartAsync(CancellationToken.None);
        await b.StartAsync(CancellationToken.None);
        try
        {
            await WaitForAsync(() => a.IsLeader || b.IsLeader, "no sealer was elected");
            var bothAtOnce = false;
            using var watching = new CancellationTokenSource();
            var watch = Task.Run(async () =>
            {
                while (!watching.IsCancellationRequested) { bothAtOnce |= a.IsLeader && b.IsLeader; await Task.Delay(5); }
            });
            await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => app.Send(AppFixture.Coordinator, TestData.Patient())));
            await WaitUntilSealedAsync();
            var (leader, other) = a.IsLeader ? (a, b) : (b, a);
            other.IsLeader.ShouldBeFalse();
            await ShouldBeOneContiguousChainAsync();

            await leader.StopAsync(CancellationToken.None);
            await WaitForAsync(() => other.IsLeader, "the second sealer did not take over");
            await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.Send(AppFixture.Coordinator, TestData.Patient())));
            await WaitUntilSealedAsync();
            await ShouldBeOneContiguousChainAsync();
            watching.Cancel();
            await watch;
            bothAtOnce.ShouldBeFalse("two sealers were never elected at the same time");
        }
        finally
        {
            await a.StopAsync(CancellationToken.None);
            await b.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task The_database_refuses_a_second_seal_at_a_position_or_of_a_row_whoever_sends_it()
    {
        await TestData.RegisterCaseAsync(app);
        await app.SealPendingAsync();
        await using var conn = new NpgsqlConnection(app.App.AppConnectionString);
        await conn.OpenAsync();
        await using var samePosition = new NpgsqlCommand("""
            INSERT INTO audit_seals (position, entry_id, previous_hash, hash, sealed_at)
            SELECT position, entry_id + 1000000, previous_hash, hash, now() FROM audit_seals WHERE position = 1
            """, conn);
        (await Should.ThrowAsync<PostgresException>(() => samePosition.ExecuteNonQueryAsync())).ConstraintName.ShouldBe("pk_audit_seals");
        await using var sameRow = new NpgsqlCommand("""
            INSERT INTO audit_seals (position, entry_id, previous_hash, hash, sealed_at)
            SELECT (SELECT max(position) + 1 FROM audit_seals), entry_id, previous_hash, hash, now() FROM audit_seals WHERE position = 1
            """, conn);
        (await Should.ThrowAsync<PostgresException>(() => sameRow.ExecuteNonQueryAsync())).ConstraintName.ShouldBe("ix_audit_seals_entry_id");
    }

    [Fact]
    public async Task A_seal_rewritten_by_a_superuser_is_detected()
    {
        await TestData.RegisterCaseAsync(app);
        await app.SealPendingAsync();
        var seal = await app.QueryDbAsync(db => db.AuditSeals.OrderBy(s => s.Position).Skip(1).FirstAsync());
        await using var conn = new NpgsqlConnection(app.App.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            $"SET session_replication_role = replica; UPDATE audit_seals SET hash = repeat('0', 64) WHERE position = {seal.Position}", conn);
        await cmd.ExecuteNonQueryAsync();

        var result = await VerifyAsIsAsync();

        result.Valid.ShouldBeFalse();
        result.FirstBrokenRowId.ShouldBe(seal.EntryId);
        result.Reason.ShouldContain("does not match its hash");
    }
}
