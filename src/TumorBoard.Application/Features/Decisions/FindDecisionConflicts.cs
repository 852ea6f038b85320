using Mediator;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Scores;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Decisions;

/// <summary>
/// The conflicts the decision form shows (<see cref="BoardConflicts"/>): the NOMS suggestion from the submitted assessments
/// against the specialists' recommendations and against the plan on the form, re-irradiation against the case's prior
/// courses, and target levels outside the case's lesions. The plan is the form's, as it stands (the draft, the pre-filled
/// plan or what was just posted); nothing is stored.
/// </summary>
public static class FindDecisionConflicts
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Query(Guid CaseId, IReadOnlyList<PlanStep> Plan) : IQuery<IReadOnlyList<Conflict>>, ICaseRead;

    public sealed class Handler(TumorBoardDbContext db, RadiosensitivityTable table) : IQueryHandler<Query, IReadOnlyList<Conflict>>
    {
        public async ValueTask<IReadOnlyList<Conflict>> Handle(Query query, CancellationToken ct)
        {
            var tumorCase = await AssessmentReads.CaseAsync(db, query.CaseId, ct);
            var submitted = AssessmentReads.Submitted(await AssessmentReads.ForCaseAsync(db, query.CaseId, ct));
            return BoardConflicts.Find(new ConflictInput
            {
                Lesions = tumorCase.Lesions, PriorRadiotherapy = tumorCase.PriorRadiotherapy,
                Noms = submitted.BoardNoms(AssessmentContext.For(tumorCase, table)).Suggestion,
                Neurosurgery = submitted.Neurosurgery, RadiationOncology = submitted.RadiationOncology, Plan = query.Plan,
            });
        }
    }
}
