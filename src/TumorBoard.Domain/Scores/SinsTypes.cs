using System.Text.Json.Serialization;
using TumorBoard.Domain.Clinical;

namespace TumorBoard.Domain.Scores;

// SINS component vocabularies, scores.md §1.1. Member names are the JSON strings of the API contract.

/// <summary>SINS component 1 (scores.md §1.1, §1.3).</summary>
public enum SinsLocation { Junctional, Mobile, Semirigid, Rigid }

/// <summary>SINS component 3, bone lesion quality (scores.md §1.1).</summary>
public enum SinsBoneLesion { Lytic, Mixed, Blastic }

/// <summary>SINS component 4, radiographic spinal alignment (scores.md §1.1).</summary>
public enum SinsAlignment { SubluxationTranslation, DeNovoDeformity, Normal }

/// <summary>
/// SINS component 5, vertebral body collapse (scores.md §1.1). Exactly 50% is undefined and must be
/// chosen by the reader (scores.md §1.4): there is deliberately no percentage input.
/// </summary>
public enum SinsCollapse { MoreThan50Percent, LessThan50Percent, NoCollapseOver50PercentInvolved, None }

/// <summary>SINS component 6, posterolateral involvement of spinal elements (scores.md §1.1).</summary>
public enum SinsPosterolateral { Bilateral, Unilateral, None }

/// <summary>SINS interpretation bands 0-6 / 7-12 / 13-18 (scores.md §1.2).</summary>
public enum SinsCategory { Stable, PotentiallyUnstable, Unstable }

/// <summary>
/// Inputs for one lesion. <see cref="Location"/>, when given, overrides the level mapping; it is required
/// for Coccyx and any level outside the published ranges (scores.md §1.4).
/// </summary>
public sealed record SinsInput
{
    public SpinalLevel? Level { get; init; }
    public SinsLocation? Location { get; init; }
    public PainCharacter? Pain { get; init; }
    public SinsBoneLesion? BoneLesion { get; init; }
    public SinsAlignment? Alignment { get; init; }
    public SinsCollapse? Collapse { get; init; }
    public SinsPosterolateral? Posterolateral { get; init; }
}

/// <summary>Points per component; null for a component that is missing.</summary>
public sealed record SinsPoints(int? Location, int? Pain, int? BoneLesion, int? Alignment, int? Collapse, int? Posterolateral);

/// <summary>
/// SINS result. When <see cref="Complete"/> is false, Total, Category and SurgicalConsultationRecommended
/// are null and <see cref="Missing"/> names the camelCase input fields to fill in.
/// <see cref="Location"/> is the effective location (user override, else the level mapping).
/// </summary>
public sealed record SinsResult(
    bool Complete,
    int? Total,
    SinsCategory? Category,
    SinsLocation? Location,
    SinsPoints Points,
    bool? SurgicalConsultationRecommended,
    IReadOnlyList<string> Missing)
{
    [JsonPropertyOrder(-1)]
    public string Version => ScoreVersions.Sins;
}
