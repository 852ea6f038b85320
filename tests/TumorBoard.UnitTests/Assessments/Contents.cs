using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Scores;
using TumorBoard.Domain.Security;

namespace TumorBoard.UnitTests.Assessments;

/// <summary>Complete assessments to start from; tests change what they are about.</summary>
public static class Contents
{
    public static readonly AssessmentAuthor Neurosurgeon = new(Guid.NewGuid(), "Dr. Neuro", Discipline.Neurosurgery);
    public static readonly AssessmentAuthor OtherNeurosurgeon = new(Guid.NewGuid(), "Dr. Second", Discipline.Neurosurgery);
    public static readonly AssessmentAuthor RadiationOncologist = new(Guid.NewGuid(), "Dr. Rad", Discipline.RadiationOncology);
    public static readonly AssessmentContext Context = new(PrimaryHistology.RenalCell, [], RadiosensitivityTable.Default);
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    /// <summary>T5 semirigid 1 + mechanical 3 + lytic 2 + normal 0 + &lt;50% 2 + unilateral 1 = SINS 9 (scores.md §1.1).</summary>
    public static LesionAssessment Lesion(string escc = "2") => new()
    {
        IndexLevel = SpinalLevel.T5, Pain = PainCharacter.Mechanical, BoneLesion = SinsBoneLesion.Lytic,
        Alignment = SinsAlignment.Normal, Collapse = SinsCollapse.LessThan50Percent, Posterolateral = SinsPosterolateral.Unilateral,
        Escc = escc, GrossInstability = false,
    };

    public static NeurosurgeryContent Neurosurgery(string escc = "2") => new()
    {
        Lesions = [Lesion(escc)], Frankel = FrankelGrade.D, Myelopathy = true, Course = NeurologicalCourse.Stable,
        FitForOpenSurgery = SurgicalFitness.Yes, Recommendation = NeurosurgeryRecommendation.SeparationSurgery,
        TargetLevels = [SpinalLevel.T4, SpinalLevel.T5, SpinalLevel.T6], Rationale = "High-grade ESCC in a radioresistant tumour.",
    };

    public static RadiationOncologyContent RadiationOncology() => new()
    {
        Reirradiation = false, Recommendation = RadiationRecommendation.PostoperativeSbrt, TotalDoseGy = 27m, Fractions = 3,
        TargetLevels = [SpinalLevel.T5], Timing = RadiationTiming.AfterSurgery,
    };

    public static MedicalOncologyContent MedicalOncology() => new()
    {
        SystemicDisease = SystemicDiseaseStatus.Stable, VisceralMetastases = VisceralMetastases.None,
        TomitaVisceral = TomitaVisceral.None, BrainMetastases = false, Ecog = 1, Karnofsky = 70, ExtraspinalBoneMetastases = 2,
        VertebralBodyMetastases = 1, TokuhashiPrimarySite = TokuhashiPrimarySite.Kidney, Frankel = FrankelGrade.D,
        TomitaPrimaryGrowth = TomitaPrimaryGrowth.Moderate, TomitaBoneMetastases = TomitaBoneMetastases.Multiple,
        ExpectedSurvival = ExpectedSurvival.MoreThan12Months, SystemicTherapy = SystemicTherapyPlan.Continue,
        BoneModifyingAgent = BoneModifyingAgent.Denosumab, FitForSystemicTherapy = true,
    };
}
