using Mediator;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Features.CaseHistory;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Fhir;

/// <summary>
/// The whole decision history of a case as a FHIR R4 collection Bundle (issue #13, part 1, DH-8): the FHIR form of
/// <see cref="ExportCaseHistory"/>, for the same roles, read-logged the same way.
/// </summary>
public static class ExportCaseHistoryFhir
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Query(Guid CaseId) : IQuery<FhirExport>, ICaseRead;

    public sealed class Handler(TumorBoardDbContext db, BoardClock clock, IOptions<FhirOptions> options) : IQueryHandler<Query, FhirExport>
    {
        public async ValueTask<FhirExport> Handle(Query query, CancellationToken ct)
        {
            var data = await CaseHistoryData.LoadAsync(db, query.CaseId, ct);
            return new FhirExport(query.CaseId, FhirJson.Serialize(FhirBundles.Collection(options.Value, data, clock)),
                $"case-{query.CaseId}-history.fhir.json");
        }
    }
}
