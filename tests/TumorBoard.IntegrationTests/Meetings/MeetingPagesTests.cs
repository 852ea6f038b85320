using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.IntegrationTests.Accounts;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Meetings;

/// <summary>Form round-trips of the meeting pages: antiforgery, messages under the fields, the time zone, 403 and 409.</summary>
[Collection(MeetingsDatabase.Name)]
public sealed class MeetingPagesTests(AppFixture app) : DatabaseTest(app)
{
    [Fact]
    public async Task The_plan_form_shows_each_message_under_its_field()
    {
        var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var response = await PageClient.PostFormAsync(client, "/Meetings/Plan", new()
        {
            ["Input.Title"] = "", ["Input.Date"] = "2020-01-06", ["Input.Time"] = "16:00", ["Input.DurationMinutes"] = "5",
            ["Input.Capacity"] = "12", ["Input.WeeklyOccurrences"] = "1",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        MessagesUnder(html, "Input.Title").ShouldContain("Enter a title.");
        MessagesUnder(html, "Input.Date").ShouldContain("The meeting must start in the future.");
        MessagesUnder(html, "Input.DurationMinutes").ShouldContain("The duration is 15 to 480 minutes.");
        MessagesUnder(html, "Input.Location").ShouldContain("Give a location, a video link, or both.");
        MessagesUnder(html, "Input.ChairId").ShouldContain("Choose the chair.");
        html.ShouldNotContain("style=");
    }

    [Fact]
    public async Task The_plan_form_takes_the_local_time_of_the_board_and_stores_it_in_UTC()
    {
        var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var date = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10));
        var chair = await app.UserIdAsync(AppFixture.Neurosurgeon);
        var response = await PageClient.PostFormAsync(client, "/Meetings/Plan", new()
        {
            ["Input.Title"] = "Spine board", ["Input.Date"] = date.ToString("yyyy-MM-dd"), ["Input.Time"] = "16:30",
            ["Input.DurationMinutes"] = "90", ["Input.Location"] = "Room 4", ["Input.ChairId"] = chair.ToString(),
            ["Input.Capacity"] = "8", ["Input.WeeklyOccurrences"] = "2",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = Guid.Parse(response.Headers.Location!.ToString().Split('/').Last());
        var meeting = await app.Send(AppFixture.Coordinator, new GetMeeting.Query(id));
        var zone = app.App.Services.GetRequiredService<IOptions<BoardOptions>>().Value.Zone;
        TimeZoneInfo.ConvertTime(meeting.StartsAt, zone).DateTime.ShouldBe(date.ToDateTime(new TimeOnly(16, 30)));
        meeting.SeriesId.ShouldNotBeNull();

        var details = await (await client.GetAsync(response.Headers.Location)).Content.ReadAsStringAsync();
        details.ShouldContain($"{date:yyyy-MM-dd} 16:30");
        var at = details.IndexOf("style=", StringComparison.OrdinalIgnoreCase);
        (at < 0 ? "" : details[Math.Max(0, at - 300)..(at + 50)]).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_clinician_is_refused_the_plan_page_but_sees_the_meetings()
    {
        var client = await PageClient.SignedInAsync(app, AppFixture.Clinician);
        (await client.GetAsync("/Meetings/Plan")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var list = await client.GetAsync("/Meetings");
        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await list.Content.ReadAsStringAsync()).ShouldNotContain("Plan a meeting");
    }

    [Fact]
    public async Task Editing_with_a_stale_version_shows_the_conflict_at_the_top()
    {
        var id = await MeetingTestData.PlanMeetingAsync(app);
        var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var meeting = await app.Send(AppFixture.Coordinator, new GetMeeting.Query(id));
        var start = TimeZoneInfo.ConvertTime(meeting.StartsAt, app.App.Services.GetRequiredService<IOptions<BoardOptions>>().Value.Zone);
        var response = await PageClient.PostFormAsync(client, $"/Meetings/Edit/{id}", new()
        {
            ["Input.Title"] = "Renamed", ["Input.Date"] = start.ToString("yyyy-MM-dd"), ["Input.Time"] = start.ToString("HH:mm"),
            ["Input.DurationMinutes"] = "60", ["Input.Location"] = "Room 5", ["Input.ChairId"] = meeting.ChairId.ToString(),
            ["Input.Capacity"] = "6", ["Input.ExpectedVersion"] = (meeting.Version + 1).ToString(),
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("The meeting was changed by someone else since you opened it.");
        (await app.Send(AppFixture.Coordinator, new GetMeeting.Query(id))).Title.ShouldBe(meeting.Title);
    }

    [Fact]
    public async Task The_details_page_adds_a_case_and_shows_a_refused_step_at_the_top()
    {
        var id = await MeetingTestData.PlanMeetingAsync(app);
        var caseId = await MeetingTestData.ReadyCaseAsync(app);
        var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var version = (await app.Send(AppFixture.Coordinator, new GetMeeting.Query(id))).Version;
        var added = await PageClient.PostFormAsync(client, $"/Meetings/Details/{id}?handler=Add",
            new() { ["caseId"] = caseId.ToString(), ["Version"] = version.ToString() });
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.Send(AppFixture.Coordinator, new GetMeeting.Query(id))).Agenda.ShouldHaveSingleItem().CaseId.ShouldBe(caseId);

        var noReason = await PageClient.PostFormAsync(client, $"/Meetings/Details/{id}?handler=Cancel", new());
        noReason.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("Give the reason.");
    }

    static List<string> MessagesUnder(string html, string field) =>
        Regex.Matches(html, $@"data-valmsg-for=""{Regex.Escape(field)}""[^>]*>(?:<span[^>]*>)?([^<]+)<")
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim()).Where(m => m.Length > 0).ToList();
}
