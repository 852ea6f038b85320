using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Patients;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.Web.Errors;
using TumorBoard.Web.Development;
using Xunit.Abstractions;

namespace TumorBoard.IntegrationTests.Faults;

/// <summary>
/// PostgreSQL dies under a write load and comes back. The test runs its own cluster (the shared one serves the other
/// tests): four writers register patients and cases through the API, the server is stopped abruptly
/// (pg_ctl -m immediate), then restarted on the same port while the same app keeps running.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class DatabaseOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(30);
    const int Writers = 4;

    readonly string dir = Path.Combine(Path.GetTempPath(), "tb-pg-fault-" + Guid.NewGuid().ToString("N")[..8]);
    LocalPostgres cluster = null!;
    TumorBoardApp app = null!;
    AppFixture fixture = null!;

    public async Task InitializeAsync()
    {
        cluster = await LocalPostgres.StartAsync(dir);
        var connectionString = await TestPostgres.CreateDatabaseAsync(cluster.ConnectionString("postgres"));
        // The cluster runs with synchronous_commit=off for speed; here a 201 must mean "on disk", as in production.
        await using (var conn = new NpgsqlConnection(cluster.ConnectionString("postgres")))
        {
            await conn.OpenAsync();
            var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
            await using var sync = new NpgsqlCommand($"ALTER DATABASE {database} SET synchronous_commit = on", conn);
            await sync.ExecuteNonQueryAsync();
        }
        app = new TumorBoardApp(connectionString);
        _ = app.Server;
        fixture = AppFixture.Over(app);
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await cluster.StopAsync();
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public async Task Answers_503_while_the_database_is_down_and_recovers_without_a_restart_losing_nothing()
    {
        using var coordinator = await fixture.ClientAsync(AppFixture.Coordinator);
        using var page = await PageClient.SignedInAsync(fixture, AppFixture.Coordinator);
        (await coordinator.PostAsync("/api/v1/scores/performance-status", Json("""{"ecog":1}"""))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var load = new WriteLoad(fixture);
        var writers = Enumerable.Range(0, Writers).Select(_ => load.RunAsync()).ToArray();
        await Task.Delay(TimeSpan.FromSeconds(2));
        load.Created.Count.ShouldBeGreaterThan(0, "the writers made no progress before the outage");

        var down = Stopwatch.StartNew();
        await cluster.KillAsync();
        await ShouldBeUnavailableAsync(await coordinator.PostAsync("/api/v1/patients", Api.Body(TestData.Patient())), "a write");
        await ShouldBeUnavailableAsync(await coordinator.GetAsync("/api/v1/patients"), "a read");
        // A score is computed, never stored: with the signed-in account's check cached (Auth:AccountCheckSeconds, signed
        // in a moment ago) it still answers while the database is down.
        (await coordinator.PostAsync("/api/v1/scores/performance-status", Json("""{"ecog":1}"""))).StatusCode
            .ShouldBe(HttpStatusCode.OK, "a score needs no database");
        var pageAnswer = await page.GetAsync("/Cases");
        var html = await pageAnswer.Content.ReadAsStringAsync();
        pageAnswer.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, html);
        pageAnswer.Headers.RetryAfter.ShouldNotBeNull();
        html.ShouldContain("temporarily unavailable");
        await Task.Delay(TimeSpan.FromSeconds(2));   // the writers keep going against the dead server

        await cluster.RestartAsync();
        var restarted = Stopwatch.StartNew();
        var outage = down.Elapsed;
        HttpStatusCode last;
        var attempts = 0;
        do
        {
            attempts++;
            last = (await coordinator.PostAsync("/api/v1/patients", Api.Body(TestData.Patient()))).StatusCode;
            if (last == HttpStatusCode.Created) break;
            await Task.Delay(50);
        } while (restarted.Elapsed < RecoveryBound);
        var recovery = restarted.Elapsed;
        last.ShouldBe(HttpStatusCode.Created, $"no write succeeded within {RecoveryBound} of the restart");

        var createdBeforeRecovery = load.Created.Count;
        await Task.Delay(TimeSpan.FromSeconds(2));
        load.Stop();
        await Task.WhenAll(writers);

        output.WriteLine($"database down for {outage.TotalSeconds:F1} s; first successful write {recovery.TotalMilliseconds:F0} ms after the restart "
            + $"(attempt {attempts}, one every 50 ms)");
        output.WriteLine($"writers: {load.Summary()}");
        load.Failures.ShouldBeEmpty();
        load.Unavailable.ShouldBeGreaterThan(0, "no writer saw the outage");
        load.Created.Count.ShouldBeGreaterThan(createdBeforeRecovery, "the writers did not recover");
        using (var anonymous = await fixture.ClientAsync(null))
            (await anonymous.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await EveryAcknowledgedRecordIsStoredAsync(load);
        await EveryRecordHasItsAuditRowAsync();
        using var admin = await fixture.ClientAsync(AppFixture.Admin);
        var verify = await (await admin.GetAsync("/api/v1/audit/verify")).ReadAsync();
        verify.GetProperty("valid").GetBoolean().ShouldBeTrue(verify.ToString());
    }

    static async Task ShouldBeUnavailableAsync(HttpResponseMessage response, string what)
    {
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter?.Delta.ShouldBe(TimeSpan.FromSeconds(DatabaseOutage.RetryAfterSeconds), what);
        problem.GetProperty("traceId").GetString().ShouldNotBeNullOrEmpty(what);
        var text = problem.ToString();
        text.ShouldNotContain("Npgsql", Case.Insensitive, what);
        text.ShouldNotContain("Bearer", Case.Insensitive, what);
    }

    static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    async Task EveryAcknowledgedRecordIsStoredAsync(WriteLoad load)
    {
        var acknowledged = load.Created.ToArray();
        var stored = await fixture.QueryDbAsync(async db =>
            (await db.Patients.Select(p => p.Id).ToListAsync()).Concat(await db.Cases.Select(c => c.Id).ToListAsync()).ToHashSet());
        acknowledged.Where(id => !stored.Contains(id)).ShouldBeEmpty("records the API answered 201 for are missing");
    }

    /// <summary>Every patient and case row has the audit row of its insertion (they commit in one transaction).</summary>
    async Task EveryRecordHasItsAuditRowAsync()
    {
        var (patients, cases) = await fixture.QueryDbAsync(async db => (
            await db.Patients.CountAsync(p => !db.AuditEntries.Any(a =>
                a.EntityType == nameof(Patient) && a.EntityId == p.Id.ToString() && a.Operation == "Added")),
            await db.Cases.CountAsync(c => !db.AuditEntries.Any(a =>
                a.EntityType == nameof(TumorBoardCase) && a.EntityId == c.Id.ToString() && a.Operation == "Added"))));
        patients.ShouldBe(0, "patients without the audit row of their registration");
        cases.ShouldBe(0, "cases without the audit row of their registration");
    }

    /// <summary>Writers that register a patient, then a case for it, until stopped; they record every answer.</summary>
    sealed class WriteLoad(AppFixture fixture)
    {
        readonly CancellationTokenSource stop = new();
        readonly ConcurrentDictionary<string, int> statuses = new();
        public ConcurrentBag<Guid> Created { get; } = [];
        public ConcurrentBag<string> Failures { get; } = [];
        public int Unavailable => statuses.Where(s => s.Key.EndsWith(" 503")).Sum(s => s.Value);

        public void Stop() => stop.Cancel();

        public string Summary() => string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));

        public async Task RunAsync()
        {
            using var client = await fixture.ClientAsync(AppFixture.Coordinator);
            while (!stop.IsCancellationRequested)
            {
                var patientId = await WriteAsync(client, "/api/v1/patients", TestData.Patient());
                if (patientId is { } id) await WriteAsync(client, "/api/v1/cases", TestData.Case(id));
                else await Task.Delay(20);   // the server is down: a client would back off, not spin
            }
        }

        async Task<Guid?> WriteAsync(HttpClient client, string url, object body)
        {
            using var response = await client.PostAsync(url, Api.Body(body));
            var status = (int)response.StatusCode;
            statuses.AddOrUpdate($"POST {url} {status}", 1, (_, n) => n + 1);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.Created)
            {
                var id = (await response.Content.ReadFromJsonAsync<Saved>())!.Id;
                Created.Add(id);
                return id;
            }
            var isProblem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || !isProblem || response.Headers.RetryAfter is null)
                Failures.Add($"POST {url} answered {status} {response.Content.Headers.ContentType}: {text}");
            return null;
        }

        sealed record Saved(Guid Id);
    }
}
