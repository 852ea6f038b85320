using System.Globalization;
using System.Text;
using TumorBoard.Domain.Meetings;

namespace TumorBoard.Application.Features.Meetings.Calendar;

/// <summary>
/// Writes board meetings as an RFC 5545 iCalendar (no package): CRLF line ends, lines folded at 75 octets,
/// TEXT values escaped. Events carry counts only, never patient data: the title, place, video link and
/// "n cases on the agenda". The words (SUMMARY, DESCRIPTION) are in the language asked for (<see cref="CalendarTexts"/>,
/// English by default); the machine fields are the same in every language.
/// </summary>
public static class MeetingCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>What a calendar may show of a meeting.</summary>
    public sealed record Event(Guid Id, string Title, DateTimeOffset StartsAt, int DurationMinutes, string? Location, string? VideoLink,
        MeetingStatus Status, int AgendaCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Revision);

    /// <summary>The file a use case hands to the web layer.</summary>
    public sealed record File(string FileName, string Content)
    {
        public byte[] Bytes => Encoding.UTF8.GetBytes(Content);
    }

    public static IQueryable<Event> Project(IQueryable<Meeting> meetings) =>
        meetings.Select(m => new Event(m.Id, m.Title, m.StartsAt, m.DurationMinutes, m.Location, m.VideoLink, m.Status, m.AgendaCount,
            m.CreatedAt, m.UpdatedAt, m.CalendarRevision));

    public static string Uid(Guid meetingId) => $"meeting-{meetingId:D}@tumorboard";

    public static string Write(IEnumerable<Event> events, string tzid, TimeZoneInfo zone, DateTimeOffset now, string calendarName,
        CultureInfo? language = null)
    {
        language ??= CultureInfo.InvariantCulture;
        var ics = new Writer();
        ics.Line("BEGIN:VCALENDAR");
        ics.Line("PRODID:-//TumorBoard//Board meetings//EN");
        ics.Line("VERSION:2.0");
        ics.Line("CALSCALE:GREGORIAN");
        ics.Line("METHOD:PUBLISH");
        ics.Line("X-WR-CALNAME:" + Escape(calendarName));
        ics.Line("X-WR-TIMEZONE:" + tzid);
        IcsTimeZone.Write(ics, tzid, zone, now);
        foreach (var e in events)
            if (Times(e, zone) is { } times) WriteEvent(ics, e, times, tzid, now, language);
        ics.Line("END:VCALENDAR");
        return ics.ToString();
    }

    /// <summary>
    /// The event's local start and end, or null for a stored meeting whose times no calendar can carry (at the very ends of
    /// the calendar, or with a negative duration): it is left out, rather than breaking the whole file for every reader.
    /// </summary>
    internal static (string Start, string End)? Times(Event e, TimeZoneInfo zone)
    {
        var start = e.StartsAt.UtcDateTime;
        if (e.DurationMinutes < 0 || start < Earliest || start > Latest.AddMinutes(-e.DurationMinutes)) return null;
        return (Local(e.StartsAt, zone), Local(e.StartsAt.AddMinutes(e.DurationMinutes), zone));
    }

    // A day's margin at both ends: no zone offset can then move a time off the calendar.
    static readonly DateTime Earliest = DateTime.MinValue.AddDays(2);
    static readonly DateTime Latest = DateTime.MaxValue.AddDays(-2);

    static void WriteEvent(Writer ics, Event e, (string Start, string End) times, string tzid, DateTimeOffset now, CultureInfo language)
    {
        ics.Line("BEGIN:VEVENT");
        ics.Line("UID:" + Uid(e.Id));
        ics.Line("DTSTAMP:" + Utc(now));
        ics.Line("CREATED:" + Utc(e.CreatedAt));
        ics.Line("LAST-MODIFIED:" + Utc(e.UpdatedAt));
        // SEQUENCE is the meeting's revision: one more with every change the calendar shows (RFC 5545 3.8.7.4).
        ics.Line("SEQUENCE:" + e.Revision.ToString(CultureInfo.InvariantCulture));
        ics.Line($"DTSTART;TZID={tzid}:{times.Start}");
        ics.Line($"DTEND;TZID={tzid}:{times.End}");
        ics.Line("SUMMARY:" + Escape(e.Status == MeetingStatus.Cancelled ? CalendarTexts.Format("Cancelled", language, e.Title) : e.Title));
        if (e.Location is { } location) ics.Line("LOCATION:" + Escape(location));
        if (e.VideoLink is { } link && !link.Any(char.IsControl) && Uri.TryCreate(link, UriKind.Absolute, out _)) ics.Line("URL:" + link);
        var description = e.AgendaCount == 1 ? CalendarTexts.Get("OneCase", language) : CalendarTexts.Format("Cases", language, e.AgendaCount);
        if (e.Status == MeetingStatus.Cancelled) description = CalendarTexts.Get("CancelledDescription", language);
        if (e.VideoLink is { } video) description += "\n" + CalendarTexts.Format("Video", language, video);
        ics.Line("DESCRIPTION:" + Escape(description));
        ics.Line("STATUS:" + (e.Status == MeetingStatus.Cancelled ? "CANCELLED" : "CONFIRMED"));
        ics.Line("TRANSP:OPAQUE");
        ics.Line("END:VEVENT");
    }

    static string Utc(DateTimeOffset t) => t.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    static string Local(DateTimeOffset t, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(t, zone).DateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    /// <summary>TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newlines; other control characters (which
    /// TEXT may not hold, and which a stored value might) are left out.</summary>
    public static string Escape(string text) => new string(text.Where(c => !char.IsControl(c) || c is '\t' or '\r' or '\n').ToArray())
        .Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,")
        .Replace("\r\n", "\\n").Replace("\r", "\\n").Replace("\n", "\\n");

    /// <summary>Content lines, folded so that no line exceeds 75 octets (a continuation starts with one space).</summary>
    internal sealed class Writer
    {
        readonly StringBuilder text = new();

        public void Line(string line)
        {
            var octets = 0;
            var e = StringInfo.GetTextElementEnumerator(line);
            while (e.MoveNext())
            {
                var element = e.GetTextElement();
                var size = Encoding.UTF8.GetByteCount(element);
                if (octets + size > 75)
                {
                    text.Append("\r\n ");
                    octets = 1;
                }
                text.Append(element);
                octets += size;
            }
            text.Append("\r\n");
        }

        public override string ToString() => text.ToString();
    }
}
