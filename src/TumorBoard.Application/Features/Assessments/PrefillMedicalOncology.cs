using Mediator;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Assessments;

/// <summary>
/// A new medical oncology assessment pre-filled from the case (<see cref="MedicalOncologyPrefill"/>): primary site for
/// Tokuhashi and growth group for Tomita from the histology, systemic therapy, visceral, brain and bone metastases,
/// performance status and Frankel grade; each filled field named so the form marks it "from the case".
/// </summary>
public static class PrefillMedicalOncology
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Query(Guid CaseId) : IQuery<Prefilled<MedicalOncologyContent>>, ICaseRead;

    public sealed class Handler(TumorBoardDbContext db) : IQueryHandler<Query, Prefilled<MedicalOncologyContent>>
    {
        public async ValueTask<Prefilled<MedicalOncologyContent>> Handle(Query query, CancellationToken ct) =>
            MedicalOncologyPrefill.From((await AssessmentReads.CaseAsync(db, query.CaseId, ct)).Details);
    }
}
