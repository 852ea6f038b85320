using System.Net;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Features.Cases;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Http;

/// <summary>Created + Location, the ETag / If-Match round trip, and two coordinators saving at once.</summary>
[Collection(AppCollection.Name)]
public sealed class ETagTests(AppFixture app) : DatabaseTest(app)
{
    [Theory]
    [InlineData("patients")]
    [InlineData("cases")]
    public async Task Answers_201_with_a_location_that_gets_the_same_record(string area)
    {
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        object body = area == "patients" ? TestData.Patient("LOC-1") : TestData.Case((await app.Send(AppFixture.Coordinator, TestData.Patient())).Id);

        using var created = await client.PostAsync($"/api/v1/{area}", Api.Body(body));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.ReadAsync()).GetProperty("id").GetGuid();
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/{area}/{id}");

        using var fetched = await client.GetAsync(created.Headers.Location);
        fetched.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await fetched.ReadAsync()).GetProperty("id").GetGuid().ShouldBe(id);
        fetched.ETag().ShouldBe(created.ETag());
    }

    [Fact]
    public async Task Round_trips_the_etag_and_rejects_a_stale_if_match_with_412()
    {
        var (patientId, caseId) = await Api.CaseAsync(app);
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        var url = $"/api/v1/cases/{caseId}";

        var etag = await Api.CurrentETagAsync(client, url);
        etag.ShouldMatch("^\"[0-9]+\"$");
        var version = await app.QueryDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync());
        etag.ShouldBe($"\"{version}\"");

        using var saved = await client.SendAsync(Api.Request(HttpMethod.Put, url, TestData.Case(patientId) with { Karnofsky = 40 }, etag));
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var newETag = saved.ETag();
        newETag.ShouldNotBe(etag);
        (await saved.ReadAsync()).GetProperty("details").GetProperty("karnofsky").GetInt32().ShouldBe(40);
        (await Api.CurrentETagAsync(client, url)).ShouldBe(newETag);

        using var stale = await client.SendAsync(Api.Request(HttpMethod.Put, url, TestData.Case(patientId) with { Karnofsky = 90 }, etag));
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        (await app.Send(AppFixture.Coordinator, new GetCase.Query(caseId))).Details.Karnofsky.ShouldBe(40);
    }

    [Fact]
    public async Task Round_trips_the_etag_of_a_patient()
    {
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        using var created = await client.PostAsync("/api/v1/patients", Api.Body(TestData.Patient("ET-1")));
        var url = created.Headers.Location!.ToString();
        var etag = created.ETag();

        using var saved = await client.SendAsync(Api.Request(HttpMethod.Put, url, TestData.Patient("ET-1") with { GivenName = "Erik" }, etag));
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        saved.ETag().ShouldNotBe(etag);
        using var stale = await client.SendAsync(Api.Request(HttpMethod.Put, url, TestData.Patient("ET-1"), etag));
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Lets_exactly_one_of_two_simultaneous_saves_with_the_same_if_match_win()
    {
        var (patientId, caseId) = await Api.CaseAsync(app);
        var url = $"/api/v1/cases/{caseId}";
        using var first = await app.ClientAsync(AppFixture.Coordinator);
        using var second = await app.ClientAsync(AppFixture.Coordinator);
        var etag = await Api.CurrentETagAsync(first, url);

        var responses = await Task.WhenAll(
            first.SendAsync(Api.Request(HttpMethod.Put, url, TestData.Case(patientId) with { ClinicalQuestion = "Question A?" }, etag)),
            second.SendAsync(Api.Request(HttpMethod.Put, url, TestData.Case(patientId) with { ClinicalQuestion = "Question B?" }, etag)));

        var statuses = responses.Select(r => r.StatusCode).ToArray();
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(1, string.Join(", ", statuses));
        var loser = responses.Single(r => r.StatusCode != HttpStatusCode.OK);
        // Whether it lost at the If-Match check or at the save (xmin), the loser's answer is the same: 412.
        await loser.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).ReadAsync();
        var stored = await app.Send(AppFixture.Coordinator, new GetCase.Query(caseId));
        stored.Details.ClinicalQuestion.ShouldBe(winner.GetProperty("details").GetProperty("clinicalQuestion").GetString());
        foreach (var r in responses) r.Dispose();
    }
}
