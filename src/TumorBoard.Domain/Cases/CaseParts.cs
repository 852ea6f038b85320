using TumorBoard.Domain.Clinical;

namespace TumorBoard.Domain.Cases;

public enum CaseStatus { Draft, ReadyForBoard, Scheduled, Discussed, Decided, Closed, Withdrawn }

public enum Urgency { Routine, Urgent }

/// <summary>A compartment a lesion involves.</summary>
public enum Compartment
{
    VertebralBody,
    Pedicle,
    PosteriorElements,
    Epidural,
    IntraduralExtramedullary,
    Intramedullary,
}

/// <summary>One spinal lesion: a level or a contiguous range of levels.</summary>
public sealed record SpinalLesion
{
    public SpinalLevel LevelFrom { get; init; }
    public SpinalLevel LevelTo { get; init; }
    public IReadOnlyList<Compartment> Compartments { get; init; } = [];
    public DateOnly ImagingDate { get; init; }

    public string Levels => LevelFrom == LevelTo ? LevelFrom.ToString() : $"{LevelFrom}-{LevelTo}";
}

/// <summary>A prior course of spinal radiotherapy.</summary>
public sealed record PriorRadiotherapy
{
    public SpinalLevel LevelFrom { get; init; }
    public SpinalLevel LevelTo { get; init; }
    public decimal TotalDoseGy { get; init; }
    public int Fractions { get; init; }
    public DateOnly EndDate { get; init; }

    /// <summary>The course treated <paramref name="level"/> (its range includes it).</summary>
    public bool Covers(SpinalLevel level) => level >= LevelFrom && level <= LevelTo;

    /// <summary>
    /// "The target levels overlap prior radiotherapy": the courses that treated any of <paramref name="targetLevels"/>
    /// (a re-irradiation of those levels). The one place this rule lives.
    /// </summary>
    public static IReadOnlyList<PriorRadiotherapy> AtLevels(IEnumerable<PriorRadiotherapy> courses, IEnumerable<SpinalLevel> targetLevels)
    {
        var levels = targetLevels as IReadOnlyCollection<SpinalLevel> ?? [.. targetLevels];
        return [.. courses.Where(p => levels.Any(p.Covers))];
    }
}

/// <summary>Everything a coordinator enters about a case; the aggregate validates invariants on it.</summary>
public sealed record CaseDetails
{
    public PrimaryHistology Histology { get; init; }
    public string? HistologyOtherText { get; init; }
    public DateOnly? DiagnosisDate { get; init; }
    public IReadOnlyList<SpinalLesion> Lesions { get; init; } = [];
    public PainCharacter? Pain { get; init; }
    public FrankelGrade? Frankel { get; init; }
    public AsiaGrade? Asia { get; init; }
    public bool? Myelopathy { get; init; }
    /// <summary>MSCC symptoms and signs present now (pathways.md §1.1); empty: none recorded.</summary>
    public IReadOnlyList<Mscc.MsccSymptom> MsccSymptoms { get; init; } = [];
    public DateOnly? SymptomOnsetDate { get; init; }
    public Urgency Urgency { get; init; }
    public int? Ecog { get; init; }
    public int? Karnofsky { get; init; }
    public int? ExtraspinalBoneMetastases { get; init; }
    public VisceralMetastases? VisceralMetastases { get; init; }
    public bool? BrainMetastases { get; init; }
    public IReadOnlyList<PriorRadiotherapy> PriorRadiotherapy { get; init; } = [];
    public string? CurrentSystemicTherapy { get; init; }
    public string ClinicalQuestion { get; init; } = "";
    public string? ReferringClinician { get; init; }
    public string? PatientPreferences { get; init; }
}
