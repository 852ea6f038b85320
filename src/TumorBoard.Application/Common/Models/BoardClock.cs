using Microsoft.Extensions.Options;

namespace TumorBoard.Application.Common.Models;

/// <summary>
/// The board's one clock. "Today" and "now" of the board are the date and wall-clock time where the board sits
/// (<see cref="BoardOptions.TimeZone"/>), never the UTC date: a follow-up is due, a patient has a birthday and imaging goes
/// stale on a local day, the same on the screen, in the worklists and in the case-history export. Instants that are
/// stored (audit, signatures, versions) stay UTC, read from the same <see cref="TimeProvider"/> through <see cref="UtcNow"/>.
/// Tests give it a FakeTimeProvider.
/// </summary>
public sealed class BoardClock(TimeProvider time, IOptions<BoardOptions> board)
{
    /// <summary>The time source under the clock (for what needs one: timers, token lifetimes).</summary>
    public TimeProvider Time => time;

    /// <summary>The board's time zone.</summary>
    public TimeZoneInfo Zone => board.Value.Zone;

    /// <summary>The zone's IANA name ("Europe/Zurich"), as pages and prints name it.</summary>
    public string ZoneName => board.Value.TimeZone;

    /// <summary>The current instant, UTC: what is stored.</summary>
    public DateTimeOffset UtcNow => time.GetUtcNow();

    /// <summary>The board's wall-clock time now, with its offset from UTC.</summary>
    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(UtcNow, Zone);

    /// <summary>The board's local date today.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    /// <summary>The board's local date at <paramref name="instant"/>.</summary>
    public DateOnly DateAt(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The instant the board's local <paramref name="day"/> begins (its midnight, or the first valid time after a
    /// daylight-saving gap at midnight).</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var zone = Zone;
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
