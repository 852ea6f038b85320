using Mediator;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Patients;

/// <summary>The registered patient an entered MRN matches once normalised, if any (for the link under a refused MRN).</summary>
public static class FindPatientByMrn
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Query(string Mrn, Guid? Except = null) : IQuery<MrnMatch?>;

    public sealed class Handler(TumorBoardDbContext db) : IQueryHandler<Query, MrnMatch?>
    {
        public async ValueTask<MrnMatch?> Handle(Query query, CancellationToken ct) =>
            await PatientRules.FindByMrnAsync(db, query.Mrn, query.Except, ct);
    }
}
