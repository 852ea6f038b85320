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
        // The sealer's election and its queue check may run once or twice depending on timing: one statement each.
        return statements.Sent.Where(s => !s.Contains("pg_try_advisory_lock") && !s.Contains("FROM audit_pending")).ToList();
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
        large.Count.ShouldBe(small.Count);
        large.ShouldNotContain(s => s.Contains("count(", StringComparison.OrdinalIgnoreCase) && s.Contains("audit_entries"));
    }
}
