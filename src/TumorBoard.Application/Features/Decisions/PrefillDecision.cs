using Mediator;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Decisions;

/// <summary>
/// A new decision form's plan from the specialists' SUBMITTED recommendations (<see cref="DecisionPrefill"/>): procedure,
/// levels, dose, fractions and timing, each step with where it comes from. Drafts never pre-fill.
/// </summary>
public static class PrefillDecision
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Query(Guid CaseId) : IQuery<IReadOnlyList<PrefilledStep>>, ICaseRead;

    public sealed class Handler(TumorBoardDbContext db) : IQueryHandler<Query, IReadOnlyList<PrefilledStep>>
    {
        public async ValueTask<IReadOnlyList<PrefilledStep>> Handle(Query query, CancellationToken ct)
        {
            await AssessmentReads.CaseAsync(db, query.CaseId, ct);   // a case that does not exist is a 404, not an empty plan
            var submitted = AssessmentReads.Submitted(await AssessmentReads.ForCaseAsync(db, query.CaseId, ct));
            return DecisionPrefill.Plan(submitted.Neurosurgery, submitted.RadiationOncology, submitted.MedicalOncology);
        }
    }
}
