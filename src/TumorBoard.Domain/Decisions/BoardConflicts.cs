using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Scores;

namespace TumorBoard.Domain.Decisions;

/// <summary>A contradiction the board should resolve before it signs: a stable code (the API's contract) and a sentence
/// (<see cref="Words"/>: English, as the API returns it; <see cref="Local"/>: in the reader's language, for the pages).</summary>
public sealed record Conflict(string Code, string Words)
{
    /// <summary>The sentence as a text (private: the API's JSON and its schema keep only code and words).</summary>
    RuleText? Text { get; init; }

    /// <summary>A conflict whose sentence is <paramref name="text"/> (the English in <see cref="Words"/>).</summary>
    public static Conflict Of(string code, RuleText text) => new(code, text.English) { Text = text };

    /// <summary>The sentence in the current UI culture.</summary>
    public string Local() => Text?.Local() ?? Words;

    /// <summary>Equal as the API sees it: the code and the English sentence.</summary>
    public bool Equals(Conflict? other) => other is not null && Code == other.Code && Words == other.Words;

    public override int GetHashCode() => HashCode.Combine(Code, Words);
}

/// <summary>The codes of <see cref="BoardConflicts"/>. The string values are the API contract (`conflicts[].code`).</summary>
public static class ConflictCodes
{
    public const string NomsVsNeurosurgery = "NOMS_VS_NEUROSURGERY";
    public const string NomsVsRadiationOncology = "NOMS_VS_RADIATION_ONCOLOGY";
    public const string NomsVsPlan = "NOMS_VS_PLAN";
    public const string ReirradiationWithoutPriorRadiotherapy = "REIRRADIATION_WITHOUT_PRIOR_RADIOTHERAPY";
    public const string PriorRadiotherapyNotFlagged = "PRIOR_RADIOTHERAPY_NOT_FLAGGED";
    public const string PlanReirradiatesUnflagged = "PLAN_REIRRADIATES_UNFLAGGED";
    public const string TargetOutsideLesions = "TARGET_OUTSIDE_LESIONS";
}

/// <summary>What the conflicts are read from: the case, the NOMS suggestion, the submitted assessments and a plan.</summary>
public sealed record ConflictInput
{
    public IReadOnlyList<SpinalLesion> Lesions { get; init; } = [];
    public IReadOnlyList<PriorRadiotherapy> PriorRadiotherapy { get; init; } = [];
    public NomsResult? Noms { get; init; }
    public NeurosurgeryContent? Neurosurgery { get; init; }
    public RadiationOncologyContent? RadiationOncology { get; init; }
    /// <summary>The decision's plan (the draft, or the form as it stands); empty on the board view before a draft exists.</summary>
    public IReadOnlyList<PlanStep> Plan { get; init; } = [];
}

/// <summary>
/// Conflicts flagged automatically on the board view and the decision form (issue #17 item 8), one place for the rules.
/// Advisory like NOMS itself (scores.md §3.3): they name what contradicts what, the board decides. Read off structured
/// fields only; a missing assessment or an incomplete NOMS suggestion raises nothing.
/// </summary>
public static class BoardConflicts
{
    /// <summary>
    /// Posterior instrumentation usually spans two levels above and below the lesion: surgical steps may target that many
    /// neighbouring levels without a conflict; radiotherapy and cement augmentation are expected on the lesion levels.
    /// </summary>
    public const int InstrumentationReach = 2;

    public static IReadOnlyList<Conflict> Find(ConflictInput input)
    {
        List<Conflict> found = [];
        NomsAgainstSpecialists(input, found);
        NomsAgainstPlan(input, found);
        Reirradiation(input, found);
        OutsideLesions(input, found);
        return found;
    }

    static readonly NeurosurgeryRecommendation[] SurgeryOnTheCord =
        [NeurosurgeryRecommendation.SeparationSurgery, NeurosurgeryRecommendation.EnBlocResection];
    static readonly NeurosurgeryRecommendation[] Stabilising =
        [NeurosurgeryRecommendation.SeparationSurgery, NeurosurgeryRecommendation.StabilisationOpen,
         NeurosurgeryRecommendation.StabilisationPercutaneous, NeurosurgeryRecommendation.CementVertebroplasty,
         NeurosurgeryRecommendation.CementKyphoplasty, NeurosurgeryRecommendation.EnBlocResection];

