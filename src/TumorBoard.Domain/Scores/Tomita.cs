using System.Text.Json.Serialization;
using static TumorBoard.Domain.Scores.ScoreHelpers;

namespace TumorBoard.Domain.Scores;

/// <summary>Primary tumour growth rate (scores.md §5). Unknown primary counts as Rapid. The category is stored, not the histology.</summary>
public enum TomitaPrimaryGrowth { Slow, Moderate, Rapid }

/// <summary>Visceral metastases as Tomita classifies them (scores.md §5).</summary>
public enum TomitaVisceral { None, Treatable, Untreatable }

/// <summary>Bone metastases including the spine (scores.md §5).</summary>
public enum TomitaBoneMetastases { Solitary, Multiple }

/// <summary>Surgical strategy bands 2-3 / 4-5 / 6-7 / 8-10 (scores.md §5).</summary>
public enum TomitaStrategy { WideOrMarginalExcision, MarginalOrIntralesionalExcision, PalliativeSurgery, SupportiveCare }

public sealed record TomitaInput
{
    public TomitaPrimaryGrowth? PrimaryGrowth { get; init; }
    public TomitaVisceral? VisceralMetastases { get; init; }
    public TomitaBoneMetastases? BoneMetastases { get; init; }
}

public sealed record TomitaPoints(int? PrimaryGrowth, int? VisceralMetastases, int? BoneMetastases);

public sealed record TomitaResult(
    bool Complete,
    int? Total,
    TomitaStrategy? Strategy,
    TomitaPoints Points,
    IReadOnlyList<string> Missing)
{
    [JsonPropertyOrder(-1)]
    public string Version => ScoreVersions.Tomita;
}

/// <summary>Tomita score, 2001 (scores.md §5). Total 2-10.</summary>
public static class Tomita
{
    public const int MinTotal = 2;
    public const int MaxTotal = 10;

    public static int Points(TomitaPrimaryGrowth value) => value switch
    {
        TomitaPrimaryGrowth.Slow => 1, TomitaPrimaryGrowth.Moderate => 2, TomitaPrimaryGrowth.Rapid => 4,
        _ => throw Undefined(value),
    };

    public static int Points(TomitaVisceral value) => value switch
    {
        TomitaVisceral.None => 0, TomitaVisceral.Treatable => 2, TomitaVisceral.Untreatable => 4,
        _ => throw Undefined(value),
    };

    public static int Points(TomitaBoneMetastases value) => value switch
    {
        TomitaBoneMetastases.Solitary => 1, TomitaBoneMetastases.Multiple => 2,
        _ => throw Undefined(value),
    };

    /// <summary>The non-overlapping strategy bands of scores.md §5 (not the survival windows some reviews quote).</summary>
    public static TomitaStrategy StrategyFor(int total) => total switch
    {
        >= 2 and <= 3 => TomitaStrategy.WideOrMarginalExcision,
        >= 4 and <= 5 => TomitaStrategy.MarginalOrIntralesionalExcision,
        >= 6 and <= 7 => TomitaStrategy.PalliativeSurgery,
        >= 8 and <= 10 => TomitaStrategy.SupportiveCare,
        _ => throw new ArgumentOutOfRangeException(nameof(total), total, "Tomita total is 2-10."),
    };

    public static TomitaResult Compute(TomitaInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var missing = new List<string>();
        var points = new TomitaPoints(
            Component(input.PrimaryGrowth, Points, "primaryGrowth", missing),
            Component(input.VisceralMetastases, Points, "visceralMetastases", missing),
            Component(input.BoneMetastases, Points, "boneMetastases", missing));
        if (missing.Count > 0) return new TomitaResult(false, null, null, points, missing);

        var total = points.PrimaryGrowth!.Value + points.VisceralMetastases!.Value + points.BoneMetastases!.Value;
        return new TomitaResult(true, total, StrategyFor(total), points, missing);
    }

    /// <summary>Input check: only enum values, so only undefined members are errors.</summary>
    public static IReadOnlyList<ScoreInputError> Validate(TomitaInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<ScoreInputError>();
        CheckDefined(errors, "primaryGrowth", input.PrimaryGrowth);
        CheckDefined(errors, "visceralMetastases", input.VisceralMetastases);
        CheckDefined(errors, "boneMetastases", input.BoneMetastases);
        return errors;
    }
}
