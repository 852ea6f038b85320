using System.Net;
using System.Text.Json;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Domain.Cases;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Meetings.Agenda;

/// <summary>The agenda and conduct endpoints: what succeeds, and 400/409 for what may not happen.</summary>
[Collection(MeetingsDatabase.Name)]
public sealed class MeetingsAgendaHttpTests(AppFixture app) : DatabaseTest(app)
{
    static Guid[] Order(JsonElement meeting) => meeting.GetProperty("agenda").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToArray();

    [Fact]
    public async Task Adding_a_case_answers_201_with_the_agenda_and_refuses_a_full_meeting_and_a_draft_case_with_409()
    {
        var meetingId = await MeetingTestData.PlanMeetingAsync(app, capacity: 1);
        var caseId = await MeetingTestData.ReadyCaseAsync(app);
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        var url = $"/api/v1/meetings/{meetingId}/agenda";

        using var added = await client.PostAsync(url, Api.Body(new { caseId }));
        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        added.Headers.Location!.ToString().ShouldStartWith($"/api/v1/meetings/{meetingId}");
        var item = (await added.ReadAsync()).GetProperty("agenda").EnumerateArray().ShouldHaveSingleItem();
        item.GetProperty("caseId").GetGuid().ShouldBe(caseId);
        item.GetProperty("status").GetString().ShouldBe("Scheduled");
        added.ETag().ShouldBe(await Api.CurrentETagAsync(client, $"/api/v1/meetings/{meetingId}"));

        var full = await client.PostAsync(url, Api.Body(new { caseId = await MeetingTestData.ReadyCaseAsync(app) }));
        (await full.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("full");

        var roomy = await MeetingTestData.PlanMeetingAsync(app);
        var (_, draft) = await TestData.RegisterCaseAsync(app);
        await (await client.PostAsync($"/api/v1/meetings/{roomy}/agenda", Api.Body(new { caseId = draft })))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await app.Send(AppFixture.Coordinator, new GetCase.Query(draft))).Status.ShouldBe(CaseStatus.Draft);
    }

