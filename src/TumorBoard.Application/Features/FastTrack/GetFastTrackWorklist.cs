using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Mscc;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.FastTrack;

/// <summary>
/// The fast-track worklist (pathways.md §1.2): open P1 and P2 cases with a clock that needs attention — running, or
/// breached without a coded reason — P1 first, then least time left (overdue first). One range of ix_mscc_tracks_worklist
/// per page; the page's clocks and breach reasons come with its rows (the track row): one query, the cost is the page.
/// </summary>
public static class GetFastTrackWorklist
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Query : PagedQuery, IQuery<Paged<Row>>;

    public sealed record Row(Guid CaseId, string PatientName, string Mrn, CaseStatus Status, TriageLevel Triage,
        DateTimeOffset NextDueAt, long MinutesLeft, bool NeedsBreachReason, IReadOnlyList<ClockView> Clocks);

    public sealed record Key(TriageLevel Triage, DateTimeOffset NextDueAt, Guid CaseId);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => Include(new KeysetQueryValidator<Key>(Order.List));
    }

    /// <summary>Triage descending, then due time and case id ascending: the order of ix_mscc_tracks_worklist.</summary>
    internal static readonly Keyset<MsccTrack, Key> Order = new("fast-track",
        q => q.OrderByDescending(t => t.Triage).ThenBy(t => t.NextDueAt).ThenBy(t => t.CaseId),
        q => q.OrderBy(t => t.Triage).ThenByDescending(t => t.NextDueAt).ThenByDescending(t => t.CaseId),
        (q, k) => q.Where(t => t.Triage < k.Triage || (t.Triage == k.Triage
            && EF.Functions.GreaterThan(ValueTuple.Create(t.NextDueAt!.Value, t.CaseId), ValueTuple.Create(k.NextDueAt.ToUniversalTime(), k.CaseId)))),
        (q, k) => q.Where(t => t.Triage > k.Triage || (t.Triage == k.Triage
            && EF.Functions.LessThan(ValueTuple.Create(t.NextDueAt!.Value, t.CaseId), ValueTuple.Create(k.NextDueAt.ToUniversalTime(), k.CaseId)))));

    public sealed class Handler(TumorBoardDbContext db, BoardClock clock) : IQueryHandler<Query, Paged<Row>>
    {
        public async ValueTask<Paged<Row>> Handle(Query query, CancellationToken ct)
        {
            var tracks = db.MsccTracks.AsNoTracking().Where(t => t.NextDueAt != null && t.Triage != TriageLevel.Routine);
            var page = await Order.PageAsync(tracks, query, t => new
            {
                t.CaseId, t.Triage, NextDueAt = t.NextDueAt!.Value, t.Clocks, t.BreachNotes,
                Status = db.Cases.Where(c => c.Id == t.CaseId).Select(c => c.Status).FirstOrDefault(),
                FamilyName = db.Cases.Where(c => c.Id == t.CaseId).Join(db.Patients, c => c.PatientId, p => p.Id, (_, p) => p.FamilyName).FirstOrDefault(),
                GivenName = db.Cases.Where(c => c.Id == t.CaseId).Join(db.Patients, c => c.PatientId, p => p.Id, (_, p) => p.GivenName).FirstOrDefault(),
                Mrn = db.Cases.Where(c => c.Id == t.CaseId).Join(db.Patients, c => c.PatientId, p => p.Id, (_, p) => p.Mrn).FirstOrDefault(),
            }, x => new Key(x.Triage, x.NextDueAt, x.CaseId), ct);

            var now = clock.UtcNow;
            return page.Map(x =>
            {
                var clocks = ClockView.Of(x.Clocks, x.BreachNotes, now);
                return new Row(x.CaseId, $"{x.FamilyName}, {x.GivenName}", x.Mrn ?? "", x.Status, x.Triage, x.NextDueAt,
                    (long)Math.Floor((x.NextDueAt - now).TotalMinutes), clocks.Any(c => c.NeedsBreachReason), clocks);
            });
        }
    }
}
