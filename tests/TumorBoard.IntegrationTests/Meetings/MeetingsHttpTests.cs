using System.Net;
using System.Text.Json;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Meetings;

/// <summary>Planning and changing meetings over HTTP: 201 + Location, series, validation problems, ETag / If-Match.</summary>
[Collection(MeetingsDatabase.Name)]
public sealed class MeetingsHttpTests(AppFixture app) : DatabaseTest(app)
{
    [Fact]
    public async Task Planning_a_meeting_answers_201_with_a_location_and_the_new_meeting_id()
    {
        using var client = await app.ClientAsync(AppFixture.Coordinator);

        using var created = await client.PostAsync("/api/v1/meetings", Api.Body(await MeetingTestData.PlanAsync(app)));

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.ReadAsync()).GetProperty("meetingIds").EnumerateArray().ShouldHaveSingleItem().GetGuid();
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/meetings/{id}");
        using var fetched = await client.GetAsync(created.Headers.Location);
        fetched.StatusCode.ShouldBe(HttpStatusCode.OK);
        var meeting = await fetched.ReadAsync();
        meeting.GetProperty("id").GetGuid().ShouldBe(id);
        meeting.GetProperty("status").GetString().ShouldBe("Planned");
        meeting.GetProperty("seriesId").ValueKind.ShouldBe(JsonValueKind.Null);
        fetched.ETag().ShouldMatch("^\"[0-9]+\"$");
    }

    [Fact]
    public async Task A_weekly_series_of_four_is_four_meetings_seven_days_apart_with_their_own_cut_offs()
    {
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        var plan = await MeetingTestData.PlanAsync(app) with { WeeklyOccurrences = 4 };

        using var created = await client.PostAsync("/api/v1/meetings", Api.Body(plan));

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var ids = (await created.ReadAsync()).GetProperty("meetingIds").EnumerateArray().Select(e => e.GetGuid()).ToList();
        ids.Count.ShouldBe(4);
        ids.Distinct().Count().ShouldBe(4);
        var meetings = new List<JsonElement>();
        foreach (var id in ids) meetings.Add(await (await client.GetAsync($"/api/v1/meetings/{id}")).ReadAsync());
        var starts = meetings.Select(m => m.GetProperty("startsAt").GetDateTimeOffset()).ToList();
        starts[0].ShouldBe(plan.StartsAt!.Value, TimeSpan.FromMilliseconds(1));
        for (var i = 1; i < 4; i++) (starts[i] - starts[i - 1]).ShouldBe(TimeSpan.FromDays(7));
        meetings.Select(m => m.GetProperty("seriesId").GetGuid()).Distinct().ShouldHaveSingleItem();
        meetings.ShouldAllBe(m => m.GetProperty("startsAt").GetDateTimeOffset() - m.GetProperty("submissionCutoff").GetDateTimeOffset()
            == TimeSpan.FromHours(24));
    }

    [Fact]
    public async Task An_invalid_plan_answers_400_naming_each_field_in_camel_case()
    {
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        var plan = await MeetingTestData.PlanAsync(app) with
        {
            Title = "", StartsAt = DateTimeOffset.UtcNow.AddHours(-1), Capacity = 0,
            ChairId = await app.UserIdAsync(AppFixture.Clinician), VideoLink = "http://video.example/board", WeeklyOccurrences = 0,
        };

        var problem = await (await client.PostAsync("/api/v1/meetings", Api.Body(plan))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.ErrorKeys().ShouldBe(["capacity", "chairId", "startsAt", "title", "videoLink", "weeklyOccurrences"]);
        problem.GetProperty("errors").GetProperty("chairId")[0].GetString().ShouldBe("The chair must be an active specialist.");
        (await app.QueryDbAsync(db => Task.FromResult(db.Meetings.Count()))).ShouldBe(0);
    }

    [Fact]
    public async Task Updating_a_meeting_needs_if_match_answers_412_to_a_stale_one_and_returns_the_new_etag()
    {
        var plan = await MeetingTestData.PlanAsync(app);
        var meetingId = (await app.Send(AppFixture.Coordinator, plan))[0];
        var url = $"/api/v1/meetings/{meetingId}";
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        var etag = await Api.CurrentETagAsync(client, url);
        var body = MeetingTestData.Update(plan) with { Title = "Spine board (moved)", Capacity = 8 };

        await (await client.SendAsync(Api.Request(HttpMethod.Put, url, body))).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await client.SendAsync(Api.Request(HttpMethod.Put, url, body, ifMatch: "\"1\""))).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        using var saved = await client.SendAsync(Api.Request(HttpMethod.Put, url, body, etag));
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        saved.ETag().ShouldNotBe(etag);
        (await saved.ReadAsync()).GetProperty("capacity").GetInt32().ShouldBe(8);
        (await Api.CurrentETagAsync(client, url)).ShouldBe(saved.ETag());
        await (await client.SendAsync(Api.Request(HttpMethod.Put, url, body with { Title = "Again" }, etag)))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        (await (await client.GetAsync(url)).ReadAsync()).GetProperty("title").GetString().ShouldBe("Spine board (moved)");
    }

    [Fact]
    public async Task An_unknown_meeting_answers_404_to_reads_and_changes()
    {
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        var url = $"/api/v1/meetings/{Guid.NewGuid()}";
        (await (await client.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound)).GetProperty("detail").GetString()!.ShouldContain("was not found");
        await (await client.PostAsync($"{url}/start", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Lowering_the_capacity_below_the_agenda_answers_409()
    {
        var (meetingId, _, _) = await MeetingTestData.MeetingWithCasesAsync(app, cases: 2);
        var url = $"/api/v1/meetings/{meetingId}";
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        var body = MeetingTestData.Update(await MeetingTestData.PlanAsync(app, capacity: 1));

        var response = await client.SendAsync(Api.Request(HttpMethod.Put, url, body, await Api.CurrentETagAsync(client, url)));

        (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("2 cases");
    }

    [Fact]
    public async Task Lists_upcoming_meetings_and_offers_the_next_one_with_room()
    {
        var full = await MeetingTestData.PlanMeetingAsync(app, capacity: 1, startsIn: TimeSpan.FromDays(2));
        await app.Send(AppFixture.Coordinator, new Application.Features.Meetings.Agenda.AddCaseToAgenda.Command
            { MeetingId = full, CaseId = await MeetingTestData.ReadyCaseAsync(app) });
        var open = await MeetingTestData.PlanMeetingAsync(app, startsIn: TimeSpan.FromDays(4));
        using var client = await app.ClientAsync(AppFixture.Clinician);

        var list = await (await client.GetAsync("/api/v1/meetings")).ReadAsync();
        list.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ShouldBe([full, open]);
        using var next = await client.GetAsync("/api/v1/meetings/next-with-room?urgency=Routine");
        next.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await next.ReadAsync()).GetProperty("id").GetGuid().ShouldBe(open);
    }
}
