using System.Globalization;

namespace TumorBoard.Application.Features.Meetings.Calendar;

/// <summary>
/// The VTIMEZONE of the configured zone, generated from the adjustment rule in force now (for Europe/Zurich:
/// CEST from the last Sunday of March 02:00, CET from the last Sunday of October 03:00). Older rules are not
/// written: the feeds reach 90 days back at most, and calendar apps know the IANA zone by its TZID anyway.
/// </summary>
internal static class IcsTimeZone
{
    static readonly string[] Days = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    public static void Write(MeetingCalendar.Writer ics, string tzid, TimeZoneInfo zone, DateTimeOffset now)
    {
        ics.Line("BEGIN:VTIMEZONE");
        ics.Line("TZID:" + tzid);
        var rule = CurrentRule(zone, now);
        var standard = zone.BaseUtcOffset + (rule?.BaseUtcOffsetDelta ?? TimeSpan.Zero);
        if (rule is null)
        {
            Part(ics, "STANDARD", standard, standard, zone.StandardName, "19700101T000000", null);
        }
        else
        {
            var daylight = standard + rule.DaylightDelta;
            var start = rule.DaylightTransitionStart;
            var end = rule.DaylightTransitionEnd;
            Part(ics, "DAYLIGHT", standard, daylight, zone.DaylightName, First(start), RRule(start));
            Part(ics, "STANDARD", daylight, standard, zone.StandardName, First(end), RRule(end));
        }
        ics.Line("END:VTIMEZONE");
    }

    /// <summary>The rule with daylight saving in force now, or the rule that will be (null: the zone keeps one offset).</summary>
    static TimeZoneInfo.AdjustmentRule? CurrentRule(TimeZoneInfo zone, DateTimeOffset now)
    {
        if (!zone.SupportsDaylightSavingTime) return null;
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var rules = zone.GetAdjustmentRules();
        var rule = rules.LastOrDefault(r => r.DateStart <= local && local <= r.DateEnd && r.DaylightDelta != TimeSpan.Zero)
            ?? rules.LastOrDefault(r => r.DaylightDelta != TimeSpan.Zero);
        // A rule of one fixed date pair (how some platforms list single historical years) is only right for its year:
        // prefer the open-ended recurring rule when there is one.
        if (rule is { DaylightTransitionStart.IsFixedDateRule: true })
            rule = rules.LastOrDefault(r => !r.DaylightTransitionStart.IsFixedDateRule && r.DaylightDelta != TimeSpan.Zero) ?? rule;
        return rule;
    }

    static void Part(MeetingCalendar.Writer ics, string kind, TimeSpan from, TimeSpan to, string name, string start, string? rrule)
    {
        ics.Line("BEGIN:" + kind);
        ics.Line("TZOFFSETFROM:" + Offset(from));
        ics.Line("TZOFFSETTO:" + Offset(to));
        ics.Line("TZNAME:" + MeetingCalendar.Escape(Abbreviation(name, to)));
        ics.Line("DTSTART:" + start);
        if (rrule is not null) ics.Line("RRULE:" + rrule);
        ics.Line("END:" + kind);
    }

    /// <summary>The first transition in 1970, in local time before the change (RFC 5545 3.6.5).</summary>
    static string First(TimeZoneInfo.TransitionTime t)
    {
        var day = t.IsFixedDateRule ? new DateTime(1970, t.Month, t.Day) : Floating(1970, t);
        return (day + t.TimeOfDay.TimeOfDay).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
    }

    static DateTime Floating(int year, TimeZoneInfo.TransitionTime t)
    {
        if (t.Week == 5)
        {
            var last = new DateTime(year, t.Month, DateTime.DaysInMonth(year, t.Month));
            return last.AddDays(-(((int)last.DayOfWeek - (int)t.DayOfWeek + 7) % 7));
        }
        var first = new DateTime(year, t.Month, 1);
        return first.AddDays(((int)t.DayOfWeek - (int)first.DayOfWeek + 7) % 7 + 7 * (t.Week - 1));
    }

    static string RRule(TimeZoneInfo.TransitionTime t) => t.IsFixedDateRule
        ? $"FREQ=YEARLY;BYMONTH={t.Month};BYMONTHDAY={t.Day}"
        : $"FREQ=YEARLY;BYMONTH={t.Month};BYDAY={(t.Week == 5 ? "-1" : t.Week.ToString(CultureInfo.InvariantCulture))}{Days[(int)t.DayOfWeek]}";

    static string Offset(TimeSpan o) =>
        (o < TimeSpan.Zero ? "-" : "+") + o.Duration().ToString("hhmm", CultureInfo.InvariantCulture);

    /// <summary>Linux names zones "Central European Standard Time"; short names such as CET come from the initials.</summary>
    static string Abbreviation(string name, TimeSpan offset)
    {
        if (string.IsNullOrWhiteSpace(name)) return "UTC" + Offset(offset);
        if (!name.Contains(' ')) return name;
        var initials = string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w != "Standard").Select(w => w[0]));
        return initials.Length >= 2 ? initials : name;
    }
}
