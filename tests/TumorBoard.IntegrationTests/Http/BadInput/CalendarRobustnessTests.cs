using System.Net;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Application.Features.Meetings.Calendar;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.IntegrationTests.Meetings;
using IcalCalendar = Ical.Net.Calendar;

namespace TumorBoard.IntegrationTests.Http.BadInput;

/// <summary>
/// Issue #10 item 7: a meeting stored at the very end of the calendar (before validation held starts to five years ahead)
/// must not break its .ics, every coordinator's feed, or the pages that list it: it is left out of calendars and shown as stored.
/// </summary>
public sealed class CalendarRobustnessTests(AppFixture app) : BadInputTest(app)
{
    async Task<(Guid Broken, Guid Ordinary)> MeetingsAsync(string startsAt)
    {
        var broken = await MeetingTestData.PlanMeetingAsync(App);
        var ordinary = await MeetingTestData.PlanMeetingAsync(App);
        await using var conn = new Npgsql.NpgsqlConnection(App.App.ConnectionString);
        await conn.OpenAsync();
        await using var update = new Npgsql.NpgsqlCommand(
            "UPDATE meetings SET starts_at = @at::timestamptz, submission_cutoff = @at::timestamptz WHERE id = @id", conn);
        update.Parameters.AddWithValue("at", startsAt);
        update.Parameters.AddWithValue("id", broken);
        (await update.ExecuteNonQueryAsync()).ShouldBe(1);
        return (broken, ordinary);
    }

    [Theory]
    [InlineData("9999-12-31T23:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    public async Task The_feeds_leave_out_a_meeting_stored_at_the_end_of_the_calendar_and_list_the_others(string startsAt)
    {
        var (broken, ordinary) = await MeetingsAsync(startsAt);
        var coordinator = await App.ClientAsync(AppFixture.Coordinator);

        using var feed = await coordinator.GetAsync("/api/v1/calendar/me.ics");
        feed.StatusCode.ShouldBe(HttpStatusCode.OK, await feed.Content.ReadAsStringAsync());
        var calendar = IcalCalendar.Load(await feed.Content.ReadAsStringAsync())!;
        calendar.Events.Select(e => e.Uid).ShouldBe([MeetingCalendar.Uid(ordinary)]);

        using var single = await coordinator.GetAsync($"/api/v1/meetings/{broken}/calendar.ics");
        single.StatusCode.ShouldBe(HttpStatusCode.OK);
        IcalCalendar.Load(await single.Content.ReadAsStringAsync())!.Events.ShouldBeEmpty();

        var neurosurgeon = await App.ClientAsync(AppFixture.Neurosurgeon);   // chairs both
        IcalCalendar.Load(await neurosurgeon.GetStringAsync("/api/v1/calendar/me.ics"))!.Events.Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_pages_that_list_such_a_meeting_still_answer()
    {
        var (broken, _) = await MeetingsAsync("9999-12-31T23:00:00Z");
        var client = await PageClient.SignedInAsync(App, AppFixture.Coordinator);
        foreach (var url in new[] { "/Calendar/Mine", $"/Calendar/Meeting/{broken}", "/Meetings", "/Dashboard", $"/Meetings/Details/{broken}" })
        {
            using var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{url}: {await response.Content.ReadAsStringAsync()}");
        }
        using var dashboard = await (await App.ClientAsync(AppFixture.Coordinator)).GetAsync("/api/v1/worklists/coordinator");
        dashboard.StatusCode.ShouldBe(HttpStatusCode.OK, await dashboard.Content.ReadAsStringAsync());
        (await App.QueryDbAsync(db => db.Meetings.CountAsync(m => m.Id == broken))).ShouldBe(1);
    }
}
