using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TumorBoard.Application.Common.Idempotency;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.IntegrationTests.Meetings;
using TumorBoard.Web.Http;

namespace TumorBoard.IntegrationTests.Http;

/// <summary>
/// The Idempotency-Key header on the POSTs (and PUTs) that create records: a retry with the same key and body gets the first answer and
/// creates nothing; another body is 422; parallel requests with one key create one record (the database decides); keys
/// are per user, kept 24 h, purged after; a refused request gives its key back.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class IdempotencyKeyTests(AppFixture app) : DatabaseTest(app)
{
    static HttpRequestMessage Post(string url, object body, string? key)
    {
        var request = Api.Request(HttpMethod.Post, url, body);
        if (key is not null) request.Headers.TryAddWithoutValidation(IdempotencyMiddleware.Header, key);
        return request;
    }

    static string NewKey() => Guid.NewGuid().ToString();

    Task<int> CasesOfAsync(Guid patientId) => app.QueryDbAsync(db => db.Cases.CountAsync(c => c.PatientId == patientId));

    [Fact]
    public async Task A_retry_with_the_same_key_and_body_gets_the_first_answer_and_creates_nothing()
    {
        var patientId = (await app.Send(AppFixture.Coordinator, TestData.Patient())).Id;
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        var key = NewKey();

        using var first = await client.SendAsync(Post("/api/v1/cases", TestData.Case(patientId), key));
        using var retry = await client.SendAsync(Post("/api/v1/cases", TestData.Case(patientId), key));

        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        first.Headers.Contains(IdempotencyMiddleware.ReplayedHeader).ShouldBeFalse();
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.Headers.GetValues(IdempotencyMiddleware.ReplayedHeader).ShouldBe(["true"]);
        (await retry.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        retry.Headers.Location.ShouldBe(first.Headers.Location);
        retry.ETag().ShouldBe(first.ETag());
        retry.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        (await CasesOfAsync(patientId)).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_creates_nothing()
    {
        var patientId = (await app.Send(AppFixture.Coordinator, TestData.Patient())).Id;
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        var key = NewKey();
        (await client.SendAsync(Post("/api/v1/cases", TestData.Case(patientId), key))).StatusCode.ShouldBe(HttpStatusCode.Created);

        using var other = await client.SendAsync(Post("/api/v1/cases", TestData.Case(patientId) with { Karnofsky = 40 }, key));
        using var otherPath = await client.SendAsync(Post("/api/v1/patients", TestData.Patient(), key));

        await other.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        await otherPath.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        (await CasesOfAsync(patientId)).ShouldBe(1);
        (await app.QueryDbAsync(db => db.Patients.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task Parallel_posts_with_one_key_create_exactly_one_record()
    {
        var patientId = (await app.Send(AppFixture.Coordinator, TestData.Patient())).Id;
        var key = NewKey();
        var clients = new List<HttpClient>();
        for (var i = 0; i < 8; i++) clients.Add(await app.ClientAsync(AppFixture.Coordinator));
        using var start = new SemaphoreSlim(0);
        var sends = clients.Select(async c =>
        {
            await start.WaitAsync();
            var response = await c.SendAsync(Post("/api/v1/cases", TestData.Case(patientId), key));
            await response.Content.LoadIntoBufferAsync();
            return response;
        }).ToList();
        start.Release(clients.Count);
        var responses = await Task.WhenAll(sends);

        (await CasesOfAsync(patientId)).ShouldBe(1);
        var statuses = responses.Select(r => r.StatusCode).ToList();
        statuses.ShouldAllBe(s => s == HttpStatusCode.Created || s == HttpStatusCode.Conflict, string.Join(", ", statuses));
        responses.Count(r => r.StatusCode == HttpStatusCode.Created && !r.Headers.Contains(IdempotencyMiddleware.ReplayedHeader)).ShouldBe(1);
        var ids = new List<Guid>();
        foreach (var r in responses.Where(r => r.StatusCode == HttpStatusCode.Created)) ids.Add((await r.ReadAsync()).GetProperty("id").GetGuid());
        ids.Distinct().ShouldHaveSingleItem();
        foreach (var busy in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            await busy.ShouldBeProblemAsync(HttpStatusCode.Conflict);
            busy.Headers.RetryAfter.ShouldNotBeNull();
        }
        // Once the first has answered, every retry gets its answer.
        using var late = await clients[0].SendAsync(Post("/api/v1/cases", TestData.Case(patientId), key));
        late.StatusCode.ShouldBe(HttpStatusCode.Created);
        late.Headers.Contains(IdempotencyMiddleware.ReplayedHeader).ShouldBeTrue();
        foreach (var r in responses) r.Dispose();
        foreach (var c in clients) c.Dispose();
    }

    [Fact]
    public async Task Keys_are_per_user_so_nobody_replays_another_users_answer()
    {
        var patientId = (await app.Send(AppFixture.Coordinator, TestData.Patient())).Id;
        var (_, otherEmail) = await Accounts.Accounts.CreateAsync(app, roles: [Roles.Coordinator]);
        using var mine = await app.ClientAsync(AppFixture.Coordinator);
        using var theirs = app.App.CreateClient();
        theirs.DefaultRequestHeaders.Authorization = new("Bearer", await app.RequestTokenAsync(otherEmail, Accounts.Accounts.Password));
        var key = NewKey();

        using var first = await mine.SendAsync(Post("/api/v1/cases", TestData.Case(patientId), key));
        using var second = await theirs.SendAsync(Post("/api/v1/cases", TestData.Case(patientId), key));

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.Headers.Contains(IdempotencyMiddleware.ReplayedHeader).ShouldBeFalse();
        (await second.ReadAsync()).GetProperty("id").GetGuid().ShouldNotBe((await first.ReadAsync()).GetProperty("id").GetGuid());
        (await CasesOfAsync(patientId)).ShouldBe(2);
    }

    [Fact]
    public async Task A_refused_request_stores_nothing_and_its_key_serves_the_corrected_request()
    {
        var patientId = (await app.Send(AppFixture.Coordinator, TestData.Patient())).Id;
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        var key = NewKey();

        using var refused = await client.SendAsync(Post("/api/v1/cases", TestData.Case(patientId) with { ClinicalQuestion = "" }, key));
        await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await app.QueryDbAsync(db => db.IdempotencyKeys.CountAsync())).ShouldBe(0);

        using var corrected = await client.SendAsync(Post("/api/v1/cases", TestData.Case(patientId), key));
        corrected.StatusCode.ShouldBe(HttpStatusCode.Created);
        corrected.Headers.Contains(IdempotencyMiddleware.ReplayedHeader).ShouldBeFalse();
        (await CasesOfAsync(patientId)).ShouldBe(1);
    }

    [Theory]
    [InlineData("Ü-not-ascii")]
    [InlineData("tab\tinside")]
    public async Task A_key_that_is_not_printable_ascii_is_400_and_runs_nothing(string key)
    {
        var patientId = (await app.Send(AppFixture.Coordinator, TestData.Patient())).Id;
        using var client = await app.ClientAsync(AppFixture.Coordinator);

        using var response = await client.SendAsync(Post("/api/v1/cases", TestData.Case(patientId), key));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe([IdempotencyMiddleware.Header]);
        (await CasesOfAsync(patientId)).ShouldBe(0);
    }

    [Fact]
    public async Task A_key_longer_than_255_characters_or_sent_twice_is_400()
    {
        var patientId = (await app.Send(AppFixture.Coordinator, TestData.Patient())).Id;
        using var client = await app.ClientAsync(AppFixture.Coordinator);

        using var tooLong = await client.SendAsync(Post("/api/v1/cases", TestData.Case(patientId), new string('k', 256)));
        using var twice = Post("/api/v1/cases", TestData.Case(patientId), "first");
        twice.Headers.TryAddWithoutValidation(IdempotencyMiddleware.Header, "second");
        using var sentTwice = await client.SendAsync(twice);
        using var longest = await client.SendAsync(Post("/api/v1/cases", TestData.Case(patientId), new string('k', 255)));

        await tooLong.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await sentTwice.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        longest.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await CasesOfAsync(patientId)).ShouldBe(1);
    }

    [Fact]
    public async Task Without_the_header_a_repeated_post_creates_again_as_before()
    {
        var patientId = (await app.Send(AppFixture.Coordinator, TestData.Patient())).Id;
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        (await client.SendAsync(Post("/api/v1/cases", TestData.Case(patientId), null))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.SendAsync(Post("/api/v1/cases", TestData.Case(patientId), null))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await CasesOfAsync(patientId)).ShouldBe(2);
        (await app.QueryDbAsync(db => db.IdempotencyKeys.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Other_creating_posts_replay_too_patients_meetings_and_agenda_entries()
    {
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        var patient = TestData.Patient();
        var plan = await MeetingTestData.PlanAsync(app) with { Title = $"Board {Guid.NewGuid():N}" };
        var caseId = await MeetingTestData.ReadyCaseAsync(app);
        foreach (var (url, body) in new (string, Func<Task<object>>)[]
                 {
                     ("/api/v1/patients", () => Task.FromResult<object>(patient)),
                     ("/api/v1/meetings", () => Task.FromResult<object>(plan)),
                 })
        {
            var key = NewKey();
            var content = await body();
            using var first = await client.SendAsync(Post(url, content, key));
            using var retry = await client.SendAsync(Post(url, content, key));
            first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
            retry.StatusCode.ShouldBe(HttpStatusCode.Created, url);
            retry.Headers.Contains(IdempotencyMiddleware.ReplayedHeader).ShouldBeTrue(url);
            (await retry.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        }
        (await app.QueryDbAsync(db => db.Patients.CountAsync(p => p.Mrn == patient.Mrn))).ShouldBe(1);
        (await app.QueryDbAsync(db => db.Meetings.CountAsync(m => m.Title == plan.Title))).ShouldBe(1);

        var meetingId = (await app.QueryDbAsync(db => db.Meetings.Where(m => m.Title == plan.Title).Select(m => m.Id).SingleAsync()));
        var agendaKey = NewKey();
        using var added = await client.SendAsync(Post($"/api/v1/meetings/{meetingId}/agenda", new { caseId }, agendaKey));
        using var again = await client.SendAsync(Post($"/api/v1/meetings/{meetingId}/agenda", new { caseId }, agendaKey));
        added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        again.StatusCode.ShouldBe(HttpStatusCode.Created, await again.Content.ReadAsStringAsync());
        again.Headers.Location.ShouldBe(added.Headers.Location);
        (await app.QueryDbAsync(db => db.AgendaItems.CountAsync(i => i.CaseId == caseId))).ShouldBe(1);
    }

    [Fact]
    public async Task The_put_that_creates_the_first_assessment_draft_replays_too()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        using var client = await app.ClientAsync(AppFixture.Neurosurgeon);
        var key = NewKey();
        var url = $"/api/v1/cases/{caseId}/assessments/neurosurgery/draft";

        HttpRequestMessage Put()
        {
            var request = Api.Request(HttpMethod.Put, url, Assessments.AssessmentTestData.Neurosurgery());
            request.Headers.TryAddWithoutValidation(IdempotencyMiddleware.Header, key);
            return request;
        }
        using var created = await client.SendAsync(Put());
        using var retry = await client.SendAsync(Put());   // without the key: 428, the draft now exists and needs its version

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.Headers.Contains(IdempotencyMiddleware.ReplayedHeader).ShouldBeTrue();
        retry.ETag().ShouldBe(created.ETag());
        (await app.QueryDbAsync(db => db.AssessmentVersions.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task The_token_endpoint_never_stores_its_answer()
    {
        using var client = app.App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = JsonContent.Create(new { email = AppFixture.Coordinator, password = AppFixture.Password }),
        };
        request.Headers.TryAddWithoutValidation(IdempotencyMiddleware.Header, NewKey());

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.QueryDbAsync(db => db.IdempotencyKeys.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_key_whose_first_request_has_no_answer_yet_is_409_and_runs_nothing()
    {
        var patientId = (await app.Send(AppFixture.Coordinator, TestData.Patient())).Id;
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        var key = NewKey();
        var body = TestData.Case(patientId);
        // The state a request leaves while it runs, or when it was interrupted after it wrote: claimed, no answer.
        var userId = await app.UserIdAsync(AppFixture.Coordinator);
        var claim = await StoreAsync(s => s.ClaimAsync(userId, key, "POST", "/api/v1/cases", HashOf(body), default));
        claim.ShouldBeOfType<KeyClaim.Claimed>();

        using var response = await client.SendAsync(Post("/api/v1/cases", body, key));

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await CasesOfAsync(patientId)).ShouldBe(0);
    }

    [Fact]
    public async Task A_key_past_its_24_hours_is_used_afresh_and_the_purge_deletes_expired_keys()
    {
        var patientId = (await app.Send(AppFixture.Coordinator, TestData.Patient())).Id;
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        var (kept, expired) = (NewKey(), NewKey());
        (await client.SendAsync(Post("/api/v1/cases", TestData.Case(patientId), kept))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.SendAsync(Post("/api/v1/cases", TestData.Case(patientId), expired))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await AgeAsync(kept, TimeSpan.FromHours(23));
        await AgeAsync(expired, TimeSpan.FromHours(25));

        using var replayed = await client.SendAsync(Post("/api/v1/cases", TestData.Case(patientId), kept));
        replayed.Headers.Contains(IdempotencyMiddleware.ReplayedHeader).ShouldBeTrue();
        using var afresh = await client.SendAsync(Post("/api/v1/cases", TestData.Case(patientId), expired));
        afresh.StatusCode.ShouldBe(HttpStatusCode.Created);
        afresh.Headers.Contains(IdempotencyMiddleware.ReplayedHeader).ShouldBeFalse();
        (await CasesOfAsync(patientId)).ShouldBe(3);

        await AgeAsync(expired, TimeSpan.FromHours(25));
        (await StoreAsync(s => s.PurgeAsync(default))).ShouldBe(1);
        (await app.QueryDbAsync(db => db.IdempotencyKeys.Select(k => k.Key).ToListAsync())).ShouldBe([kept]);
    }

    async Task<T> StoreAsync<T>(Func<IdempotencyStore, Task<T>> use)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<IdempotencyStore>());
    }

    static byte[] HashOf(object body) =>
        System.Security.Cryptography.SHA256.HashData(Api.Body(body).ReadAsByteArrayAsync().GetAwaiter().GetResult());

    async Task AgeAsync(string key, TimeSpan age)
    {
        await using var conn = new NpgsqlConnection(app.App.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("UPDATE idempotency_keys SET created_at = now() - @age WHERE key = @key", conn);
        cmd.Parameters.AddWithValue("age", age);
        cmd.Parameters.AddWithValue("key", key);
        (await cmd.ExecuteNonQueryAsync()).ShouldBe(1);
    }
}
