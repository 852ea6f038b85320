using Mediator;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Security;

namespace TumorBoard.Web.Pages.Assessments;

public sealed class MedicalOncologyModel(ISender sender)
    : AssessmentFormPage<MedicalOncologyContent>(sender, Discipline.MedicalOncology)
{
    /// <summary>What the case already says about the general condition, and the patient's stated preferences.</summary>
    protected override MedicalOncologyContent Prefill()
    {
        var d = Case.Details;
        return new()
        {
            VisceralMetastases = d.VisceralMetastases, BrainMetastases = d.BrainMetastases, Ecog = d.Ecog, Karnofsky = d.Karnofsky,
            ExtraspinalBoneMetastases = d.ExtraspinalBoneMetastases, Frankel = d.Frankel, PatientPreferences = d.PatientPreferences,
        };
    }
}
