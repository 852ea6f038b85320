using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Decisions;

/// <summary>The chair's waivers of missing assessments recorded for one agenda item (at most one per required discipline).</summary>
public static class ListAssessmentWaivers
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Query(Guid MeetingId, Guid ItemId) : IQuery<IReadOnlyList<WaiverSnapshot>>;

    public sealed class Handler(TumorBoardDbContext db) : IQueryHandler<Query, IReadOnlyList<WaiverSnapshot>>
    {
        public async ValueTask<IReadOnlyList<WaiverSnapshot>> Handle(Query query, CancellationToken ct)
        {
            if (!await db.AgendaItems.AnyAsync(i => i.Id == query.ItemId && i.MeetingId == query.MeetingId, ct))
                throw NotFoundException.For("Agenda item", query.ItemId);
            return await db.AssessmentWaivers.AsNoTracking()
                .Where(w => w.MeetingId == query.MeetingId && w.AgendaItemId == query.ItemId)
                .OrderBy(w => w.Discipline)
                .Select(w => new WaiverSnapshot(w.Discipline, w.Reason, w.WaivedByName, w.WaivedAt))
                .ToListAsync(ct);
        }
    }
}
