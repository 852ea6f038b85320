using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Decisions;

/// <summary>
/// The decision versions made in one meeting, per agenda item (newest first): what the agenda links to. A meeting holds
/// a few dozen cases at most, so the list is not paged.
/// </summary>
public static class ListMeetingDecisions
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Query(Guid MeetingId) : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(Guid AgendaItemId, Guid CaseId, Guid DecisionId, int Number, DecisionStatus Status, bool IsAmendment);

    public sealed class Handler(TumorBoardDbContext db) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken ct)
        {
            if (!await db.Meetings.AnyAsync(m => m.Id == query.MeetingId, ct)) throw NotFoundException.For("Meeting", query.MeetingId);
            return await db.Decisions.AsNoTracking().IgnoreAutoIncludes()
                .Where(d => d.MeetingId == query.MeetingId)
                .OrderBy(d => d.AgendaItemId).ThenByDescending(d => d.Number)
                .Select(d => new Row(d.AgendaItemId!.Value, d.CaseId, d.Id, d.Number, d.Status, d.AmendsId != null))
                .Take(1000).ToListAsync(ct);
        }
    }
}
