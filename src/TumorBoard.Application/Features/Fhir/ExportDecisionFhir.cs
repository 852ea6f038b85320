using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Features.CaseHistory;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Fhir;

/// <summary>
/// One signed decision version as a FHIR R4 document Bundle (issue #13, part 1). Who may export it is who may read the
/// decision (<see cref="Decisions.GetDecision"/>); the read is logged against the case like every decision read.
/// </summary>
public static class ExportDecisionFhir
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Query(Guid DecisionId) : IQuery<FhirExport>;

    public sealed class Handler(TumorBoardDbContext db, BoardClock clock, IOptions<FhirOptions> options) : IQueryHandler<Query, FhirExport>
    {
        public async ValueTask<FhirExport> Handle(Query query, CancellationToken ct)
        {
            var caseId = await db.Decisions.Where(d => d.Id == query.DecisionId).Select(d => (Guid?)d.CaseId).FirstOrDefaultAsync(ct)
                ?? throw NotFoundException.For("Decision", query.DecisionId);
            var data = await CaseHistoryData.LoadAsync(db, caseId, ct);
            var bundle = FhirBundles.Document(options.Value, data, data.Decision(query.DecisionId)!, clock);
            return new FhirExport(caseId, FhirJson.Serialize(bundle), $"decision-{query.DecisionId}.fhir.json");
        }
    }
}