    static RuleText Suggests(string radiation) =>
        radiation is NomsCodes.SeparationSurgeryThenSrs ? NomsWords.RadiationText(radiation) : new("Conflict.WithoutSurgery", NomsWords.RadiationText(radiation));

    static void NomsAgainstSpecialists(ConflictInput input, List<Conflict> found)
    {
        if (input.Noms is not { } noms) return;
        if (noms.Radiation is { } radiation)
        {
            var said = Suggests(radiation);
            if (input.Neurosurgery?.Recommendation is { } ns)
            {
                var cordSurgery = SurgeryOnTheCord.Contains(ns);
                if (radiation == NomsCodes.SeparationSurgeryThenSrs ? !cordSurgery : cordSurgery)
                    found.Add(Conflict.Of(ConflictCodes.NomsVsNeurosurgery, new RuleText("Conflict.NomsVsNeurosurgery", said, ns)));
            }
            if (input.RadiationOncology?.Recommendation is { } ro && !RadiationFits(radiation, ro))
                found.Add(Conflict.Of(ConflictCodes.NomsVsRadiationOncology, new RuleText("Conflict.NomsVsRadiationOncology", said, ro)));
        }
        if (input.Neurosurgery?.Recommendation is { } recommendation)
        {
            if (noms.Mechanical is NomsCodes.Stabilization or NomsCodes.SurgicalConsult && !Stabilising.Contains(recommendation))
                found.Add(Conflict.Of(ConflictCodes.NomsVsNeurosurgery,
                    new RuleText("Conflict.MechanicallyUnstable")));
            if (noms.Complete && noms.Mechanical is null
                && recommendation is NeurosurgeryRecommendation.StabilisationOpen or NeurosurgeryRecommendation.StabilisationPercutaneous)
                found.Add(Conflict.Of(ConflictCodes.NomsVsNeurosurgery,
                    new RuleText("Conflict.MechanicallyStable", recommendation)));
        }
    }

    /// <summary>cEBRT means conventional fractions; SRS and separation surgery + SRS mean stereotactic radiotherapy.</summary>
    static bool RadiationFits(string radiation, RadiationRecommendation recommendation) => radiation switch
    {
        NomsCodes.Cebrt => recommendation == RadiationRecommendation.ConventionalEbrt,
        NomsCodes.Srs => recommendation == RadiationRecommendation.SbrtSrs,
        NomsCodes.SeparationSurgeryThenSrs => recommendation is RadiationRecommendation.PostoperativeSbrt or RadiationRecommendation.SbrtSrs,
        _ => true,
    };

    static void NomsAgainstPlan(ConflictInput input, List<Conflict> found)
    {
        if (input.Noms?.Radiation is not { } radiation || input.Plan.Count == 0) return;
        var kinds = input.Plan.Select(s => s.Kind).OfType<PlanStepKind>().ToHashSet();
        if (kinds.Count == 0) return;
        var cordSurgery = kinds.Contains(PlanStepKind.SeparationSurgery) || kinds.Contains(PlanStepKind.EnBlocResection);
        var conventional = kinds.Contains(PlanStepKind.ConventionalEbrt);
        var stereotactic = kinds.Contains(PlanStepKind.SbrtSrs);
        var fits = radiation switch
        {
            NomsCodes.Cebrt => conventional && !cordSurgery && !stereotactic,
            NomsCodes.Srs => stereotactic && !cordSurgery,
            NomsCodes.SeparationSurgeryThenSrs => cordSurgery && stereotactic,
            _ => true,
        };
        if (!fits)
            found.Add(Conflict.Of(ConflictCodes.NomsVsPlan, new RuleText("Conflict.NomsVsPlan", Suggests(radiation),
                RuleText.List(", ", input.Plan.Select(s => s.Kind).OfType<PlanStepKind>().Distinct().Cast<Enum>().ToArray()))));
    }

