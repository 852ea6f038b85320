using System.Net;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Domain.Cases;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Meetings;

/// <summary>Coordinators editing one agenda at the same time: capacity holds and no change is silently lost.</summary>
[Collection(MeetingsDatabase.Name)]
public sealed class MeetingsConcurrencyTests(AppFixture app) : DatabaseTest(app)
{
    async Task<HttpResponseMessage[]> AddInParallelAsync(Guid meetingId, IEnumerable<Guid> caseIds, string? ifMatch)
    {
        var clients = new List<HttpClient>();
        foreach (var _ in caseIds) clients.Add(await app.ClientAsync(AppFixture.Coordinator));
        var responses = await Task.WhenAll(caseIds.Zip(clients, (caseId, client) =>
            client.SendAsync(Api.Request(HttpMethod.Post, $"/api/v1/meetings/{meetingId}/agenda", new { caseId }, ifMatch))));
        clients.ForEach(c => c.Dispose());
        return responses;
    }

    async Task<List<Guid>> ReadyCasesAsync(int count)
    {
        var cases = new List<Guid>();
        for (var i = 0; i < count; i++) cases.Add(await MeetingTestData.ReadyCaseAsync(app));
        return cases;
    }

    async Task AssertAgendaMatchesAsync(Guid meetingId, List<Guid> cases, HttpResponseMessage[] responses, int capacity)
    {
        var winners = cases.Where((_, i) => responses[i].StatusCode == HttpStatusCode.Created).ToList();
        foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await loser.ShouldBeProblemAsync(loser.StatusCode);
        var meeting = await app.Send(AppFixture.Coordinator, new GetMeeting.Query(meetingId));
        meeting.Agenda.Select(i => i.CaseId).ShouldBe(winners, ignoreOrder: true);
        meeting.Agenda.Count.ShouldBeLessThanOrEqualTo(capacity);
        meeting.Agenda.Select(i => i.Position).ShouldBe(Enumerable.Range(1, winners.Count));
        var stored = await app.QueryDbAsync(db => Task.FromResult(db.Meetings.Single(m => m.Id == meetingId).AgendaCount));
        stored.ShouldBe(winners.Count);
        var scheduled = await app.QueryDbAsync(db => Task.FromResult(db.Cases.Where(c => cases.Contains(c.Id) && c.Status == CaseStatus.Scheduled)
            .Select(c => c.Id).ToList()));
        scheduled.ShouldBe(winners, ignoreOrder: true);
    }

    [Fact]
    public async Task Two_additions_based_on_the_same_if_match_let_exactly_one_win()
    {
        var meetingId = await MeetingTestData.PlanMeetingAsync(app);
        var cases = await ReadyCasesAsync(2);
        using var reader = await app.ClientAsync(AppFixture.Coordinator);
        var etag = await Api.CurrentETagAsync(reader, $"/api/v1/meetings/{meetingId}");

        var responses = await AddInParallelAsync(meetingId, cases, etag);

        var statuses = responses.Select(r => r.StatusCode).ToArray();
        statuses.Count(s => s == HttpStatusCode.Created).ShouldBe(1, string.Join(", ", statuses));
        statuses.Single(s => s != HttpStatusCode.Created).ShouldBeOneOf(HttpStatusCode.Conflict, HttpStatusCode.PreconditionFailed);
        await AssertAgendaMatchesAsync(meetingId, cases, responses, capacity: 5);
    }

    [Fact]
    public async Task Two_additions_without_if_match_never_exceed_a_capacity_of_one()
    {
        var meetingId = await MeetingTestData.PlanMeetingAsync(app, capacity: 1);
        var cases = await ReadyCasesAsync(2);

        var responses = await AddInParallelAsync(meetingId, cases, ifMatch: null);

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.Single(r => r.StatusCode != HttpStatusCode.Created).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await AssertAgendaMatchesAsync(meetingId, cases, responses, capacity: 1);
    }

    [Fact]
    public async Task Eight_parallel_additions_fill_at_most_three_places_and_every_refusal_is_409()
    {
        var meetingId = await MeetingTestData.PlanMeetingAsync(app, capacity: 3);
        var cases = await ReadyCasesAsync(8);

        var responses = await AddInParallelAsync(meetingId, cases, ifMatch: null);

        var statuses = responses.Select(r => r.StatusCode).ToArray();
        statuses.ShouldAllBe(s => s == HttpStatusCode.Created || s == HttpStatusCode.Conflict, string.Join(", ", statuses));
        statuses.Count(s => s == HttpStatusCode.Created).ShouldBeInRange(1, 3);
        await AssertAgendaMatchesAsync(meetingId, cases, responses, capacity: 3);
    }

    [Fact]
    public async Task Two_different_agenda_edits_on_the_same_version_lose_no_update()
    {
        var (meetingId, items, _) = await MeetingTestData.MeetingWithCasesAsync(app, cases: 3);
        using var first = await app.ClientAsync(AppFixture.Coordinator);
        using var second = await app.ClientAsync(AppFixture.Coordinator);
        var url = $"/api/v1/meetings/{meetingId}";
        var etag = await Api.CurrentETagAsync(first, url);

        var responses = await Task.WhenAll(
            first.SendAsync(Api.Request(HttpMethod.Put, $"{url}/agenda/{items[0]}/minutes", new { minutes = 25 }, etag)),
            second.SendAsync(Api.Request(HttpMethod.Post, $"{url}/agenda/{items[2]}/move", new { offset = -2 }, etag)));

        var statuses = responses.Select(r => r.StatusCode).ToArray();
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(1, string.Join(", ", statuses));
        statuses.Single(s => s != HttpStatusCode.OK).ShouldBeOneOf(HttpStatusCode.Conflict, HttpStatusCode.PreconditionFailed);
        var meeting = await app.Send(AppFixture.Coordinator, new GetMeeting.Query(meetingId));
        var minutesWon = responses[0].StatusCode == HttpStatusCode.OK;
        meeting.Agenda.Single(i => i.Id == items[0]).Minutes.ShouldBe(minutesWon ? 25 : null);
        meeting.Agenda.Select(i => i.Id).ShouldBe(minutesWon ? items : [items[2], items[0], items[1]]);
        foreach (var r in responses) r.Dispose();
    }
}
