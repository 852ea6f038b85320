using System.Text.Json.Serialization;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Scores;
using TumorBoard.Domain.Security;
using TumorBoard.Domain.Common;

namespace TumorBoard.Domain.Assessments;

public sealed record MedicalOncologyScores(TokuhashiResult Tokuhashi, TomitaResult Tomita);

/// <summary>
/// Medical oncology: systemic disease and performance status (scores.md §6), the revised Tokuhashi (§4) and Tomita (§5)
/// components (totals computed here, never typed), expected survival and the systemic plan.
/// </summary>
public record MedicalOncologyContent : AssessmentContent
{
    [JsonIgnore] public override Discipline Discipline => Discipline.MedicalOncology;

    public override AssessmentContent AsContent() => GetType() == typeof(MedicalOncologyContent) ? this : new MedicalOncologyContent(this);

    public SystemicDiseaseStatus? SystemicDisease { get; init; }
    public VisceralMetastases? VisceralMetastases { get; init; }
    public TomitaVisceral? TomitaVisceral { get; init; }
    public bool? BrainMetastases { get; init; }
    public int? Ecog { get; init; }
    public int? Karnofsky { get; init; }
    public int? ExtraspinalBoneMetastases { get; init; }
    public int? VertebralBodyMetastases { get; init; }
    public TokuhashiPrimarySite? TokuhashiPrimarySite { get; init; }
    public FrankelGrade? Frankel { get; init; }
    public TomitaPrimaryGrowth? TomitaPrimaryGrowth { get; init; }
    public TomitaBoneMetastases? TomitaBoneMetastases { get; init; }
    public ExpectedSurvival? ExpectedSurvival { get; init; }
    public SystemicTherapyPlan? SystemicTherapy { get; init; }
    [MultiLine]
    public string? SystemicTherapyText { get; init; }
    public BoneModifyingAgent? BoneModifyingAgent { get; init; }
    public bool? FitForSystemicTherapy { get; init; }
    [MultiLine]
    public string? PatientPreferences { get; init; }

    public override AssessmentEvaluation Evaluate(AssessmentContext context)
    {
        var tokuhashi = Scores.Tokuhashi.Compute(new TokuhashiInput
        {
            Karnofsky = Karnofsky, Ecog = Ecog, ExtraspinalBoneMetastases = ExtraspinalBoneMetastases,
            VertebralBodyMetastases = VertebralBodyMetastases, VisceralMetastases = VisceralMetastases,
            PrimarySite = TokuhashiPrimarySite, Frankel = Frankel,
        });
        var tomita = Scores.Tomita.Compute(new TomitaInput
        {
            PrimaryGrowth = TomitaPrimaryGrowth, VisceralMetastases = TomitaVisceral, BoneMetastases = TomitaBoneMetastases,
        });

        List<string> w = [];
        if (Ecog is { } e and >= 0 and <= 5 && Karnofsky is { } k and >= 0 and <= 100 && k % 10 == 0
            && PerformanceStatus.KarnofskyToEcog(k) != e)
            w.Add($"ECOG {e} and Karnofsky {k} do not correspond.");
        if (tokuhashi.Prognosis == TokuhashiPrognosis.LessThan6Months && ExpectedSurvival == Assessments.ExpectedSurvival.MoreThan12Months)
            w.Add("Expected survival over 12 months although the revised Tokuhashi score predicts under 6 months.");
        if (FitForSystemicTherapy == false && SystemicTherapy is SystemicTherapyPlan.Start or SystemicTherapyPlan.Change or SystemicTherapyPlan.Continue)
            w.Add("A systemic therapy is planned for a patient judged not fit for systemic therapy.");
        return new AssessmentEvaluation(new MedicalOncologyScores(tokuhashi, tomita), w);
    }

    public override IReadOnlyList<string> MissingForSubmission()
    {
        List<string> m = [];
        if (SystemicDisease is null) m.Add("systemicDisease");
        if (Ecog is null && Karnofsky is null) m.Add("ecog or karnofsky");
        if (ExpectedSurvival is null) m.Add("expectedSurvival");
        if (SystemicTherapy is null) m.Add("systemicTherapy");
        if (BoneModifyingAgent is null) m.Add("boneModifyingAgent");
        if (FitForSystemicTherapy is null) m.Add("fitForSystemicTherapy");
        return m;
    }
}
