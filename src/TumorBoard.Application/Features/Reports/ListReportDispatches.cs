using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Reports;

/// <summary>
/// The recorded dispatches of one decision version's report, in the order they left. Small by nature (a report goes out
/// once or a few times), so not paged.
/// </summary>
public static class ListReportDispatches
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Query(Guid DecisionId) : IQuery<IReadOnlyList<ReportDispatchView>>;

    public sealed class Handler(TumorBoardDbContext db) : IQueryHandler<Query, IReadOnlyList<ReportDispatchView>>
    {
        public async ValueTask<IReadOnlyList<ReportDispatchView>> Handle(Query q, CancellationToken ct)
        {
            await ReportDispatchAccess.DecisionAsync(db, q.DecisionId, ct);
            return await ReportDispatchView.Project(db.ReportDispatches.AsNoTracking().Where(x => x.DecisionId == q.DecisionId)
                .OrderBy(x => x.SentAt).ThenBy(x => x.Id)).ToListAsync(ct);
        }
    }
}
