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

    public static SaveNeurosurgeryDraft.Command Neurosurgery(Guid caseId, string escc = "2") => new()
    {
        CaseId = caseId, Lesions = [Lesion(escc)], Frankel = FrankelGrade.D, Myelopathy = true, Course = NeurologicalCourse.Stable,
        FitForOpenSurgery = SurgicalFitness.Yes, Recommendation = NeurosurgeryRecommendation.SeparationSurgery,
        TargetLevels = [SpinalLevel.T5], Rationale = "High-grade ESCC.",
    };

    public static SaveRadiationOncologyDraft.Command RadiationOncology(Guid caseId) => new()
    {
        CaseId = caseId, RadiosensitivityOverride = Radiosensitivity.Resistant, OverrideReason = "Poor response before",
        Reirradiation = false, Recommendation = RadiationRecommendation.PostoperativeSbrt, TotalDoseGy = 27m, Fractions = 3,
        TargetLevels = [SpinalLevel.T5], Timing = RadiationTiming.AfterSurgery,
    };

    public static SaveMedicalOncologyDraft.Command MedicalOncology(Guid caseId) => new()
    {
        CaseId = caseId, SystemicDisease = SystemicDiseaseStatus.Stable, VisceralMetastases = VisceralMetastases.None,
        TomitaVisceral = TomitaVisceral.None, BrainMetastases = false, Ecog = 1, Karnofsky = 70, ExtraspinalBoneMetastases = 2,
        VertebralBodyMetastases = 1, TokuhashiPrimarySite = TokuhashiPrimarySite.Breast, Frankel = FrankelGrade.D,
        TomitaPrimaryGrowth = TomitaPrimaryGrowth.Slow, TomitaBoneMetastases = TomitaBoneMetastases.Multiple,
        ExpectedSurvival = ExpectedSurvival.MoreThan12Months, SystemicTherapy = SystemicTherapyPlan.Continue,
        BoneModifyingAgent = BoneModifyingAgent.Denosumab, FitForSystemicTherapy = true,
    };

    /// <summary>Saves the draft and submits it, as the discipline's specialist.</summary>
    public static async Task<AssessmentSaved> SubmitAsync(AppFixture app, string email, Mediator.ICommand<AssessmentSaved> draft,
        Guid caseId, Discipline discipline)
    {
        await app.Send(email, draft);
        return await app.Send(email, new SubmitAssessment.Command(caseId, discipline));
    }

    /// <summary>Radiation oncology proposes SRS alone, no surgery (the disagreement with <see cref="Neurosurgery"/>'s separation surgery).</summary>
    public static SaveRadiationOncologyDraft.Command SrsWithoutSurgery(Guid caseId) =>
        RadiationOncology(caseId) with { Recommendation = RadiationRecommendation.SbrtSrs, Timing = RadiationTiming.NoSurgery };

    /// <summary>The disagreement <see cref="SubmitSrsVersusSeparationSurgeryAsync"/> produces (Disagreements.Between).</summary>
    public const string SrsVersusSeparationSurgery =
        "Radiation oncology recommends SBRT/SRS without surgery, while neurosurgery recommends separation surgery.";

    /// <summary>All three assessments submitted: neurosurgery proposes separation surgery, radiation oncology SRS alone.</summary>
    public static async Task SubmitSrsVersusSeparationSurgeryAsync(AppFixture app, Guid caseId)
    {
        await SubmitAsync(app, AppFixture.Neurosurgeon, Neurosurgery(caseId), caseId, Discipline.Neurosurgery);
        await SubmitAsync(app, AppFixture.RadOnc, SrsWithoutSurgery(caseId), caseId, Discipline.RadiationOncology);
        await SubmitAsync(app, AppFixture.MedOnc, MedicalOncology(caseId), caseId, Discipline.MedicalOncology);
    }

    public static ReviseNeurosurgery.Command Revision(SaveNeurosurgeryDraft.Command c, string reason, uint version) => new()
    {
        CaseId = c.CaseId, Lesions = c.Lesions, Frankel = c.Frankel, Asia = c.Asia, Myelopathy = c.Myelopathy, Course = c.Course,
        FitForOpenSurgery = c.FitForOpenSurgery, FitnessReason = c.FitnessReason, Recommendation = c.Recommendation,
        TargetLevels = c.TargetLevels, Rationale = c.Rationale, Reason = reason, ExpectedVersion = version,
    };
}
