using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TumorBoard.Application.Common.Audit;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;
using Xunit.Abstractions;
using static TumorBoard.IntegrationTests.Assessments.AssessmentTestData;

namespace TumorBoard.IntegrationTests.Audit;

/// <summary>
/// What a request sends to the database now that the chain is sealed outside it (ADR 0006), counted from Npgsql's own
/// tracing (one activity per command or batch it sends, with its SQL): a case read records itself with one INSERT and
/// no lock; a draft save writes all its audit rows in one transaction, without a lock or a read of the chain's head.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AuditStatementCountTests(AppFixture app, ITestOutputHelper output) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        await Sealer.StopAsync(CancellationToken.None);   // its background statements are not the request's
    }

    public async Task DisposeAsync() => await Sealer.StartAsync(CancellationToken.None);

    AuditSealerService Sealer => app.App.Services.GetRequiredService<AuditSealerService>();

    string Database => new NpgsqlConnectionStringBuilder(app.App.AppConnectionString).Database!;

    void Show(string what, IReadOnlyList<string> statements)
    {
        output.WriteLine($"{what}: {statements.Count} statements");
        foreach (var s in statements) output.WriteLine("  " + s.ReplaceLineEndings(" ")[..Math.Min(160, s.ReplaceLineEndings(" ").Length)]);
    }

    [Fact]
    public async Task A_case_read_records_itself_with_one_insert_and_takes_no_lock()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        using var client = await app.ClientAsync(AppFixture.Clinician);
        (await client.GetAsync($"/api/v1/cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.OK);   // warm: the account check cached

        IReadOnlyList<string> sent;
        using (var statements = new NpgsqlStatements(Database))
        {
            (await client.GetAsync($"/api/v1/cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
            sent = statements.Sent;
        }

        Show("GET /api/v1/cases/{id}", sent);
        sent.ShouldNotContain(s => s.Contains("advisory", StringComparison.OrdinalIgnoreCase));
        sent.ShouldNotContain(s => s.Contains("security_stamp", StringComparison.OrdinalIgnoreCase), "the account check is cached");
        sent.Count(s => s.StartsWith("INSERT INTO audit_entries", StringComparison.OrdinalIgnoreCase)).ShouldBe(1);
        sent.ShouldNotContain(s => s.Contains("audit_seals") || s.StartsWith("BEGIN") || s.StartsWith("COMMIT"));
        sent.Count.ShouldBeLessThanOrEqualTo(3);
    }

    [Fact]
    public async Task A_draft_save_writes_its_audit_rows_in_one_transaction_without_a_lock()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        using var client = await app.ClientAsync(AppFixture.Neurosurgeon);
        var url = $"/api/v1/cases/{caseId}/assessments/neurosurgery/draft";
        using var created = await client.PutAsync(url, Api.Body(Neurosurgery()));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = await app.QueryDbAsync(db => db.AuditEntries.MaxAsync(a => a.Id));

        IReadOnlyList<string> sent;
        using (var statements = new NpgsqlStatements(Database))
        {
            using var saved = await client.SendAsync(Api.Request(HttpMethod.Put, url, Neurosurgery(escc: "3"), created.ETag()));
            saved.StatusCode.ShouldBe(HttpStatusCode.OK);
            sent = statements.Sent;
        }

        Show("PUT neurosurgery draft (a new version)", sent);
        sent.ShouldNotContain(s => s.Contains("advisory", StringComparison.OrdinalIgnoreCase));
        sent.ShouldNotContain(s => s.Contains("audit_seals") || s.Contains("ORDER BY id DESC", StringComparison.OrdinalIgnoreCase));
        var transactions = await app.QueryDbAsync(db => db.Database
            .SqlQueryRaw<string>("SELECT DISTINCT xmin::text AS \"Value\" FROM audit_entries WHERE id > {0}", before).ToListAsync());
        var rows = await app.QueryDbAsync(db => db.AuditEntries.CountAsync(a => a.Id > before));
        output.WriteLine($"{rows} audit rows in {transactions.Count} transaction(s)");
        rows.ShouldBeGreaterThanOrEqualTo(2);
        transactions.ShouldHaveSingleItem();
    }
}
