using Mediator;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Security;

namespace TumorBoard.Web.Pages.Assessments;

public sealed class MedicalOncologyModel(ISender sender)
    : AssessmentFormPage<ReviseMedicalOncology.Command>(sender, Discipline.MedicalOncology)
{
    /// <summary>What the case already says about the general condition, and the patient's stated preferences.</summary>
    protected override ReviseMedicalOncology.Command Prefill()
    {
        var d = Case.Details;
        return new()
        {
            VisceralMetastases = d.VisceralMetastases, BrainMetastases = d.BrainMetastases, Ecog = d.Ecog, Karnofsky = d.Karnofsky,
            ExtraspinalBoneMetastases = d.ExtraspinalBoneMetastases, Frankel = d.Frankel, PatientPreferences = d.PatientPreferences,
        };
    }

    protected override ICommand<AssessmentSaved> DraftCommand(ReviseMedicalOncology.Command input, Guid caseId, uint? version) =>
        As<SaveMedicalOncologyDraft.Command>(input) with { CaseId = caseId, ExpectedVersion = version };

    protected override ICommand<AssessmentSaved> ReviseCommand(ReviseMedicalOncology.Command input, Guid caseId, uint? version) =>
        input with { CaseId = caseId, ExpectedVersion = version };
}
