using TumorBoard.Application.Features.Meetings;
using TumorBoard.Application.Features.Meetings.Calendar;
using TumorBoard.Domain.Meetings;

namespace TumorBoard.UnitTests.Meetings.Calendar;

public sealed class MeetingCalendarTests
{
    static readonly TimeZoneInfo Zurich = TimeZoneInfo.FindSystemTimeZoneById("Europe/Zurich");
    static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    static MeetingCalendar.Event Event(DateTimeOffset start, int minutes = 90, string title = "Spine board") =>
        new(Guid.NewGuid(), title, start, minutes, "Room 4", null, MeetingStatus.Planned, 0, Now, Now, 0);

    static string Write(params MeetingCalendar.Event[] events) => MeetingCalendar.Write(events, "Europe/Zurich", Zurich, Now, "Board");

    [Theory]
    [InlineData(9999, 12, 31, 23, 0)]
    [InlineData(9999, 12, 31, 0, 0)]
    [InlineData(1, 1, 1, 0, 0)]
    public void Leaves_out_a_stored_meeting_whose_times_no_calendar_can_carry_and_writes_the_rest(int y, int mo, int d, int h, int mi)
    {
        var ordinary = Event(new DateTimeOffset(2026, 4, 1, 14, 0, 0, TimeSpan.Zero));
        var broken = Event(new DateTimeOffset(y, mo, d, h, mi, 0, TimeSpan.Zero));
        var ics = Write(broken, ordinary);
        ics.Split("BEGIN:VEVENT").Length.ShouldBe(2);
        ics.ShouldContain(MeetingCalendar.Uid(ordinary.Id));
        ics.ShouldNotContain(MeetingCalendar.Uid(broken.Id));
        ics.ShouldContain("DTSTART;TZID=Europe/Zurich:20260401T160000");
    }

    [Fact]
    public void Leaves_out_a_meeting_with_a_negative_duration()
    {
        Write(Event(Now.AddDays(1), minutes: -30)).ShouldNotContain("BEGIN:VEVENT");
        Write(Event(Now.AddDays(1), minutes: int.MaxValue)).ShouldContain("BEGIN:VEVENT");
    }

    [Fact]
    public void Drops_control_characters_a_stored_text_might_hold()
    {
        var ics = Write(Event(Now.AddDays(1), title: "Spine\u0000 board\u001b[31m\r\nnext"));
        ics.ShouldContain("SUMMARY:Spine board[31m\\nnext");
        ics.ShouldNotContain("\u0000");
        ics.ShouldNotContain("\u001b");
    }
}
