using TumorBoard.Domain.Clinical;
using static TumorBoard.Domain.Scores.ScoreHelpers;

namespace TumorBoard.Domain.Scores;

/// <summary>Revised Tokuhashi score, 2005 (scores.md §4). Total 0-15.</summary>
public static class Tokuhashi
{
    public const int MinTotal = 0;
    public const int MaxTotal = 15;

    /// <summary>General condition by KPS 10-100 (multiple of 10): 10-40 -> 0, 50-70 -> 1, 80-100 -> 2.</summary>
    public static int GeneralConditionPoints(int karnofsky) => karnofsky switch
    {
        _ when !IsTokuhashiKarnofsky(karnofsky) =>
            throw new ArgumentOutOfRangeException(nameof(karnofsky), karnofsky, "Karnofsky is 10-100 in steps of 10."),
        <= 40 => 0,
        <= 70 => 1,
        _ => 2,
    };

    /// <summary>
    /// General-condition points from ECOG alone, or null when the ECOG grade straddles a band (ECOG 1 = KPS 70-80).
    /// Derived from the §6.3 range: safe only when both ends of the range score the same (scores.md §4 pitfalls).
    /// </summary>
    public static int? GeneralConditionPointsFromEcog(int ecog)
    {
        if (ecog is < 0 or > 4) throw new ArgumentOutOfRangeException(nameof(ecog), ecog, "ECOG is 0-4 here (5 = dead).");
        var range = PerformanceStatus.EcogToKarnofsky(ecog);
        var low = GeneralConditionPoints(range.KarnofskyMin);
        return low == GeneralConditionPoints(range.KarnofskyMax) ? low : null;
    }

    /// <summary>Extraspinal bone metastasis foci: >= 3 -> 0, 1-2 -> 1, 0 -> 2.</summary>
    public static int ExtraspinalPoints(int count) => count switch
    {
        < 0 => throw new ArgumentOutOfRangeException(nameof(count), count, "Count cannot be negative."),
        0 => 2,
        <= 2 => 1,
        _ => 0,
    };

    /// <summary>Vertebral body metastases: >= 3 -> 0, 2 -> 1, 1 -> 2 (at least one: the index lesion).</summary>
    public static int VertebralBodyPoints(int count) => count switch
    {
        < 1 => throw new ArgumentOutOfRangeException(nameof(count), count, "At least one vertebral body metastasis."),
        1 => 2,
        2 => 1,
        _ => 0,
    };

    public static int Points(VisceralMetastases value) => value switch
    {
        VisceralMetastases.Unremovable => 0, VisceralMetastases.Removable => 1, VisceralMetastases.None => 2,
        _ => throw Undefined(value),
    };

    public static int Points(TokuhashiPrimarySite site) => site switch
    {
        TokuhashiPrimarySite.Lung or TokuhashiPrimarySite.Osteosarcoma or TokuhashiPrimarySite.Stomach
            or TokuhashiPrimarySite.Bladder or TokuhashiPrimarySite.Esophagus or TokuhashiPrimarySite.Pancreas => 0,
        TokuhashiPrimarySite.Liver or TokuhashiPrimarySite.Gallbladder or TokuhashiPrimarySite.Unidentified => 1,
        TokuhashiPrimarySite.Other => 2,
        TokuhashiPrimarySite.Kidney or TokuhashiPrimarySite.Uterus => 3,
        TokuhashiPrimarySite.Rectum => 4,
        TokuhashiPrimarySite.Thyroid or TokuhashiPrimarySite.Breast or TokuhashiPrimarySite.Prostate
            or TokuhashiPrimarySite.Carcinoid => 5,
        _ => throw Undefined(site),
    };

    /// <summary>Palsy: Frankel A/B -> 0, C/D -> 1, E -> 2 (scores.md §4, §7.1).</summary>
    public static int Points(FrankelGrade frankel) => frankel switch
    {
        FrankelGrade.A or FrankelGrade.B => 0,
        FrankelGrade.C or FrankelGrade.D => 1,
        FrankelGrade.E => 2,
        _ => throw Undefined(frankel),
    };

