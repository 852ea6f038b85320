using FluentValidation;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;

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
    public DateOnly? SymptomOnsetDate { get; init; }
    public Urgency? Urgency { get; init; }
    public int? Ecog { get; init; }
    public int? Karnofsky { get; init; }
    public int? ExtraspinalBoneMetastases { get; init; }
    public VisceralMetastases? VisceralMetastases { get; init; }
    public bool? BrainMetastases { get; init; }
    public List<RadiotherapyInput> PriorRadiotherapy { get; init; } = [];
    public string? CurrentSystemicTherapy { get; init; }
    public string ClinicalQuestion { get; init; } = "";
    public string? ReferringClinician { get; init; }
    public string? PatientPreferences { get; init; }

    public CaseDetails ToDetails() => new()
    {
        Histology = Histology!.Value, HistologyOtherText = HistologyOtherText, DiagnosisDate = DiagnosisDate,
        Lesions = Lesions.Select(l => new SpinalLesion
        {
            LevelFrom = l.LevelFrom!.Value, LevelTo = l.LevelTo ?? l.LevelFrom!.Value,
            Compartments = l.Compartments.Distinct().Order().ToList(), ImagingDate = l.ImagingDate!.Value,
        }).ToList(),
        Pain = Pain, Frankel = Frankel, Asia = Asia, Myelopathy = Myelopathy, SymptomOnsetDate = SymptomOnsetDate,
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

    /// <summary>Drops form rows left completely empty (pages offer spare rows).</summary>
    public static List<LesionInput> WithoutBlankRows(List<LesionInput> rows) =>
        rows.Where(l => l.LevelFrom is not null || l.LevelTo is not null || l.ImagingDate is not null || l.Compartments.Count > 0).ToList();

    public static List<RadiotherapyInput> WithoutBlankRows(List<RadiotherapyInput> rows) =>
        rows.Where(r => r.LevelFrom is not null || r.LevelTo is not null || r.TotalDoseGy is not null
            || r.Fractions is not null || r.EndDate is not null).ToList();
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
