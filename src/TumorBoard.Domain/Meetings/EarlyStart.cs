namespace TumorBoard.Domain.Meetings;

/// <summary>
/// Starting a meeting more than a day before its planned start is allowed (a board may bring a meeting forward) but
/// warned about, since it fixes the agenda of what is most likely the wrong meeting (issue #17).
/// </summary>
public static class EarlyStart
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromDays(1);

    public static bool IsEarly(DateTimeOffset startsAt, DateTimeOffset now) => startsAt - now > Tolerance;

    /// <summary>The warning, or null when the start is not early. <paramref name="plannedStart"/> is the start as the board reads it.</summary>
    public static string? Warning(DateTimeOffset startsAt, DateTimeOffset now, string plannedStart)
    {
        if (!IsEarly(startsAt, now)) return null;
        var days = (int)Math.Floor((startsAt - now).TotalDays);
        return $"This meeting is planned for {plannedStart}, {days} {(days == 1 ? "day" : "days")} from now: " +
            "starting it fixes its agenda. Check that it is the right meeting.";
    }
}
