using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Application.Features.Meetings.Calendar;
using TumorBoard.Application.Features.Meetings.Agenda;
using TumorBoard.Domain.Meetings;
using TumorBoard.IntegrationTests.Infrastructure;
using IcalCalendar = Ical.Net.Calendar;

namespace TumorBoard.IntegrationTests.Meetings.Calendar;

[Collection(MeetingsDatabase.Name)]
public sealed class CalendarTests(AppFixture app) : DatabaseTest(app)
{
    static readonly int NextYear = DateTime.UtcNow.Year + 1;
    static readonly DateTimeOffset Summer = new(NextYear, 7, 15, 13, 30, 0, TimeSpan.Zero);   // 15:30 CEST
    static readonly DateTimeOffset Winter = new(NextYear, 1, 15, 13, 30, 0, TimeSpan.Zero);   // 14:30 CET

    [Fact]
    public async Task The_feed_has_one_event_per_meeting_with_stable_uids_zurich_times_and_no_patient_data()
    {
        var summer = await PlanAsync(Summer, "Spine board, summer; \"special\"");
        var winter = await PlanAsync(Winter, "Spine board, winter");
        var cancelled = await PlanAsync(Summer.AddDays(7), "Spine board, cancelled");
        var caseId = await MeetingTestData.ReadyCaseAsync(app);
        await app.Send(AppFixture.Coordinator, new AddCaseToAgenda.Command { MeetingId = summer, CaseId = caseId });
        await app.Send(AppFixture.Coordinator, new CancelMeeting.Command { MeetingId = cancelled, Reason = "Holiday" });
        var patient = await app.QueryDbAsync(db => Task.FromResult(db.Patients.Single()));
        var anHourAgo = DateTimeOffset.UtcNow.AddHours(-1);   // planned an hour ago: the update below comes later
        await app.QueryDbAsync(db => db.Meetings.Where(m => m.Id == winter)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.CreatedAt, anHourAgo).SetProperty(m => m.UpdatedAt, anHourAgo)));

        var first = await FeedAsync(AppFixture.Coordinator);
        var second = await FeedAsync(AppFixture.Coordinator);
        var update = await MeetingTestData.PlanAsync(app);
        await app.Send(AppFixture.Coordinator, new UpdateMeeting.Command
        {
            MeetingId = winter, Title = "Spine board, winter (moved room)", StartsAt = Winter, DurationMinutes = 60,
            Location = "Room 5.01", ChairId = update.ChairId, Capacity = 5,
            ExpectedVersion = (await app.Send(AppFixture.Coordinator, new GetMeeting.Query(winter))).Version,
        });
        var third = await FeedAsync(AppFixture.Coordinator);

        var events = Parse(first).Events.ToList();
        events.Count.ShouldBe(3);
        string[] uids = [MeetingCalendar.Uid(winter), MeetingCalendar.Uid(summer), MeetingCalendar.Uid(cancelled)];
        events.Select(e => e.Uid).ShouldBe(uids);
        Parse(second).Events.Select(e => e.Uid).ShouldBe(uids);
        var updated = Parse(third).Events.Single(e => e.Uid == MeetingCalendar.Uid(winter));
        updated.Summary.ShouldBe("Spine board, winter (moved room)");
        updated.Sequence.ShouldBeGreaterThan(events[0].Sequence);

        var summerEvent = events[1];
        summerEvent.Summary.ShouldBe("Spine board, summer; \"special\"");
        summerEvent.Description.ShouldStartWith("1 case on the agenda");
        summerEvent.Status.ShouldBe("CONFIRMED");
        events[2].Status.ShouldBe("CANCELLED");
        foreach (var (e, utc, localHour) in new[] { (events[0], Winter, 14), (summerEvent, Summer, 15) })
        {
            e.DtStart.ShouldNotBeNull().TzId.ShouldBe("Europe/Zurich");
            e.DtStart.Value.Hour.ShouldBe(localHour);
            e.DtStart.AsUtc.ShouldBe(utc.UtcDateTime);
        }
        first.ShouldContain("DTSTART;TZID=Europe/Zurich:" + $"{NextYear}0715T153000\r\n");
        first.ShouldContain("DTSTART;TZID=Europe/Zurich:" + $"{NextYear}0115T143000\r\n");
        foreach (var secret in new[] { patient.Mrn, patient.FamilyName, patient.GivenName, "Decompression" })
            first.ShouldNotContain(secret);
    }

    [Fact]
    public async Task The_file_follows_rfc_5545_line_rules_and_carries_the_zurich_daylight_rules()
    {
        var longTitle = "Interdisciplinary spine metastasis board, with radiology; neurosurgery\\oncology, and a very long title ü";
        var meetingId = await PlanAsync(Summer, longTitle);
        var client = await app.ClientAsync(AppFixture.Clinician);

        var response = await client.GetAsync($"/api/v1/meetings/{meetingId}/calendar.ics");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/calendar; charset=utf-8");
        var text = await response.Content.ReadAsStringAsync();
        text.Replace("\r\n", "").ShouldNotContain("\n");
        text.ShouldEndWith("END:VCALENDAR\r\n");
        foreach (var line in text.Split("\r\n")) Encoding.UTF8.GetByteCount(line).ShouldBeLessThanOrEqualTo(75);
        var unfolded = text.Replace("\r\n ", "");
        unfolded.ShouldContain("SUMMARY:Interdisciplinary spine metastasis board\\, with radiology\\; neurosurgery\\\\oncology\\, and a very long title ü\r\n");
        foreach (var expected in new[] { "VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "BEGIN:VTIMEZONE\r\nTZID:Europe/Zurich",
            "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200", "DTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
            "BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100", "DTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
            $"UID:meeting-{meetingId}@tumorboard", "STATUS:CONFIRMED" })
            unfolded.ShouldContain(expected);
        Parse(text).Events.ShouldHaveSingleItem().Summary.ShouldBe(longTitle);
    }

    [Fact]
    public async Task My_feed_holds_meetings_i_chair_or_attend_and_every_upcoming_one_for_coordinators()
    {
        var meetingId = await PlanAsync(Summer, "Spine board");

        Parse(await FeedAsync(AppFixture.Neurosurgeon)).Events.Count.ShouldBe(1);   // the chair
        Parse(await FeedAsync(AppFixture.Coordinator)).Events.Count.ShouldBe(1);
        Parse(await FeedAsync(AppFixture.MedOnc)).Events.ShouldBeEmpty();
        await app.Send(AppFixture.Coordinator, new RecordAttendance.Command
        {
            MeetingId = meetingId, PresentUserIds = [await app.UserIdAsync(AppFixture.MedOnc)],
        });
        Parse(await FeedAsync(AppFixture.MedOnc)).Events.ShouldHaveSingleItem().Uid.ShouldBe(MeetingCalendar.Uid(meetingId));
    }

    [Theory]
    [InlineData(AppFixture.Clinician, false, HttpStatusCode.OK)]
    [InlineData(AppFixture.MedOnc, false, HttpStatusCode.OK)]
    [InlineData(AppFixture.Admin, false, HttpStatusCode.Forbidden)]
    [InlineData(null, false, HttpStatusCode.Unauthorized)]
    [InlineData(AppFixture.Admin, true, HttpStatusCode.OK)]
    [InlineData(null, true, HttpStatusCode.Unauthorized)]
    public async Task Calendar_endpoints_answer_by_role(string? email, bool feed, HttpStatusCode expected)
    {
        var meetingId = await MeetingTestData.PlanMeetingAsync(app);
        var client = await app.ClientAsync(email);
        var response = await client.GetAsync(feed ? "/api/v1/calendar/me.ics" : $"/api/v1/meetings/{meetingId}/calendar.ics");
        response.StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task The_pages_serve_the_same_calendars_to_a_signed_in_browser()
    {
        var meetingId = await MeetingTestData.PlanMeetingAsync(app);
        var browser = await PageClient.SignedInAsync(app, AppFixture.Clinician);

        var single = await browser.GetAsync($"/Calendar/Meeting/{meetingId}");
        single.StatusCode.ShouldBe(HttpStatusCode.OK);
        single.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        (await single.Content.ReadAsStringAsync()).ShouldContain(MeetingCalendar.Uid(meetingId));
        var mine = await browser.GetAsync("/Calendar/Mine");
        mine.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await mine.Content.ReadAsStringAsync()).ShouldStartWith("BEGIN:VCALENDAR\r\n");
        (await browser.GetAsync($"/Calendar/Meeting/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    async Task<Guid> PlanAsync(DateTimeOffset startsAt, string title) =>
        (await app.Send(AppFixture.Coordinator, await MeetingTestData.PlanAsync(app) with { StartsAt = startsAt, Title = title }))[0];

    async Task<string> FeedAsync(string email)
    {
        var client = await app.ClientAsync(email);
        return await client.GetStringAsync("/api/v1/calendar/me.ics");
    }

    static IcalCalendar Parse(string text) => IcalCalendar.Load(text) ?? throw new InvalidOperationException("Not a calendar.");
}
