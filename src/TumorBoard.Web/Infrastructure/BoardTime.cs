using System.Globalization;
using TumorBoard.Application.Common.Models;

namespace TumorBoard.Web.Infrastructure;

/// <summary>Meetings are stored in UTC and shown and entered in the board's configured time zone.</summary>
public static class BoardTime
{
    public static DateTime ToLocal(this BoardOptions board, DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, board.Zone).DateTime;

    /// <summary>"Tue 2025-03-04 16:00".</summary>
    public static string Show(this BoardOptions board, DateTimeOffset utc) =>
        board.ToLocal(utc).ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A local date and time in the board's zone as UTC; null when either part is missing.
    /// A time skipped by the daylight-saving change is moved forward by the gap.</summary>
    public static DateTimeOffset? ToUtc(this BoardOptions board, DateOnly? date, TimeOnly? time)
    {
        if (date is not { } d || time is not { } t) return null;
        var local = d.ToDateTime(t, DateTimeKind.Unspecified);
        var zone = board.Zone;
        if (zone.IsInvalidTime(local)) local = local.AddHours(1);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
