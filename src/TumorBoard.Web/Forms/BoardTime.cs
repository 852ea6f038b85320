using System.Globalization;
using TumorBoard.Application.Common.Models;

namespace TumorBoard.Web.Forms;

/// <summary>Meetings are stored in UTC and shown and entered in the board's configured time zone.</summary>
public static class BoardTime
{
    /// <summary>The local time in the board's zone; an instant at the very ends of the calendar (a stored value no zone offset
    /// can move) is shown as it is, in UTC, rather than failing the page.</summary>
    public static DateTime ToLocal(this BoardOptions board, DateTimeOffset utc) =>
        NearCalendarEnd(utc.UtcDateTime) ? utc.UtcDateTime : TimeZoneInfo.ConvertTime(utc, board.Zone).DateTime;

    /// <summary>"Tue 2025-03-04 16:00".</summary>
    public static string Show(this BoardOptions board, DateTimeOffset utc) =>
        board.ToLocal(utc).ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A local date and time in the board's zone as UTC; null when either part is missing.
    /// A time skipped by the daylight-saving change is moved forward by the gap.</summary>
    public static DateTimeOffset? ToUtc(this BoardOptions board, DateOnly? date, TimeOnly? time)
    {
        if (date is not { } d || time is not { } t) return null;
        var local = d.ToDateTime(t, DateTimeKind.Unspecified);
        // 0001-01-01 or 9999-12-31 cannot be moved by a zone offset: pass it on as UTC for the validator to refuse by its range.
        if (NearCalendarEnd(local)) return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Utc));
        var zone = board.Zone;
        if (zone.IsInvalidTime(local)) local = local.AddHours(1);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    static bool NearCalendarEnd(DateTime t) => t < DateTime.MinValue.AddDays(2) || t > DateTime.MaxValue.AddDays(-2);
}
