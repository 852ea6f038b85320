using TumorBoard.Domain.Mscc;

namespace TumorBoard.Application.Features.FastTrack;

/// <summary>
/// One pathway clock as the API and the pages show it (pathways.md §1.2): what started it (<see cref="StartedFrom"/>: an
/// <see cref="MsccEvent"/> name, "CaseRegistered" or "DecisionSigned"), when it is due and stopped, its state now, the
/// minutes left (negative: the overrun), and the coded reason of a breach when one was given.
/// </summary>
public sealed record ClockView
{
    public MsccClockName Name { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public string StartedFrom { get; init; } = "";
    public DateTimeOffset DueAt { get; init; }
    public DateTimeOffset? StoppedAt { get; init; }
    public ClockState State { get; init; }
    /// <summary>Whole minutes to the due time (negative once overrun), counted to the stop, or to now while running.</summary>
    public long MinutesLeft { get; init; }
    public BreachReason? BreachReason { get; init; }
    public string? BreachReasonText { get; init; }
    public string? BreachExplainedByName { get; init; }
    public DateTimeOffset? BreachExplainedAt { get; init; }

    /// <summary>A breach with no coded reason yet: shown first on the worklist.</summary>
    public bool NeedsBreachReason => State == ClockState.Breached && BreachReason is null;

    public static IReadOnlyList<ClockView> Of(IEnumerable<PathwayClock> clocks, IEnumerable<BreachNote> notes, DateTimeOffset now)
    {
        var latest = notes.ToDictionary(n => n.Clock);
        return [.. clocks.Select(c =>
        {
            latest.TryGetValue(c.Name, out var why);
            return new ClockView
            {
                Name = c.Name, StartedAt = c.StartedAt, StartedFrom = c.StartedFrom, DueAt = c.DueAt, StoppedAt = c.StoppedAt,
                State = c.StateAt(now), MinutesLeft = (long)Math.Floor(c.LeftAt(now).TotalMinutes),
                BreachReason = why?.Reason, BreachReasonText = why?.Text, BreachExplainedByName = why?.ByName,
                BreachExplainedAt = why?.At,
            };
        })];
    }

    /// <summary>The clocks of a track as of <paramref name="now"/> (none for a case whose track is not written yet).</summary>
    public static IReadOnlyList<ClockView> Of(MsccTrack? track, DateTimeOffset now) =>
        track is null ? [] : Of(track.Clocks, track.BreachNotes, now);
}
