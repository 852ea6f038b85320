namespace TumorBoard.Application.Common.Models;

/// <summary>Deployment settings of the board (configuration section "Board").</summary>
public sealed class BoardOptions
{
    /// <summary>IANA time zone in which meetings are shown and entered.</summary>
    public string TimeZone { get; set; } = "Europe/Zurich";
    /// <summary>Imaging older than this is flagged "imaging stale" on the agenda.</summary>
    public int ImagingStaleDays { get; set; } = 30;
    /// <summary>Imaging dated before this day is stale on the board's local <paramref name="today"/> (<see cref="BoardClock.Today"/>).</summary>
    public DateOnly ImagingStaleBefore(DateOnly today) => today.AddDays(-ImagingStaleDays);
    /// <summary>Draft cases older than this show on the coordinator's dashboard.</summary>
    public int DraftAgeDays { get; set; } = 7;

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
