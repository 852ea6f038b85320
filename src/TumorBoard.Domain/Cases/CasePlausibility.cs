using TumorBoard.Domain.Scores;

namespace TumorBoard.Domain.Cases;

/// <summary>
/// Combinations in a case's details that are allowed but odd enough to be a typing error: warnings, never refusals, as the
/// assessments warn (issue #17). ECOG and Karnofsky are two scales of one thing: ECOG 0 with Karnofsky 30 cannot both be
/// right (the correspondence of scores.md §6.3).
/// </summary>
public static class CasePlausibility
{
    public static IReadOnlyList<string> Warnings(CaseDetails d)
    {
        var warnings = new List<string>();
        if (d.Ecog is { } ecog && PerformanceStatus.IsValidEcog(ecog) && d.Karnofsky is { } kps && PerformanceStatus.IsValidKarnofsky(kps)
            && PerformanceStatus.KarnofskyToEcog(kps) != ecog)
        {
            var range = PerformanceStatus.EcogToKarnofsky(ecog);
            var expected = range.KarnofskyMin == range.KarnofskyMax ? $"{range.KarnofskyMin}" : $"{range.KarnofskyMin} to {range.KarnofskyMax}";
            warnings.Add($"ECOG {ecog} and Karnofsky {kps} do not correspond (ECOG {ecog} is Karnofsky {expected}): check both.");
        }
        return warnings;
    }
}
