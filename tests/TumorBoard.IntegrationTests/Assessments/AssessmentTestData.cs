using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Scores;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Assessments;

/// <summary>Complete assessments to start from; tests change what they are about.</summary>
public static class AssessmentTestData
{
    /// <summary>T5 semirigid 1 + mechanical 3 + lytic 2 + normal 0 + &lt;50% 2 + unilateral 1 = SINS 9 (scores.md §1.1).</summary>
    public static LesionAssessment Lesion(string escc = "2") => new()
    {
        IndexLevel = SpinalLevel.T5, Pain = PainCharacter.Mechanical, BoneLesion = SinsBoneLesion.Lytic,
        Alignment = SinsAlignment.Normal, Collapse = SinsCollapse.LessThan50Percent, Posterolateral = SinsPosterolateral.Unilateral,
        Escc = escc, GrossInstability = false,
    };

    /// <summary>A draft of <paramref name="content"/> for the case, as the forms and the typed routes send it.</summary>
    public static SaveAssessmentDraft.Command Draft(Guid caseId, AssessmentContent content, VersionMatch? expectedVersion = null) =>
        new() { CaseId = caseId, Content = content, ExpectedVersion = expectedVersion };

    /// <summary>A revision of the submitted assessment to <paramref name="content"/>.</summary>
    public static ReviseAssessment.Command Revision(Guid caseId, AssessmentContent content, string reason, uint version) =>
        new() { CaseId = caseId, Content = content, Reason = reason, ExpectedVersion = version };

    public static NeurosurgeryContent Neurosurgery(string escc = "2") => new()
    {
        Lesions = [Lesion(escc)], Frankel = FrankelGrade.D, Myelopathy = true, Course = NeurologicalCourse.Stable,
        FitForOpenSurgery = SurgicalFitness.Yes, Recommendation = NeurosurgeryRecommendation.SeparationSurgery,
        TargetLevels = [SpinalLevel.T5], Rationale = "High-grade ESCC.",
    };

    public static RadiationOncologyContent RadiationOncology() => new()
    {
        RadiosensitivityOverride = Radiosensitivity.Resistant, OverrideReason = "Poor response before",
        Reirradiation = false, Recommendation = RadiationRecommendation.PostoperativeSbrt, TotalDoseGy = 27m, Fractions = 3,
        TargetLevels = [SpinalLevel.T5], Timing = RadiationTiming.AfterSurgery,
    };

    public static MedicalOncologyContent MedicalOncology() => new()
    {
        SystemicDisease = SystemicDiseaseStatus.Stable, VisceralMetastases = VisceralMetastases.None,
        TomitaVisceral = TomitaVisceral.None, BrainMetastases = false, Ecog = 1, Karnofsky = 70, ExtraspinalBoneMetastases = 2,
        VertebralBodyMetastases = 1, TokuhashiPrimarySite = TokuhashiPrimarySite.Breast, Frankel = FrankelGrade.D,
        TomitaPrimaryGrowth = TomitaPrimaryGrowth.Slow, TomitaBoneMetastases = TomitaBoneMetastases.Multiple,
        ExpectedSurvival = ExpectedSurvival.MoreThan12Months, SystemicTherapy = SystemicTherapyPlan.Continue,
        BoneModifyingAgent = BoneModifyingAgent.Denosumab, FitForSystemicTherapy = true,
    };

    /// <summary>Saves the draft and submits it, as the discipline's specialist.</summary>
    public static async Task<AssessmentSaved> SubmitAsync(AppFixture app, string email, AssessmentContent content, Guid caseId)
    {
        await app.Send(email, Draft(caseId, content));
        return await app.Send(email, new SubmitAssessment.Command(caseId, content.Discipline));
    }

    /// <summary>Radiation oncology proposes SRS alone, no surgery (the disagreement with <see cref="Neurosurgery"/>'s separation surgery).</summary>
    public static RadiationOncologyContent SrsWithoutSurgery() =>
        RadiationOncology() with { Recommendation = RadiationRecommendation.SbrtSrs, Timing = RadiationTiming.NoSurgery };

    /// <summary>The disagreement <see cref="SubmitSrsVersusSeparationSurgeryAsync"/> produces (Disagreements.Between).</summary>
    public const string SrsVersusSeparationSurgery =
        "Radiation oncology recommends SBRT/SRS without surgery, while neurosurgery recommends separation surgery.";

    /// <summary>All three assessments submitted: neurosurgery proposes separation surgery, radiation oncology SRS alone.</summary>
    public static async Task SubmitSrsVersusSeparationSurgeryAsync(AppFixture app, Guid caseId)
    {
        await SubmitAsync(app, AppFixture.Neurosurgeon, Neurosurgery(), caseId);
        await SubmitAsync(app, AppFixture.RadOnc, SrsWithoutSurgery(), caseId);
        await SubmitAsync(app, AppFixture.MedOnc, MedicalOncology(), caseId);
    }
}
