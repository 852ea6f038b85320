using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Mscc;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.FastTrack;

/// <summary>
/// A case's MSCC fast track (pathways.md §1): the triage in force and how it was derived ("P1 because: difficulty
/// walking"), the coordinator's raise, the pathway timestamps with their history, and the clocks.
/// </summary>
public static class GetFastTrack
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Query(Guid CaseId) : IQuery<Result>, ICaseRead;

    /// <summary>One recording of a pathway moment; <see cref="Current"/> marks the one in force (the latest for its event).</summary>
    public sealed record Timestamp(Guid Id, MsccEvent Event, DateTimeOffset OccurredAt, string? Note, string RecordedByName,
        DateTimeOffset RecordedAt, bool Current);

    public sealed record Result
    {
        public Guid CaseId { get; init; }
        public TriageLevel Triage { get; init; }
        public TriageLevel DerivedTriage { get; init; }
        /// <summary>Why the derived class (empty for Routine), in words.</summary>
        public IReadOnlyList<string> DerivedReasons { get; init; } = [];
        public string Derivation { get; init; } = "";
        public TriageLevel? RaisedTriage { get; init; }
        public string? RaiseReason { get; init; }
        public string? RaisedByName { get; init; }
        public DateTimeOffset? RaisedAt { get; init; }
        public IReadOnlyList<ClockView> Clocks { get; init; } = [];
        /// <summary>Every recording, newest first; corrections keep the earlier rows.</summary>
        public IReadOnlyList<Timestamp> Timestamps { get; init; } = [];
    }

    public sealed class Handler(TumorBoardDbContext db, BoardClock clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct) => await LoadAsync(db, clock, query.CaseId, ct);
    }

    public static async Task<Result> LoadAsync(TumorBoardDbContext db, BoardClock clock, Guid caseId, CancellationToken ct)
    {
        var found = await db.Cases.AsNoTracking().Where(c => c.Id == caseId)
            .Select(c => new { Track = db.MsccTracks.FirstOrDefault(t => t.CaseId == c.Id) }).FirstOrDefaultAsync(ct)
            ?? throw NotFoundException.For("Case", caseId);
        var track = found.Track ?? MsccTrack.Start(caseId);
        var stamps = await db.MsccTimestamps.AsNoTracking().Where(t => t.CaseId == caseId)
            .OrderByDescending(t => t.RecordedAt).ThenByDescending(t => t.Id).ToListAsync(ct);
        var current = stamps.GroupBy(s => s.Event).Select(g => g.First().Id).ToHashSet();
        return new Result
        {
            CaseId = caseId, Triage = track.Triage, DerivedTriage = track.DerivedTriage, DerivedReasons = track.DerivedReasons,
            Derivation = track.Derivation.Explanation, RaisedTriage = track.RaisedTriage, RaiseReason = track.RaiseReason,
            RaisedByName = track.RaisedByName, RaisedAt = track.RaisedAt,
            Clocks = ClockView.Of(track, clock.UtcNow),
            Timestamps = [.. stamps.Select(s => new Timestamp(s.Id, s.Event, s.OccurredAt, s.Note, s.RecordedByName, s.RecordedAt,
                current.Contains(s.Id)))],
        };
    }
}
