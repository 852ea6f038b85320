using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Decisions;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.IntegrationTests.Meetings;

namespace TumorBoard.IntegrationTests.Http;

/// <summary>
/// A write answers with what its command saved, never with a second read after the commit: here the database connection
/// is "lost" the moment a request's transaction has committed (every later command fails), and the writes still answer
/// 2xx with the saved record. A second read after the commit would answer 500 ("nothing was saved") for a saved record.
/// </summary>
public sealed class AnswerAfterCommitTests : IAsyncLifetime
{
    const string LoseConnectionAfterCommit = "X-Test-Lose-Connection-After-Commit";

    TumorBoardApp plain = null!;
    WebApplicationFactory<Program> failing = null!;
    AppFixture app = null!;

    public async Task InitializeAsync()
    {
        plain = new TumorBoardApp(await TestPostgres.CreateDatabaseAsync());
        _ = plain.Server;   // migrates and seeds
        app = AppFixture.Over(plain);
        failing = plain.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.ConfigureDbContext<TumorBoardDbContext>((sp, o) =>
                o.AddInterceptors(new ConnectionLostAfterCommit(sp.GetRequiredService<IHttpContextAccessor>())))));
    }

    public async Task DisposeAsync()
    {
        await failing.DisposeAsync();
        await plain.DisposeAsync();
    }

    async Task<HttpClient> ClientAsync(string email)
    {
        var client = failing.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.RequestTokenAsync(email, AppFixture.Password));
        client.DefaultRequestHeaders.Add(LoseConnectionAfterCommit, "yes");
        return client;
    }

    [Fact]
    public async Task Registering_a_patient_and_a_case_answers_201_with_what_was_saved()
    {
        using var client = await ClientAsync(AppFixture.Coordinator);

        using var patient = await client.PostAsync("/api/v1/patients", Api.Body(TestData.Patient("AFTER-1")));
        patient.StatusCode.ShouldBe(HttpStatusCode.Created, await patient.Content.ReadAsStringAsync());
        var patientId = (await patient.ReadAsync()).GetProperty("id").GetGuid();
        using var created = await client.PostAsync("/api/v1/cases", Api.Body(TestData.Case(patientId)));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        var caseId = (await created.ReadAsync()).GetProperty("id").GetGuid();
        var stored = await app.QueryDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId));
        created.ETag().ShouldBe($"\"{stored.Version}\"");
        (await created.ReadAsync()).GetProperty("patient").GetProperty("mrn").GetString().ShouldBe("AFTER-1");
    }

    [Fact]
    public async Task Changing_a_case_answers_with_the_changed_case()
    {
        var (patientId, caseId) = await TestData.RegisterCaseAsync(app);
        var version = await app.QueryDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync());
        using var client = await ClientAsync(AppFixture.Coordinator);

        using var saved = await client.SendAsync(Api.Request(HttpMethod.Put, $"/api/v1/cases/{caseId}",
            TestData.Case(patientId) with { Karnofsky = 40 }, $"\"{version}\""));
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        (await saved.ReadAsync()).GetProperty("details").GetProperty("karnofsky").GetInt32().ShouldBe(40);

        using var ready = await client.SendAsync(Api.Request(HttpMethod.Post, $"/api/v1/cases/{caseId}/ready", ifMatch: saved.ETag()));
        ready.StatusCode.ShouldBe(HttpStatusCode.OK, await ready.Content.ReadAsStringAsync());
        (await ready.ReadAsync()).GetProperty("status").GetString().ShouldBe("ReadyForBoard");
    }

    [Fact]
    public async Task Planning_a_meeting_and_listing_a_case_answer_with_what_was_saved()
    {
        var caseId = await MeetingTestData.ReadyCaseAsync(app);
        using var client = await ClientAsync(AppFixture.Coordinator);

        using var planned = await client.PostAsync("/api/v1/meetings", Api.Body(await MeetingTestData.PlanAsync(app)));
        planned.StatusCode.ShouldBe(HttpStatusCode.Created, await planned.Content.ReadAsStringAsync());
        var meetingId = (await planned.ReadAsync()).GetProperty("meetingIds")[0].GetGuid();
        using var listed = await client.PostAsync($"/api/v1/meetings/{meetingId}/agenda", Api.Body(new { caseId }));

        listed.StatusCode.ShouldBe(HttpStatusCode.Created, await listed.Content.ReadAsStringAsync());
        (await listed.ReadAsync()).GetProperty("agenda")[0].GetProperty("caseId").GetGuid().ShouldBe(caseId);
    }

    [Fact]
    public async Task Recording_a_decision_and_taking_a_position_answer_with_the_decision_saved()
    {
        var board = await DecisionTestData.BoardAsync(app);
        using var coordinator = await ClientAsync(AppFixture.Coordinator);

        using var recorded = await coordinator.PostAsync($"/api/v1/meetings/{board.MeetingId}/agenda/{board.ItemId}/decision",
            Api.Body(new { content = await DecisionTestData.ContentAsync(app) }));
        recorded.StatusCode.ShouldBe(HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());
        var decisionId = (await recorded.ReadAsync()).GetProperty("id").GetGuid();

        using var medOnc = await ClientAsync(AppFixture.MedOnc);
        using var position = await medOnc.SendAsync(Api.Request(HttpMethod.Put, $"/api/v1/decisions/{decisionId}/position", new { kind = "Agree" }));
        position.StatusCode.ShouldBe(HttpStatusCode.OK, await position.Content.ReadAsStringAsync());
        (await position.ReadAsync()).GetProperty("positions").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Creating_and_changing_an_account_answer_with_the_account_saved()
    {
        using var admin = await ClientAsync(AppFixture.Admin);

        using var created = await admin.PostAsync("/api/v1/accounts", Api.Body(Accounts.Accounts.Create(roles: [Roles.Clinician])));

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        (await created.ReadAsync()).GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe([Roles.Clinician]);

        using var updated = await admin.PutAsync(created.Headers.Location,
            Api.Body(new { displayName = "Renamed Person", roles = new[] { Roles.Coordinator }, roleChangeReason = "Moved to the board office" }));
        updated.StatusCode.ShouldBe(HttpStatusCode.OK, await updated.Content.ReadAsStringAsync());
        (await updated.ReadAsync()).GetProperty("displayName").GetString().ShouldBe("Renamed Person");
    }

    [Fact]
    public async Task The_set_up_bites_a_read_after_a_committed_write_in_the_same_request_fails()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        await using var scope = failing.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Headers[LoseConnectionAfterCommit] = "yes";
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = http;
        var db = scope.ServiceProvider.GetRequiredService<TumorBoardDbContext>();

        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            (await db.Cases.FindAsync(caseId))!.ShouldNotBeNull();
            await tx.CommitAsync();
        }

        await Should.ThrowAsync<InvalidOperationException>(() => db.Cases.AsNoTracking().CountAsync());
    }

    /// <summary>Once a transaction of a marked request has committed, every further database command of that request fails.</summary>
    sealed class ConnectionLostAfterCommit(IHttpContextAccessor accessor) : IDbTransactionInterceptor, IDbCommandInterceptor
    {
        const string Committed = "test.committed";

        bool Marked => accessor.HttpContext?.Request.Headers.ContainsKey(LoseConnectionAfterCommit) == true;

        void Arm()
        {
            if (Marked) accessor.HttpContext!.Items[Committed] = true;
        }

        void ThrowIfArmed()
        {
            if (Marked && accessor.HttpContext!.Items.ContainsKey(Committed))
                throw new InvalidOperationException("The database connection was lost after the commit (test).");
        }

        public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Arm();

        public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
        {
            Arm();
            return Task.CompletedTask;
        }

        public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            ThrowIfArmed();
            return result;
        }

        public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken ct = default)
        {
            ThrowIfArmed();
            return ValueTask.FromResult(result);
        }

        public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            ThrowIfArmed();
            return result;
        }

        public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken ct = default)
        {
            ThrowIfArmed();
            return ValueTask.FromResult(result);
        }

        public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            ThrowIfArmed();
            return result;
        }

        public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken ct = default)
        {
            ThrowIfArmed();
            return ValueTask.FromResult(result);
        }
    }
}