    [Fact]
    public async Task Move_order_and_minutes_change_the_agenda_and_an_incomplete_order_answers_409()
    {
        var (meetingId, items, _) = await MeetingTestData.MeetingWithCasesAsync(app, cases: 3);
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        var url = $"/api/v1/meetings/{meetingId}/agenda";

        using var moved = await client.PostAsync($"{url}/{items[2]}/move", Api.Body(new { offset = -1 }));
        moved.StatusCode.ShouldBe(HttpStatusCode.OK);
        Order(await moved.ReadAsync()).ShouldBe([items[0], items[2], items[1]]);

        using var ordered = await client.SendAsync(Api.Request(HttpMethod.Put, $"{url}/order", new { itemIds = new[] { items[1], items[0], items[2] } }));
        ordered.StatusCode.ShouldBe(HttpStatusCode.OK);
        Order(await ordered.ReadAsync()).ShouldBe([items[1], items[0], items[2]]);
        await (await client.SendAsync(Api.Request(HttpMethod.Put, $"{url}/order", new { itemIds = new[] { items[0], items[1] } })))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        using var minutes = await client.SendAsync(Api.Request(HttpMethod.Put, $"{url}/{items[0]}/minutes", new { minutes = 20 }));
        minutes.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await minutes.ReadAsync()).GetProperty("agenda").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == items[0])
            .GetProperty("minutes").GetInt32().ShouldBe(20);
        var bad = await client.SendAsync(Api.Request(HttpMethod.Put, $"{url}/{items[0]}/minutes", new { minutes = 0 }));
        (await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["minutes"]);
    }

    [Fact]
    public async Task Removing_a_case_needs_a_reason_and_renumbers_the_agenda()
    {
        var (meetingId, items, cases) = await MeetingTestData.MeetingWithCasesAsync(app, cases: 2);
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        var url = $"/api/v1/meetings/{meetingId}/agenda/{items[0]}/remove";

        var noReason = await client.PostAsync(url, Api.Body(new { reason = "" }));
        (await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["reason"]);

        using var removed = await client.PostAsync(url, Api.Body(new { reason = "Biopsy pending" }));
        removed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var item = (await removed.ReadAsync()).GetProperty("agenda").EnumerateArray().ShouldHaveSingleItem();
        (item.GetProperty("id").GetGuid(), item.GetProperty("position").GetInt32()).ShouldBe((items[1], 1));
        (await app.Send(AppFixture.Coordinator, new GetCase.Query(cases[0]))).Status.ShouldBe(CaseStatus.ReadyForBoard);
    }

    [Fact]
    public async Task The_chair_records_attendance_and_runs_the_meeting_to_its_close_with_409_for_illegal_steps()
    {
        var (meetingId, items, cases) = await MeetingTestData.MeetingWithCasesAsync(app, cases: 2);
        using var chair = await app.ClientAsync(AppFixture.Neurosurgeon);
        var url = $"/api/v1/meetings/{meetingId}";
        Guid[] present = [await app.UserIdAsync(AppFixture.Neurosurgeon), await app.UserIdAsync(AppFixture.MedOnc), await app.UserIdAsync(AppFixture.RadOnc)];

        using var attendance = await chair.SendAsync(Api.Request(HttpMethod.Put, $"{url}/attendance", new { presentUserIds = present }));
        attendance.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await attendance.ReadAsync()).GetProperty("hasQuorum").GetBoolean().ShouldBeTrue();

        await (await chair.PostAsync($"{url}/close", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);   // not started
        await (await chair.PostAsync($"{url}/agenda/{items[1]}/defer", Api.Body(new { reason = "Before the start" })))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var stranger = await chair.SendAsync(Api.Request(HttpMethod.Put, $"{url}/attendance", new { presentUserIds = new[] { Guid.NewGuid() } }));
        (await stranger.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["presentUserIds"]);
        using var started = await chair.PostAsync($"{url}/start", null);
        (await started.ReadAsync()).GetProperty("status").GetString().ShouldBe("InProgress");
        await (await chair.PostAsync($"{url}/start", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        (await chair.PostAsync($"{url}/agenda/{items[0]}/discussed", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await chair.PostAsync($"{url}/close", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var noReason = await chair.PostAsync($"{url}/agenda/{items[1]}/defer", Api.Body(new { reason = "" }));
        (await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["reason"]);
        (await chair.PostAsync($"{url}/agenda/{items[1]}/defer", Api.Body(new { reason = "Awaiting biopsy" }))).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var closed = await chair.PostAsync($"{url}/close", null);
        closed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var meeting = await closed.ReadAsync();
        meeting.GetProperty("status").GetString().ShouldBe("Closed");
        meeting.GetProperty("agenda").EnumerateArray().Select(i => i.GetProperty("status").GetString()).ShouldBe(["Discussed", "Deferred"]);
        (await app.Send(AppFixture.Coordinator, new GetCase.Query(cases[1]))).Status.ShouldBe(CaseStatus.ReadyForBoard);
    }

    [Fact]
    public async Task Cancelling_needs_a_reason_and_returns_the_cases_to_ready_for_board()
    {
        var (meetingId, _, cases) = await MeetingTestData.MeetingWithCasesAsync(app, cases: 2);
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        var url = $"/api/v1/meetings/{meetingId}/cancel";

        (await (await client.PostAsync(url, Api.Body(new { reason = " " }))).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["reason"]);
        using var cancelled = await client.PostAsync(url, Api.Body(new { reason = "Public holiday" }));

        var meeting = await cancelled.ReadAsync();
        meeting.GetProperty("status").GetString().ShouldBe("Cancelled");
        meeting.GetProperty("agenda").GetArrayLength().ShouldBe(0);
        foreach (var c in cases) (await app.Send(AppFixture.Coordinator, new GetCase.Query(c))).Status.ShouldBe(CaseStatus.ReadyForBoard);
        await (await client.PostAsync($"{url}", Api.Body(new { reason = "Again" }))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostAsync($"/api/v1/meetings/{meetingId}/start", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }
}
