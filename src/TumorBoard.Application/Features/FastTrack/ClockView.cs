using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Persistence;
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

    public static IReadOnlyList<ClockView> Of(IEnumerable<PathwayClock> clocks, IEnumerable<MsccBreachExplanation> explanations, DateTimeOffset now)
    {
        var latest = explanations.GroupBy(x => x.Clock)
            .ToDictionary(g => g.Key, g => g.OrderBy(x => x.RecordedAt).ThenBy(x => x.Id).Last());
        return [.. clocks.Select(c =>
        {
            latest.TryGetValue(c.Name, out var why);
            return new ClockView
            {
                Name = c.Name, StartedAt = c.StartedAt, StartedFrom = c.StartedFrom, DueAt = c.DueAt, StoppedAt = c.StoppedAt,
                State = c.StateAt(now), MinutesLeft = (long)Math.Floor(c.LeftAt(now).TotalMinutes),
                BreachReason = why?.Reason, BreachReasonText = why?.Text, BreachExplainedByName = why?.RecordedByName,
                BreachExplainedAt = why?.RecordedAt,
            };
        })];
    }

    /// <summary>The triage and clocks of one case (Routine and none for a case whose track is not written yet).</summary>
    public static async Task<(TriageLevel Triage, IReadOnlyList<ClockView> Clocks)> LoadAsync(TumorBoardDbContext db, Guid caseId,
        CancellationToken ct)
    {
        var track = await db.MsccTracks.AsNoTracking().FirstOrDefaultAsync(t => t.CaseId == caseId, ct);
        if (track is null) return (TriageLevel.Routine, []);
        var explanations = track.Clocks.Count == 0 ? []
            : await db.MsccBreachExplanations.AsNoTracking().Where(x => x.CaseId == caseId).ToListAsync(ct);
        return (track.Triage, Of(track.Clocks, explanations, db.UtcNow));
    }
}
