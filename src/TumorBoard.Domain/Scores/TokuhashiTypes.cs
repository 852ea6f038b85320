using System.Text.Json.Serialization;
using TumorBoard.Domain.Clinical;

namespace TumorBoard.Domain.Scores;

/// <summary>
/// Revised Tokuhashi primary-site categories (scores.md §4). Sites not listed (colon, lymphoma, myeloma,
/// melanoma, ...) are <see cref="Other"/> when the 2005 table is applied literally; the user confirms the category.
/// </summary>
public enum TokuhashiPrimarySite
{
    Lung, Osteosarcoma, Stomach, Bladder, Esophagus, Pancreas,
    Liver, Gallbladder, Unidentified,
    Other,
    Kidney, Uterus,
    Rectum,
    Thyroid, Breast, Prostate, Carcinoid,
}

/// <summary>Predicted prognosis bands 0-8 / 9-11 / 12-15 (scores.md §4).</summary>
public enum TokuhashiPrognosis { LessThan6Months, AtLeast6Months, AtLeast12Months }

/// <summary>
/// Inputs. General condition comes from <see cref="Karnofsky"/> (preferred, the measured scale); if only
/// <see cref="Ecog"/> is given, it is converted where that is safe (scores.md §4 pitfalls).
/// </summary>
public sealed record TokuhashiInput
{
    public int? Karnofsky { get; init; }
    public int? Ecog { get; init; }
    public int? ExtraspinalBoneMetastases { get; init; }
    public int? VertebralBodyMetastases { get; init; }
    public VisceralMetastases? VisceralMetastases { get; init; }
    public TokuhashiPrimarySite? PrimarySite { get; init; }
    public FrankelGrade? Frankel { get; init; }
}

public sealed record TokuhashiPoints(
    int? GeneralCondition,
    int? ExtraspinalBoneMetastases,
    int? VertebralBodyMetastases,
    int? VisceralMetastases,
    int? PrimarySite,
    int? Frankel);

/// <summary>
/// Result. <see cref="Derived"/> names points that were converted rather than measured ("generalCondition"
/// when it came from ECOG). Incomplete results carry no total and no prognosis.
/// </summary>
public sealed record TokuhashiResult(
    bool Complete,
    int? Total,
    TokuhashiPrognosis? Prognosis,
    TokuhashiPoints Points,
    IReadOnlyList<string> Derived,
    IReadOnlyList<string> Missing)
{
    [JsonPropertyOrder(-1)]
    public string Version => ScoreVersions.Tokuhashi;
}
