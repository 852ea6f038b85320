using FluentValidation;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Common;

namespace TumorBoard.Application.Features.Cases;

/// <summary>What a coordinator enters about a case; shared by RegisterCase and UpdateCase.</summary>
public record CaseFields
{
    public PrimaryHistology? Histology { get; init; }
    public string? HistologyOtherText { get; init; }
    public DateOnly? DiagnosisDate { get; init; }
    public List<LesionInput> Lesions { get; init; } = [];
    public PainCharacter? Pain { get; init; }
    public FrankelGrade? Frankel { get; init; }
    public AsiaGrade? Asia { get; init; }
    public bool? Myelopathy { get; init; }
    /// <summary>MSCC symptoms and signs present now (pathways.md §1.1).</summary>
    public List<Domain.Mscc.MsccSymptom> MsccSymptoms { get; init; } = [];
    public DateOnly? SymptomOnsetDate { get; init; }
    public Urgency? Urgency { get; init; }
    public int? Ecog { get; init; }
    public int? Karnofsky { get; init; }
    public int? ExtraspinalBoneMetastases { get; init; }
    public VisceralMetastases? VisceralMetastases { get; init; }
    public bool? BrainMetastases { get; init; }
    public List<RadiotherapyInput> PriorRadiotherapy { get; init; } = [];
    [MultiLine]
    public string? CurrentSystemicTherapy { get; init; }
    [MultiLine]
    public string ClinicalQuestion { get; init; } = "";
    public string? ReferringClinician { get; init; }
    [MultiLine]
    public string? PatientPreferences { get; init; }

    public CaseDetails ToDetails() => new()
    {
        Histology = Histology!.Value, HistologyOtherText = HistologyOtherText, DiagnosisDate = DiagnosisDate,
        Lesions = Lesions.Select(l => new SpinalLesion
        {
            LevelFrom = l.LevelFrom!.Value, LevelTo = l.LevelTo ?? l.LevelFrom!.Value,
            Compartments = l.Compartments.Distinct().Order().ToList(), ImagingDate = l.ImagingDate!.Value,
        }).ToList(),
        Pain = Pain, Frankel = Frankel, Asia = Asia, Myelopathy = Myelopathy, MsccSymptoms = MsccSymptoms, SymptomOnsetDate = SymptomOnsetDate,
        Urgency = Urgency!.Value, Ecog = Ecog, Karnofsky = Karnofsky, ExtraspinalBoneMetastases = ExtraspinalBoneMetastases,
        VisceralMetastases = VisceralMetastases, BrainMetastases = BrainMetastases,
        PriorRadiotherapy = PriorRadiotherapy.Select(r => new PriorRadiotherapy
        {
            LevelFrom = r.LevelFrom!.Value, LevelTo = r.LevelTo ?? r.LevelFrom!.Value,
            TotalDoseGy = r.TotalDoseGy!.Value, Fractions = r.Fractions!.Value, EndDate = r.EndDate!.Value,
        }).ToList(),
        CurrentSystemicTherapy = CurrentSystemicTherapy, ClinicalQuestion = ClinicalQuestion,
        ReferringClinician = ReferringClinician, PatientPreferences = PatientPreferences,
    };

    /// <summary>
    /// Drops the empty rows a form offers after the last filled one (trailing only, so that the indexes of
    /// field messages still point at the rows the user filled).
    /// </summary>
    public CaseFields WithoutTrailingBlankRows() => this with
    {
        Lesions = TrimEnd(Lesions, l => l.LevelFrom is null && l.LevelTo is null && l.ImagingDate is null && l.Compartments.Count == 0),
        PriorRadiotherapy = TrimEnd(PriorRadiotherapy, r => r.LevelFrom is null && r.LevelTo is null && r.TotalDoseGy is null
            && r.Fractions is null && r.EndDate is null),
    };

    /// <summary>Adds empty rows so a form offers at least one spare row (and at least <paramref name="minimum"/>).</summary>
    public CaseFields WithSpareRows(int minimum = 2) => this with
    {
        Lesions = [.. Lesions, .. Enumerable.Range(0, Math.Max(1, minimum - Lesions.Count)).Select(_ => new LesionInput())],
        PriorRadiotherapy = [.. PriorRadiotherapy, .. Enumerable.Range(0, Math.Max(1, minimum - PriorRadiotherapy.Count)).Select(_ => new RadiotherapyInput())],
    };

    /// <summary>Blank rows a "more rows" submit adds to one list (the form without JavaScript).</summary>
    public const int MoreRowsStep = 3;

    /// <summary>
    /// The form re-rendered with <see cref="MoreRowsStep"/> more blank rows in the list named <paramref name="list"/>
    /// ("Lesions" or "PriorRadiotherapy"), keeping every row typed so far; another name adds none.
    /// </summary>
    public CaseFields WithMoreRows(string? list) => list switch
    {
        nameof(Lesions) => this with { Lesions = [.. Lesions, .. Enumerable.Range(0, MoreRowsStep).Select(_ => new LesionInput())] },
        nameof(PriorRadiotherapy) => this with
        {
            PriorRadiotherapy = [.. PriorRadiotherapy, .. Enumerable.Range(0, MoreRowsStep).Select(_ => new RadiotherapyInput())],
        },
        _ => this,
    };

    static List<T> TrimEnd<T>(List<T> rows, Func<T, bool> blank)
    {
        var n = rows.Count;
        while (n > 0 && blank(rows[n - 1])) n--;
        return rows.Take(n).ToList();
    }
}

public sealed record LesionInput
{
    public SpinalLevel? LevelFrom { get; init; }
    /// <summary>The last level of a contiguous range; empty for a single level.</summary>
    public SpinalLevel? LevelTo { get; init; }
    public List<Compartment> Compartments { get; init; } = [];
    public DateOnly? ImagingDate { get; init; }
}

public sealed record RadiotherapyInput
{
    public SpinalLevel? LevelFrom { get; init; }
    public SpinalLevel? LevelTo { get; init; }
    public decimal? TotalDoseGy { get; init; }
    public int? Fractions { get; init; }
    public DateOnly? EndDate { get; init; }
}
