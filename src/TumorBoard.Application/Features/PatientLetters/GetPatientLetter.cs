using Mediator;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.PatientLetters;

/// <summary>One letter (its current version, or <see cref="Query.VersionNumber"/>) with its versions. The decision's readers
/// may read it: coordinators, specialists and clinicians, as for the decision itself.</summary>
public static class GetPatientLetter
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Query(Guid DecisionId, Guid LetterId, int? VersionNumber = null) : IQuery<PatientLetterView>;

    public sealed class Handler(TumorBoardDbContext db) : IQueryHandler<Query, PatientLetterView>
    {
        public async ValueTask<PatientLetterView> Handle(Query q, CancellationToken ct) =>
            await PatientLetterAccess.ViewAsync(db, q.DecisionId, q.LetterId, q.VersionNumber, ct);
    }
}
