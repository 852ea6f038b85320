using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TumorBoard.Application.Features.Accounts;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Decisions;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.IntegrationTests.Meetings;

namespace TumorBoard.IntegrationTests.Http;

/// <summary>
/// The read-modify-write loop on every editable resource: the body GET answers, edited in one field and sent back whole
/// with its ETag, is what PUT takes (200, the change kept); the same body with the old ETag is a 412.
/// </summary>
[Collection(AuditDatabase.Name)]
public sealed class RoundTripTests(AppFixture app) : DatabaseTest(app)
{
    [Fact]
    public async Task A_patient_as_get_answers_it_is_what_put_takes()
    {
        var (patientId, _) = await Api.CaseAsync(app);
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        await RoundTripAsync(client, $"/api/v1/patients/{patientId}", b => b["givenName"] = "Erika", b => (string?)b["givenName"], "Erika");
    }

    [Fact]
    public async Task A_case_as_get_answers_it_with_patient_and_details_nested_is_what_put_takes()
    {
        var (_, caseId) = await Api.CaseAsync(app);
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        await RoundTripAsync(client, $"/api/v1/cases/{caseId}", b => b["details"]!["karnofsky"] = 40, b => (int?)b["details"]!["karnofsky"], 40);
    }

    [Fact]
    public async Task A_meeting_as_get_answers_it_is_what_put_takes()
    {
        var meetingId = await MeetingTestData.PlanMeetingAsync(app);
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        await RoundTripAsync(client, $"/api/v1/meetings/{meetingId}", b => b["title"] = "Spine board (moved)", b => (string?)b["title"],
            "Spine board (moved)");
    }

    [Fact]
    public async Task An_account_as_get_answers_it_is_what_put_takes()
    {
        using var client = await app.ClientAsync(AppFixture.Admin);
        using var created = await client.PostAsync("/api/v1/accounts", Api.Body(new CreateAccount.Command
        {
            Email = "round.trip@demo.tumorboard", DisplayName = "Dr. Round Trip", Roles = [Roles.Clinician], Password = "Spinal-Ledger-Quartz-58",
        }));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        created.ETag().ShouldMatch("^\"[0-9]+\"$");
        await RoundTripAsync(client, created.Headers.Location!.ToString(), b => b["displayName"] = "Dr. R. Trip",
            b => (string?)b["displayName"], "Dr. R. Trip");
    }

    [Fact]
    public async Task A_decision_draft_as_get_answers_it_is_what_put_takes()
    {
        var board = await DecisionTestData.BoardAsync(app);
        var draft = await DecisionTestData.RecordAsync(app, board);
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        await RoundTripAsync(client, DecisionTestData.Url(draft.Id), b => b["content"]!["rationale"] = "Separation surgery first: ESCC 3.",
            b => (string?)b["content"]!["rationale"], "Separation surgery first: ESCC 3.");
    }

    [Fact]
    public async Task An_account_put_without_if_match_still_saves_as_before_versions_existed()
    {
        using var client = await app.ClientAsync(AppFixture.Admin);
        var id = await app.UserIdAsync(AppFixture.Clinician);
        var body = await client.GetFromJsonAsync<JsonObject>($"/api/v1/accounts/{id}", Api.Json);
        using var saved = await client.PutAsync($"/api/v1/accounts/{id}", Api.Body(body!));
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_case_put_still_takes_the_flat_body_of_older_clients()
    {
        var (patientId, caseId) = await Api.CaseAsync(app);
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        var url = $"/api/v1/cases/{caseId}";
        var etag = await Api.CurrentETagAsync(client, url);
        using var saved = await client.SendAsync(Api.Request(HttpMethod.Put, url, TestData.Case(patientId) with { Ecog = 3 }, etag));
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        (await saved.ReadAsync()).GetProperty("details").GetProperty("ecog").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task Refuses_a_case_body_with_details_and_flat_fields_naming_details()
    {
        var (_, caseId) = await Api.CaseAsync(app);
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        var url = $"/api/v1/cases/{caseId}";
        using var read = await client.GetAsync(url);
        var body = (await read.Content.ReadFromJsonAsync<JsonObject>(Api.Json))!;
        body["karnofsky"] = 30;

        using var refused = await client.SendAsync(Put(url, body, read.ETag()));
        (await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["details"]);
        (await Api.CurrentETagAsync(client, url)).ShouldBe(read.ETag());
    }

    [Fact]
    public async Task Names_a_bad_nested_case_field_where_the_body_put_it()
    {
        var (_, caseId) = await Api.CaseAsync(app);
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        var url = $"/api/v1/cases/{caseId}";
        using var read = await client.GetAsync(url);
        var body = (await read.Content.ReadFromJsonAsync<JsonObject>(Api.Json))!;
        body["details"]!["clinicalQuestion"] = "";
        body["details"]!["lesions"]![0]!["imagingDate"] = "1800-01-01";

        using var refused = await client.SendAsync(Put(url, body, read.ETag()));
        (await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys()
            .ShouldBe(["details.clinicalQuestion", "details.lesions[0].imagingDate"]);
    }

    /// <summary>GET, edit, PUT the whole body with the ETag: 200, a new ETag, the edit kept; the old ETag again: 412, nothing changed.</summary>
    async Task RoundTripAsync<T>(HttpClient client, string url, Action<JsonObject> edit, Func<JsonObject, T> field, T edited)
    {
        using var read = await client.GetAsync(url);
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        var etag = read.ETag();
        var body = (await read.Content.ReadFromJsonAsync<JsonObject>(Api.Json))!;
        body["version"]!.ToString().ShouldBe(etag.Trim('"'));   // the version in the body is the ETag, and goes back unchanged
        edit(body);

        using var saved = await client.SendAsync(Put(url, body, etag));
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        saved.ETag().ShouldNotBe(etag);
        using var reread = await client.GetAsync(url);
        field((await reread.Content.ReadFromJsonAsync<JsonObject>(Api.Json))!).ShouldBe(edited);
        reread.ETag().ShouldBe(saved.ETag());

        using var stale = await client.SendAsync(Put(url, body, etag));
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        (await Api.CurrentETagAsync(client, url)).ShouldBe(saved.ETag());
    }

    static HttpRequestMessage Put(string url, JsonObject body, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body, options: Api.Json) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }
}
