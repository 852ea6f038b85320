using TumorBoard.Domain.Clinical;
using static TumorBoard.Domain.Scores.ScoreHelpers;

namespace TumorBoard.Domain.Scores;

/// <summary>Spinal Instability Neoplastic Score, Fisher 2010 (scores.md §1).</summary>
public static class Sins
{
    public const int MinTotal = 0;
    public const int MaxTotal = 18;

    /// <summary>Totals from this value up warrant a surgical consultation (scores.md §1.2, binary form).</summary>
    public const int SurgicalConsultationThreshold = 7;

    /// <summary>
    /// Location category for a level, per the explicit table in scores.md §1.3. Returns null for Coccyx
    /// (and any undefined level): those are not covered by the published ranges and need a user choice (§1.4).
    /// </summary>
    public static SinsLocation? LocationFor(SpinalLevel level) => level switch
    {
        >= SpinalLevel.Occiput and <= SpinalLevel.C2 => SinsLocation.Junctional, // occiput-C2
        >= SpinalLevel.C3 and <= SpinalLevel.C6 => SinsLocation.Mobile,          // C3-C6
        >= SpinalLevel.C7 and <= SpinalLevel.T2 => SinsLocation.Junctional,      // C7-T2
        >= SpinalLevel.T3 and <= SpinalLevel.T10 => SinsLocation.Semirigid,      // T3-T10
        >= SpinalLevel.T11 and <= SpinalLevel.L1 => SinsLocation.Junctional,     // T11-L1
        >= SpinalLevel.L2 and <= SpinalLevel.L4 => SinsLocation.Mobile,          // L2-L4
        >= SpinalLevel.L5 and <= SpinalLevel.S1 => SinsLocation.Junctional,      // L5-S1
        >= SpinalLevel.S2 and <= SpinalLevel.S5 => SinsLocation.Rigid,           // S2-S5
        _ => null,                                                               // Coccyx: user must choose
    };

    // Component points, scores.md §1.1.
    public static int Points(SinsLocation value) => value switch
    {
        SinsLocation.Junctional => 3, SinsLocation.Mobile => 2, SinsLocation.Semirigid => 1, SinsLocation.Rigid => 0,
        _ => throw Undefined(value),
    };

    // Pain 3/1/0; the circulating "3/2/1" misprint is wrong (scores.md §1.4).
    public static int Points(PainCharacter value) => value switch
    {
        PainCharacter.Mechanical => 3, PainCharacter.Occasional => 1, PainCharacter.None => 0,
        _ => throw Undefined(value),
    };

    public static int Points(SinsBoneLesion value) => value switch
    {
        SinsBoneLesion.Lytic => 2, SinsBoneLesion.Mixed => 1, SinsBoneLesion.Blastic => 0,
        _ => throw Undefined(value),
    };

    public static int Points(SinsAlignment value) => value switch
    {
        SinsAlignment.SubluxationTranslation => 4, SinsAlignment.DeNovoDeformity => 2, SinsAlignment.Normal => 0,
        _ => throw Undefined(value),
    };

    public static int Points(SinsCollapse value) => value switch
    {
        SinsCollapse.MoreThan50Percent => 3,
        SinsCollapse.LessThan50Percent => 2,
        SinsCollapse.NoCollapseOver50PercentInvolved => 1,
        SinsCollapse.None => 0,
        _ => throw Undefined(value),
    };

    public static int Points(SinsPosterolateral value) => value switch
    {
        SinsPosterolateral.Bilateral => 3, SinsPosterolateral.Unilateral => 1, SinsPosterolateral.None => 0,
        _ => throw Undefined(value),
    };

    /// <summary>Category for a total 0-18 (scores.md §1.2): 0-6 Stable, 7-12 PotentiallyUnstable, 13-18 Unstable.</summary>
    public static SinsCategory CategoryFor(int total) => total switch
    {
        >= 0 and <= 6 => SinsCategory.Stable,
        >= 7 and <= 12 => SinsCategory.PotentiallyUnstable,
        >= 13 and <= 18 => SinsCategory.Unstable,
        _ => throw new ArgumentOutOfRangeException(nameof(total), total, "SINS total is 0-18."),
    };

    /// <summary>
    /// Computes the score from its components (scores.md general rule 1). Missing components give
    /// complete=false and no total (general rule 4). With neither a mappable level nor a location,
    /// "location" is reported missing.
    /// </summary>
    public static SinsResult Compute(SinsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var missing = new List<string>();
        var location = input.Location ?? (input.Level is { } level ? LocationFor(level) : null);
        var points = new SinsPoints(
            Component(location, Points, "location", missing),
            Component(input.Pain, Points, "pain", missing),
            Component(input.BoneLesion, Points, "boneLesion", missing),
            Component(input.Alignment, Points, "alignment", missing),
            Component(input.Collapse, Points, "collapse", missing),
            Component(input.Posterolateral, Points, "posterolateral", missing));
        var effectiveLocation = location is { } l && Enum.IsDefined(l) ? l : (SinsLocation?)null;

        if (missing.Count > 0)
            return new SinsResult(false, null, null, effectiveLocation, points, null, missing);

        var total = points.Location!.Value + points.Pain!.Value + points.BoneLesion!.Value
            + points.Alignment!.Value + points.Collapse!.Value + points.Posterolateral!.Value;
        return new SinsResult(true, total, CategoryFor(total), effectiveLocation, points,
            total >= SurgicalConsultationThreshold, missing);
    }

    /// <summary>True when the user chose a location that differs from the level mapping (to be stored; scores.md §1.4).</summary>
    public static bool IsLocationOverridden(SinsInput input) =>
        input.Location is { } chosen && (input.Level is not { } level || LocationFor(level) != chosen);

    /// <summary>Input-range check (pure; wrapped by the web layer's validators). Missing values are not errors.</summary>
    public static IReadOnlyList<ScoreInputError> Validate(SinsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<ScoreInputError>();
        CheckDefined(errors, "level", input.Level);
        CheckDefined(errors, "location", input.Location);
        CheckDefined(errors, "pain", input.Pain);
        CheckDefined(errors, "boneLesion", input.BoneLesion);
        CheckDefined(errors, "alignment", input.Alignment);
        CheckDefined(errors, "collapse", input.Collapse);
        CheckDefined(errors, "posterolateral", input.Posterolateral);
        return errors;
    }
}
