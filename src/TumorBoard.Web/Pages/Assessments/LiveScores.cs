using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Scores;

namespace TumorBoard.Web.Pages.Assessments;

/// <summary>A lesion row's live scores: SINS from its components and the ESCC grade's category.</summary>
public sealed record LesionLive(SinsResult Sins, EsccResult? Escc);

/// <summary>
/// The revised Tokuhashi and Tomita results of the medical oncology form, and the points of each component keyed as the
/// form's [data-points] markers name them (Tomita's prefixed "Tomita").
/// </summary>
public sealed record PrognosisLive(TokuhashiResult Tokuhashi, TomitaResult Tomita)
{
    public static PrognosisLive Of(MedicalOncologyScores scores) => new(scores.Tokuhashi, scores.Tomita);

    public IEnumerable<(string Key, int? Points)> Points =>
    [
        ("GeneralCondition", Tokuhashi.Points.GeneralCondition), ("ExtraspinalBoneMetastases", Tokuhashi.Points.ExtraspinalBoneMetastases),
        ("VertebralBodyMetastases", Tokuhashi.Points.VertebralBodyMetastases), ("VisceralMetastases", Tokuhashi.Points.VisceralMetastases),
        ("PrimarySite", Tokuhashi.Points.PrimarySite), ("Frankel", Tokuhashi.Points.Frankel),
        ("TomitaPrimaryGrowth", Tomita.Points.PrimaryGrowth), ("TomitaVisceral", Tomita.Points.VisceralMetastases),
        ("TomitaBoneMetastases", Tomita.Points.BoneMetastases),
    ];

    public int? PointsOf(string key) => Points.FirstOrDefault(p => p.Key == key).Points;
}

/// <summary>The words next to an input for the points its value scores.</summary>
public static class ScorePoints
{
    public static string Text(int? points) => points is { } p ? $"{p} point{(p == 1 ? "" : "s")}" : "";
}

/// <summary>
/// The radiation oncology form's live result: the effective radiosensitivity (table or override), the dose per fraction,
/// the case's prior courses at the chosen target levels and the evaluation's warnings, keyed for the form's [data-points]
/// markers ("Radiosensitivity" next to the override, "DosePerFraction" next to the fractions, "PriorAtTargets" next to
/// the target levels). The numbers and warnings are the domain's evaluation of the form as it stands, nothing stored.
/// </summary>
public sealed record RadiotherapyLive(RadiationOncologyScores Scores, IReadOnlyList<string> Warnings, bool Saved = false)
{
    public static RadiotherapyLive Of(AssessmentEvaluation evaluation, bool saved = false) =>
        new((RadiationOncologyScores)evaluation.Scores, evaluation.Warnings, saved);

    public string RadiosensitivityText => Scores.Radiosensitivity.Override is null
        ? $"{TumorBoard.Domain.Common.DisplayWords.Local(Scores.Radiosensitivity.Effective)} (the table's class)"
        : $"{TumorBoard.Domain.Common.DisplayWords.Local(Scores.Radiosensitivity.Effective)} (your override)";

    public string DosePerFractionText => Scores.DosePerFractionGy is { } f
        ? $"{f.ToString(System.Globalization.CultureInfo.InvariantCulture)} Gy per fraction" : "";

    public string PriorText => Scores.PriorRadiotherapyAtTargetLevels.Count == 0
        ? "no prior radiotherapy at these levels"
        : "prior radiotherapy here: " + string.Join("; ", Scores.PriorRadiotherapyAtTargetLevels.Select(r =>
            $"{(r.LevelFrom == r.LevelTo ? r.LevelFrom.ToString() : $"{r.LevelFrom}-{r.LevelTo}")} {r.TotalDoseGy.ToString(System.Globalization.CultureInfo.InvariantCulture)} Gy in {r.Fractions} fractions"));

    public IEnumerable<(string Key, string Text)> Points =>
        [("Radiosensitivity", RadiosensitivityText), ("DosePerFraction", DosePerFractionText), ("PriorAtTargets", PriorText)];
}
