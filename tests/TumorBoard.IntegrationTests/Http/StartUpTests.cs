using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TumorBoard.Application.Common.Audit;
using TumorBoard.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace TumorBoard.IntegrationTests.Http;

/// <summary>
/// Start-up does nothing that grows with the data: the same statements, as many, on a database with a hundred times
/// more audit rows, idempotency keys and sign-in windows (nothing at start counts, verifies, purges or reads the whole
/// checkpoint file; the sealer's election and queue check are one statement each).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class StartUpTests(AppFixture app, ITestOutputHelper output) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        await Sealer.StopAsync(CancellationToken.None);   // only the starting instance talks to the database
    }

    public async Task DisposeAsync() => await Sealer.StartAsync(CancellationToken.None);

    static readonly string[] Periodic = ["DELETE FROM idempotency_keys", "DELETE FROM sign_in_windows"];

    AuditSealerService Sealer => app.App.Services.GetRequiredService<AuditSealerService>();

    async Task<IReadOnlyList<string>> StartAnotherInstanceAsync()
    {
        var database = new NpgsqlConnectionStringBuilder(app.App.AppConnectionString).Database!;
        using var statements = new NpgsqlStatements(database);
        await using (var instance = new TumorBoardApp(app.App.ConnectionString))
        {
            using var client = instance.CreateClient();
            (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        // The sealer's election and its queue check may run once or twice depending on timing: one statement each. The
        // periodic purge of expired idempotency keys and sign-in windows (ExpiredRowsPurge, every 15 minutes, indexed DELETEs)
        // and the periodic checkpoint are not start-up work: a tick of the fixture's own app during the test would add them.
        return statements.Sent.Where(s => !s.Contains("pg_try_advisory_lock") && !s.Contains("FROM audit_pending")
            && !Periodic.Any(p => s.Contains(p, StringComparison.Ordinal))
            // Npgsql's activity for opening a physical connection: the pool opens one more or one fewer depending on timing
            // (a fresh-clone run saw 20 against 19, the difference one "CONNECT"); it is not a statement.
            && !s.StartsWith("CONNECT ", StringComparison.Ordinal)).ToList();
    }

    async Task GrowAsync(int rows)
    {
        await using var conn = new NpgsqlConnection(app.App.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"""
            SET session_replication_role = replica;
            INSERT INTO audit_entries (occurred_at, action, entity_type, entity_id, operation, changes)
            SELECT now(), 'Bulk', 'Test', g::text, 'Added', '{"{}"}' FROM generate_series(1, {rows}) g;
            SET session_replication_role = origin;
            """, conn);
        await cmd.ExecuteNonQueryAsync();
        for (var i = 0; i < 200; i++)
            await File.AppendAllTextAsync(app.App.CheckpointFile, "{\"rowId\":1,\"hash\":\"" + new string('0', 64) + "\"}\n");
    }

    [Fact]
    public async Task Start_up_sends_the_same_statements_whatever_the_size_of_the_data()
    {
        await GrowAsync(200);
        var small = await StartAnotherInstanceAsync();
        await GrowAsync(20_000);
        var large = await StartAnotherInstanceAsync();

        output.WriteLine($"start-up: {small.Count} statements with 200 audit rows, {large.Count} with 20,200");
        foreach (var s in large) output.WriteLine("  " + s.ReplaceLineEndings(" ")[..Math.Min(160, s.ReplaceLineEndings(" ").Length)]);
        // on a mismatch, name the statements one start sent and the other did not
        static IEnumerable<string> Minus(IEnumerable<string> a, IEnumerable<string> b)
        {
            var rest = b.GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
            foreach (var x in a)
                if (rest.TryGetValue(x, out var n) && n > 0) rest[x] = n - 1;
                else yield return x;
        }
        large.Count.ShouldBe(small.Count, $"only with 20,200 rows: [{string.Join(" | ", Minus(large, small))}]; only with 200: [{string.Join(" | ", Minus(small, large))}]");
        large.ShouldNotContain(s => s.Contains("count(", StringComparison.OrdinalIgnoreCase) && s.Contains("audit_entries"));
    }
}