    /// <summary>0-8 -> &lt; 6 months, 9-11 -> >= 6 months, 12-15 -> >= 1 year (scores.md §4).</summary>
    public static TokuhashiPrognosis PrognosisFor(int total) => total switch
    {
        >= 0 and <= 8 => TokuhashiPrognosis.LessThan6Months,
        >= 9 and <= 11 => TokuhashiPrognosis.AtLeast6Months,
        >= 12 and <= 15 => TokuhashiPrognosis.AtLeast12Months,
        _ => throw new ArgumentOutOfRangeException(nameof(total), total, "Tokuhashi total is 0-15."),
    };

    /// <summary>
    /// Computes the score. Missing or out-of-range values are listed in Missing (general rule 4); an
    /// out-of-range Karnofsky is never replaced by ECOG. ECOG 1 alone leaves "karnofsky" missing.
    /// </summary>
    public static TokuhashiResult Compute(TokuhashiInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var missing = new List<string>();
        var derived = new List<string>();

        int? general = null;
        if (input.Karnofsky is { } kps)
            general = IsTokuhashiKarnofsky(kps) ? GeneralConditionPoints(kps) : null;
        else if (input.Ecog is { } ecog && ecog is >= 0 and <= 4 && GeneralConditionPointsFromEcog(ecog) is { } fromEcog)
        {
            general = fromEcog;
            derived.Add("generalCondition");
        }
        if (general is null) missing.Add("karnofsky");

        var points = new TokuhashiPoints(
            general,
            Count(input.ExtraspinalBoneMetastases, 0, ExtraspinalPoints, "extraspinalBoneMetastases", missing),
            Count(input.VertebralBodyMetastases, 1, VertebralBodyPoints, "vertebralBodyMetastases", missing),
            Component(input.VisceralMetastases, Points, "visceralMetastases", missing),
            Component(input.PrimarySite, Points, "primarySite", missing),
            Component(input.Frankel, Points, "frankel", missing));

        if (missing.Count > 0) return new TokuhashiResult(false, null, null, points, derived, missing);

        var total = points.GeneralCondition!.Value + points.ExtraspinalBoneMetastases!.Value
            + points.VertebralBodyMetastases!.Value + points.VisceralMetastases!.Value
            + points.PrimarySite!.Value + points.Frankel!.Value;
        return new TokuhashiResult(true, total, PrognosisFor(total), points, derived, missing);
    }

    /// <summary>Input-range check: KPS multiple of 10 in 10-100, ECOG 0-4, counts >= 0, vertebral count >= 1.</summary>
    public static IReadOnlyList<ScoreInputError> Validate(TokuhashiInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<ScoreInputError>();
        if (input.Karnofsky is { } kps && !IsTokuhashiKarnofsky(kps))
            errors.Add(new("karnofsky", "Karnofsky must be a multiple of 10 from 10 to 100."));
        if (input.Ecog is { } ecog && ecog is < 0 or > 4)
            errors.Add(new("ecog", "ECOG must be from 0 to 4."));
        if (input.ExtraspinalBoneMetastases is < 0)
            errors.Add(new("extraspinalBoneMetastases", "The number of extraspinal bone metastases cannot be negative."));
        if (input.VertebralBodyMetastases is < 1)
            errors.Add(new("vertebralBodyMetastases", "There is at least one vertebral body metastasis."));
        CheckDefined(errors, "visceralMetastases", input.VisceralMetastases);
        CheckDefined(errors, "primarySite", input.PrimarySite);
        CheckDefined(errors, "frankel", input.Frankel);
        return errors;
    }

    // KPS 0 (dead) is out of scope for Tokuhashi (scores.md §4 pitfalls).
    private static bool IsTokuhashiKarnofsky(int kps) => kps is >= 10 and <= 100 && kps % 10 == 0;

    private static int? Count(int? value, int min, Func<int, int> points, string field, List<string> missing)
    {
        if (value is { } v && v >= min) return points(v);
        missing.Add(field);
        return null;
    }
}
