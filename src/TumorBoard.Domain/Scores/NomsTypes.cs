using System.Text.Json.Serialization;
using TumorBoard.Domain.Clinical;

namespace TumorBoard.Domain.Scores;

/// <summary>Output codes of the NOMS suggestion (scores.md §3.3). The string values are the API contract.</summary>
public static class NomsCodes
{
    // Step A: radiation strategy.
    public const string Cebrt = "CEBRT";
    public const string Srs = "SRS";
    public const string SeparationSurgeryThenSrs = "SEPARATION_SURGERY_THEN_SRS";

    // Step B: mechanical.
    public const string SurgicalConsult = "SURGICAL_CONSULT";
    public const string Stabilization = "STABILIZATION";
    public const string InstabilityNotSurgicallyAddressable = "INSTABILITY_NOT_SURGICALLY_ADDRESSABLE";

    // Flags.
    /// <summary>Row A3: resistant histology with ESCC 1c; separation surgery can be discussed (scores.md §2, §3.3).</summary>
    public const string Escc1cDiscuss = EsccGrades.DiscussFlag;

    /// <summary>Row A5: cEBRT is palliative because the patient cannot tolerate surgery (our code).</summary>
    public const string PalliativeNotFitForSurgery = "PALLIATIVE_NOT_FIT_FOR_SURGERY";

    /// <summary>Radiosensitivity was pre-filled from an UNVERIFIED table entry (scores.md §3.2): confirm with radiation oncology.</summary>
    public const string RadiosensitivityUnverified = "RADIOSENSITIVITY_UNVERIFIED";

    /// <summary>Acute/rapidly progressive myelopathy: surgical emergency override, outside the 2013 table (scores.md §3.3).</summary>
    public const string AcuteProgressiveMyelopathy = "ACUTE_PROGRESSIVE_MYELOPATHY_SURGICAL_EMERGENCY";
}

/// <summary>
/// NOMS inputs (scores.md §3.1). <see cref="Radiosensitivity"/> is set by radiation oncology; when null it is
/// pre-filled from <see cref="Histology"/> via a <see cref="RadiosensitivityTable"/>. Null GrossInstability and
/// AcuteProgressiveMyelopathy mean "not reported" (treated as false).
/// </summary>
public sealed record NomsInput
{
    public PrimaryHistology? Histology { get; init; }
    public Radiosensitivity? Radiosensitivity { get; init; }

    [JsonConverter(typeof(EsccGradeJsonConverter))]
    public EsccGrade? Escc { get; init; }

    public int? SinsTotal { get; init; }
    public bool? GrossInstability { get; init; }
    public bool? FitForSurgery { get; init; }
    public bool? AcuteProgressiveMyelopathy { get; init; }
}

/// <summary>
/// Advisory NOMS suggestion. <see cref="Radiation"/> (step A) and <see cref="Mechanical"/> (step B) are each
/// reported as soon as their own inputs determine them; <see cref="Complete"/> is true only when nothing is
/// missing. Mechanical null with Complete true means "stable, nothing to add" (row B1).
/// </summary>
public sealed record NomsResult(
    bool Complete,
    string? Radiation,
    string? Mechanical,
    IReadOnlyList<string> Flags,
    IReadOnlyList<string> Rationale,
    IReadOnlyList<string> Missing)
{
    [JsonPropertyOrder(-1)]
    public string Version => ScoreVersions.Noms;

    /// <summary>The <see cref="Rationale"/> lines as texts (not in the JSON; null when read back from stored JSON).</summary>
    [JsonIgnore]
    public IReadOnlyList<Common.RuleText>? RationaleTexts { get; init; }

    /// <summary>The rationale in the current UI culture (as stored, in English, where no texts are known).</summary>
    public IReadOnlyList<string> LocalRationale() => RationaleTexts is { } texts ? [.. texts.Select(t => t.Local())] : Rationale;
}