    static void Reirradiation(ConflictInput input, List<Conflict> found)
    {
        var ro = input.RadiationOncology;
        if (ro is { Reirradiation: { } flagged, TargetLevels.Count: > 0 })
        {
            var prior = PriorRadiotherapy.AtLevels(input.PriorRadiotherapy, ro.TargetLevels);
            if (flagged && prior.Count == 0)
                found.Add(Conflict.Of(ConflictCodes.ReirradiationWithoutPriorRadiotherapy,
                    new RuleText("Conflict.ReirradiationWithoutPrior", Levels(ro.TargetLevels))));
            if (!flagged && prior.Count > 0)
                found.Add(Conflict.Of(ConflictCodes.PriorRadiotherapyNotFlagged,
                    new RuleText("Conflict.PriorNotFlagged", Courses(prior))));
        }
        if (ro?.Reirradiation == true) return;
        for (var i = 0; i < input.Plan.Count; i++)
        {
            var step = input.Plan[i];
            if (!PlanStep.IsRadiotherapy(step.Kind)) continue;
            var prior = PriorRadiotherapy.AtLevels(input.PriorRadiotherapy, step.TargetLevels);
            if (prior.Count > 0)
                found.Add(Conflict.Of(ConflictCodes.PlanReirradiatesUnflagged,
                    new RuleText("Conflict.PlanReirradiatesUnflagged", i + 1, StepWords(step), Courses(prior))));
        }
    }

    static void OutsideLesions(ConflictInput input, List<Conflict> found)
    {
        if (input.Lesions.Count == 0) return;
        var lesions = string.Join(", ", input.Lesions.Select(l => l.Levels));
        for (var i = 0; i < input.Plan.Count; i++)
        {
            var step = input.Plan[i];
            var reach = step.Kind is PlanStepKind.SeparationSurgery or PlanStepKind.Stabilisation ? InstrumentationReach : 0;
            var outside = Outside(input.Lesions, step.TargetLevels, reach);
            if (outside.Count > 0)
                found.Add(Conflict.Of(ConflictCodes.TargetOutsideLesions,
                    new RuleText("Conflict.PlanStepOutside", i + 1, StepWords(step), Levels(outside), lesions)));
        }
        if (input.Neurosurgery is { } ns && Outside(input.Lesions, ns.TargetLevels, InstrumentationReach) is { Count: > 0 } nsOutside)
            found.Add(Conflict.Of(ConflictCodes.TargetOutsideLesions,
                new RuleText("Conflict.NeurosurgeryOutside", Levels(nsOutside), lesions)));
        if (input.RadiationOncology is { } ro && Outside(input.Lesions, ro.TargetLevels, 0) is { Count: > 0 } roOutside)
            found.Add(Conflict.Of(ConflictCodes.TargetOutsideLesions,
                new RuleText("Conflict.RadiationOncologyOutside", Levels(roOutside), lesions)));
    }

    /// <summary>The levels more than <paramref name="reach"/> levels away from every lesion's range.</summary>
    public static IReadOnlyList<SpinalLevel> Outside(IReadOnlyList<SpinalLesion> lesions, IEnumerable<SpinalLevel> levels, int reach) =>
        [.. levels.Distinct().Order().Where(level => !lesions.Any(l =>
            (int)level >= (int)l.LevelFrom - reach && (int)level <= (int)l.LevelTo + reach))];

    static object StepWords(PlanStep step) => step.Kind is { } kind ? kind : new RuleText("Conflict.KindNotChosen");

    static string Levels(IEnumerable<SpinalLevel> levels) => string.Join(", ", levels.Order());

    static object Courses(IEnumerable<PriorRadiotherapy> courses) => RuleText.List("; ", courses.Select(c => new RuleText("Conflict.Course",
        c.LevelFrom == c.LevelTo ? c.LevelFrom.ToString() : $"{c.LevelFrom}-{c.LevelTo}",
        c.TotalDoseGy.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), c.Fractions, c.EndDate)).ToArray());
}
