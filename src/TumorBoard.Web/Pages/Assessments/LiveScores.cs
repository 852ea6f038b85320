using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Scores;
using static TumorBoard.Web.Pages.Scores.ScoreTexts;

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

/// <summary>The words next to an input for the points its value scores, in the user's language.</summary>
public static class ScorePoints
{
    public static string Text(int? points) => points switch
    {
        null => "",
        1 => T["1 point"],
        { } p => T["{0} points", p],
    };
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
        ? T["{0} (the table's class)", TumorBoard.Domain.Common.DisplayWords.Local(Scores.Radiosensitivity.Effective)]
        : T["{0} (your override)", TumorBoard.Domain.Common.DisplayWords.Local(Scores.Radiosensitivity.Effective)];

    /// <summary>The dose per fraction in the user's culture (2.5 in English, 2,5 in French).</summary>
    public string DosePerFractionText => Scores.DosePerFractionGy is { } f ? T["{0} Gy per fraction", f] : "";

    public string PriorText => Scores.PriorRadiotherapyAtTargetLevels.Count == 0
        ? T["no prior radiotherapy at these levels"]
        : T["prior radiotherapy here: {0}", string.Join("; ", Scores.PriorRadiotherapyAtTargetLevels.Select(r =>
            r.Fractions == 1
                ? T["{0} {1} Gy in 1 fraction", Levels(r), r.TotalDoseGy].Value
                : T["{0} {1} Gy in {2} fractions", Levels(r), r.TotalDoseGy, r.Fractions].Value))];

    static string Levels(PriorRadiotherapy r) => r.LevelFrom == r.LevelTo ? r.LevelFrom.ToString() : $"{r.LevelFrom}-{r.LevelTo}";

    public IEnumerable<(string Key, string Text)> Points =>
        [("Radiosensitivity", RadiosensitivityText), ("DosePerFraction", DosePerFractionText), ("PriorAtTargets", PriorText)];
}
