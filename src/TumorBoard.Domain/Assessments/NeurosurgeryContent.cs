using System.Text.Json.Serialization;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Scores;
using TumorBoard.Domain.Security;
using TumorBoard.Domain.Common;

namespace TumorBoard.Domain.Assessments;

/// <summary>
/// One lesion as neurosurgery scores it: the SINS components (scores.md §1.1; location from the index level per §1.3
/// unless overridden, §1.4), the Bilsky ESCC code (scores.md §2: "0","1a","1b","1c","2","3"; a bare "1" is invalid)
/// and gross instability (scores.md §3.1 M).
/// </summary>
public sealed record LesionAssessment
{
    public SpinalLevel? IndexLevel { get; init; }
    public SinsLocation? LocationOverride { get; init; }
    public PainCharacter? Pain { get; init; }
    public SinsBoneLesion? BoneLesion { get; init; }
    public SinsAlignment? Alignment { get; init; }
    public SinsCollapse? Collapse { get; init; }
    public SinsPosterolateral? Posterolateral { get; init; }
    public string? Escc { get; init; }
    public bool? GrossInstability { get; init; }

    public SinsInput ToSinsInput() => new()
    {
        Level = IndexLevel, Location = LocationOverride, Pain = Pain, BoneLesion = BoneLesion,
        Alignment = Alignment, Collapse = Collapse, Posterolateral = Posterolateral,
    };

    [JsonIgnore] public EsccGrade? Grade => EsccGrades.TryParse(Escc, out var g) ? g : null;
}

/// <summary>The scores of one lesion, computed from its components.</summary>
public sealed record LesionScores(SpinalLevel? IndexLevel, SinsResult Sins, bool LocationOverridden, EsccResult? Escc);

public sealed record NeurosurgeryScores(IReadOnlyList<LesionScores> Lesions);

public record NeurosurgeryContent : AssessmentContent
{
    [JsonIgnore] public override Discipline Discipline => Discipline.Neurosurgery;

    public override AssessmentContent AsContent() => GetType() == typeof(NeurosurgeryContent) ? this : new NeurosurgeryContent(this);

    public List<LesionAssessment> Lesions { get; init; } = [];
    public FrankelGrade? Frankel { get; init; }
    public AsiaGrade? Asia { get; init; }
    public bool? Myelopathy { get; init; }
    public NeurologicalCourse? Course { get; init; }
    public SurgicalFitness? FitForOpenSurgery { get; init; }
    [MultiLine]
    public string? FitnessReason { get; init; }
    public NeurosurgeryRecommendation? Recommendation { get; init; }
    public List<SpinalLevel> TargetLevels { get; init; } = [];

    public override AssessmentEvaluation Evaluate(AssessmentContext context)
    {
        var lesions = Lesions.Select(l => new LesionScores(l.IndexLevel, Sins.Compute(l.ToSinsInput()),
            Sins.IsLocationOverridden(l.ToSinsInput()), l.Grade is { } g ? EsccGrades.Evaluate(g) : null)).ToList();
        return new AssessmentEvaluation(new NeurosurgeryScores(lesions), Warnings(lesions));
    }

    List<string> Warnings(List<LesionScores> lesions)
    {
        List<string> w = [];
        var grades = lesions.Where(l => l.Escc is not null).Select(l => l.Escc!.Grade).ToList();
        if (Recommendation == NeurosurgeryRecommendation.SeparationSurgery && grades.Count > 0 && grades.All(g => g == EsccGrade.Grade0))
            w.Add("ESCC 0 with separation surgery: there is no epidural disease to separate from the cord.");
        if (grades.Contains(EsccGrade.Grade1c))
            w.Add("ESCC 1c: separation surgery versus radiosurgery is controversial; discuss at the board.");
        var gross = Lesions.Any(l => l.GrossInstability == true);
        var unstable = lesions.Any(l => l.Sins.Category == SinsCategory.Unstable);
        if ((gross || unstable) && Recommendation == NeurosurgeryRecommendation.None)
            w.Add("Unstable spine (SINS 13-18 or gross instability) without a surgical recommendation.");
        if (FitForOpenSurgery == SurgicalFitness.No && Recommendation is NeurosurgeryRecommendation.SeparationSurgery
                or NeurosurgeryRecommendation.StabilisationOpen or NeurosurgeryRecommendation.EnBlocResection)
            w.Add("Open surgery is recommended for a patient judged not fit for open surgery.");
        if (Recommendation is NeurosurgeryRecommendation.StabilisationOpen or NeurosurgeryRecommendation.StabilisationPercutaneous
                && !gross && lesions.Count > 0 && lesions.All(l => l.Sins.Category == SinsCategory.Stable))
            w.Add("Stabilisation is recommended although every lesion scores SINS 0-6 (stable).");
        if (lesions.Any(l => l.LocationOverridden))
            w.Add("The SINS location was chosen by hand for at least one lesion.");
        return w;
    }

    public override IReadOnlyList<string> MissingForSubmission()
    {
        List<string> m = [];
        if (Lesions.Count == 0) m.Add("at least one lesion");
        for (var i = 0; i < Lesions.Count; i++)
        {
            var l = Lesions[i];
            foreach (var field in Sins.Compute(l.ToSinsInput()).Missing) m.Add($"lesions[{i}].{field}");
            if (l.Grade is null) m.Add($"lesions[{i}].escc");
            if (l.GrossInstability is null) m.Add($"lesions[{i}].grossInstability");
        }
        if (Frankel is null) m.Add("frankel");
        if (Myelopathy is null) m.Add("myelopathy");
        if (Course is null) m.Add("course");
        if (FitForOpenSurgery is null) m.Add("fitForOpenSurgery");
        if (Recommendation is null) m.Add("recommendation");
        return m;
    }
}
