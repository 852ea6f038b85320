using Mediator;
using TumorBoard.Application.Common.Audit;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Decisions;

/// <summary>
/// Every decision version of a case, newest first: drafts, the current signed one and the superseded ones. A case has a
/// handful (one per discussion plus amendments), so the list is not paged.
/// </summary>
public static class ListCaseDecisions
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Query(Guid CaseId) : IQuery<IReadOnlyList<Row>>, ICaseRead;

    public sealed record Row(Guid Id, int Number, DecisionStatus Status, DecisionOutcome Outcome, Guid? MeetingId, string MeetingTitle,
        DateTimeOffset? MeetingStartsAt, Guid? AgendaItemId, Guid? AmendsId, string? AmendmentReason, Guid? SupersededById,
        string? SignerName, DateTimeOffset? SignedAt, bool HasDissent, DateTimeOffset CreatedAt, string CreatedByName);

    public sealed class Handler(TumorBoardDbContext db) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken ct)
        {
            if (!await db.Cases.AnyAsync(c => c.Id == query.CaseId, ct)) throw NotFoundException.For("Case", query.CaseId);
            return await (
                from d in db.Decisions.AsNoTracking().IgnoreAutoIncludes()
                join m0 in db.Meetings.IgnoreAutoIncludes() on d.MeetingId equals (Guid?)m0.Id into ms
                from m in ms.DefaultIfEmpty()
                where d.CaseId == query.CaseId
                orderby d.Number descending
                select new Row(d.Id, d.Number, d.Status, d.Outcome, d.MeetingId, m == null ? DecisionView.OutsideMeetingTitle : m.Title,
                    m == null ? null : m.StartsAt, d.AgendaItemId, d.AmendsId, d.AmendmentReason,
                    d.SupersededById, d.SignerName, d.SignedAt, d.Positions.Any(p => p.Kind == PositionKind.Disagree), d.CreatedAt, d.CreatedByName))
                .ToListAsync(ct);
        }
    }
}
