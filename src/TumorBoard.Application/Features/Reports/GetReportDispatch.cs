using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Reports;

/// <summary>One recorded dispatch of a decision report (the Location of a new one).</summary>
public static class GetReportDispatch
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Query(Guid DecisionId, Guid DispatchId) : IQuery<ReportDispatchView>;

    public sealed class Handler(TumorBoardDbContext db) : IQueryHandler<Query, ReportDispatchView>
    {
        public async ValueTask<ReportDispatchView> Handle(Query q, CancellationToken ct) =>
            await ReportDispatchView.Project(db.ReportDispatches.AsNoTracking().Where(x => x.Id == q.DispatchId && x.DecisionId == q.DecisionId))
                .FirstOrDefaultAsync(ct) ?? throw NotFoundException.For("Report dispatch", q.DispatchId);
    }
}
