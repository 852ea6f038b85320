using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Scores;

namespace TumorBoard.Domain.Mscc;

/// <summary>What the triage is derived from: the case's neurology and symptoms and the latest submitted scores.</summary>
public sealed record TriageInputs
{
    public FrankelGrade? Frankel { get; init; }
    public AsiaGrade? Asia { get; init; }
    public bool? Myelopathy { get; init; }
    public IReadOnlyList<MsccSymptom> Symptoms { get; init; } = [];
    /// <summary>The highest SINS total of the latest submitted neurosurgery assessment (null: none scored).</summary>
    public int? SinsTotal { get; init; }
    /// <summary>The highest ESCC grade of the latest submitted neurosurgery assessment (null: none graded).</summary>
    public EsccGrade? Escc { get; init; }
}

/// <summary>The derived class and every reason for it, in words ("P1 emergency because: difficulty walking").</summary>
public sealed record TriageDerivation(TriageLevel Level, IReadOnlyList<string> Reasons)
{
    public string Explanation => Reasons.Count == 0
        ? "Routine: no neurology, no spinal pain suggesting metastases, SINS below 13 and ESCC below 2."
        : $"{DisplayWords.Of(Level)} because: {string.Join("; ", Reasons)}";
}

/// <summary>
/// MSCC triage (pathways.md §1.1). Every case on this board has known or suspected cancer, so any neurological symptom
/// or sign of compression makes it P1: a Frankel or ASIA grade below E, myelopathy, or one of the five neurological
/// symptoms. Without neurology, spinal pain suggesting metastases, SINS ≥ 13 (scores.md §1.2) or ESCC 2–3 (scores.md §2)
/// make it P2. The coordinator can raise the result, never lower it (<see cref="Effective"/>).
/// </summary>
public static class Triage
{
    public const int UnstableSins = 13;

    public static bool IsNeurological(MsccSymptom s) => s <= MsccSymptom.BladderOrBowelDysfunction;

    public static TriageDerivation Derive(TriageInputs i)
    {
        List<string> p1 = [];
        if (i.Frankel is { } f && f != FrankelGrade.E) p1.Add($"Frankel grade {f}");
        if (i.Asia is { } a && a != AsiaGrade.E) p1.Add($"ASIA grade {a}");
        if (i.Myelopathy == true) p1.Add("myelopathy");
        p1.AddRange(i.Symptoms.Where(IsNeurological).Distinct().Order().Select(s => DisplayWords.InSentence(s)));
        if (p1.Count > 0) return new(TriageLevel.P1, p1);

        List<string> p2 = [.. i.Symptoms.Where(s => !IsNeurological(s)).Distinct().Order().Select(s => DisplayWords.InSentence(s))];
        if (i.SinsTotal is >= UnstableSins) p2.Add($"SINS {i.SinsTotal} (unstable)");
        if (i.Escc is EsccGrade.Grade2 or EsccGrade.Grade3) p2.Add($"ESCC {DisplayWords.InSentence(i.Escc.Value)} (high-grade compression)");
        return p2.Count > 0 ? new(TriageLevel.P2, p2) : new(TriageLevel.Routine, []);
    }

    /// <summary>The class in force: the derived one, or the coordinator's raise when it is higher.</summary>
    public static TriageLevel Effective(TriageLevel derived, TriageLevel? raised) =>
        raised is { } r && r > derived ? r : derived;
}
