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
