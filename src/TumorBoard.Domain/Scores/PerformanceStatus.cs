namespace TumorBoard.Domain.Scores;

/// <summary>A Karnofsky range that corresponds to one ECOG grade (scores.md §6.3).</summary>
public sealed record KarnofskyRange(int KarnofskyMin, int KarnofskyMax);

/// <summary>
/// ECOG (0-5) and Karnofsky (0-100 in steps of 10) per scores.md §6.1-6.3. KPS -> ECOG is a function;
/// ECOG -> KPS is a range, never a single value. Converted values must be stored as derived (§6.3).
/// </summary>
public static class PerformanceStatus
{
    public static bool IsValidKarnofsky(int karnofsky) => karnofsky is >= 0 and <= 100 && karnofsky % 10 == 0;

    public static bool IsValidEcog(int ecog) => ecog is >= 0 and <= 5;

    /// <summary>Input-range check for a recorded performance status (KPS 0-100 in steps of 10, ECOG 0-5; scores.md §6).</summary>
    public static IReadOnlyList<ScoreInputError> Validate(int? karnofsky, int? ecog)
    {
        var errors = new List<ScoreInputError>();
        if (karnofsky is { } k && !IsValidKarnofsky(k))
            errors.Add(new("karnofsky", "Karnofsky must be a multiple of 10 from 0 to 100."));
        if (ecog is { } e && !IsValidEcog(e))
            errors.Add(new("ecog", "ECOG must be from 0 to 5."));
        return errors;
    }

    /// <summary>scores.md §6.3: 100,90->0; 80,70->1; 60,50->2; 40,30->3; 20,10->4; 0->5.</summary>
    public static int KarnofskyToEcog(int karnofsky) => karnofsky switch
    {
        _ when !IsValidKarnofsky(karnofsky) =>
            throw new ArgumentOutOfRangeException(nameof(karnofsky), karnofsky, "Karnofsky is 0-100 in steps of 10."),
        >= 90 => 0,
        >= 70 => 1,
        >= 50 => 2,
        >= 30 => 3,
        >= 10 => 4,
        _ => 5,
    };

    /// <summary>scores.md §6.3 reverse: 0->90-100; 1->70-80; 2->50-60; 3->30-40; 4->10-20; 5->0.</summary>
    public static KarnofskyRange EcogToKarnofsky(int ecog) => ecog switch
    {
        0 => new(90, 100),
        1 => new(70, 80),
        2 => new(50, 60),
        3 => new(30, 40),
        4 => new(10, 20),
        5 => new(0, 0),
        _ => throw new ArgumentOutOfRangeException(nameof(ecog), ecog, "ECOG is 0-5."),
    };
}
