namespace TumorBoard.Domain.Assessments;

// Vocabularies of the structured specialist assessments. JSON carries the member names as written here.

/// <summary>Draft -> Submitted (revisable with a reason) -> Locked once the case's decision is signed.</summary>
public enum AssessmentStatus { Draft, Submitted, Locked }

/// <summary>What produced a version: a draft save, the submission, or a revision of a submitted assessment.</summary>
public enum AssessmentVersionKind { Draft, Submission, Revision }

/// <summary>Course of the neurological deficit.</summary>
public enum NeurologicalCourse { Stable, Progressive, Acute }

/// <summary>Fitness for open surgery; Borderline needs a reason.</summary>
public enum SurgicalFitness { Yes, No, Borderline }

public enum NeurosurgeryRecommendation
{
    None,
    /// <summary>Decompression + instrumentation ("separation surgery", scores.md §3.3 A4).</summary>
    SeparationSurgery,
    StabilisationOpen,
    StabilisationPercutaneous,
    CementVertebroplasty,
    CementKyphoplasty,
    EnBlocResection,
}

public enum RadiationRecommendation { None, ConventionalEbrt, SbrtSrs, PostoperativeSbrt }

/// <summary>Timing of radiotherapy relative to surgery.</summary>
public enum RadiationTiming { NoSurgery, BeforeSurgery, AfterSurgery }

public enum SystemicDiseaseStatus { NoOtherDisease, Stable, Responding, Progressive }

public enum ExpectedSurvival { LessThan3Months, From3To6Months, From6To12Months, MoreThan12Months }

public enum SystemicTherapyPlan { Continue, Change, Start, None }

public enum BoneModifyingAgent { Denosumab, ZoledronicAcid, None }

/// <summary>A common radiotherapy schedule offered to radiation oncology (the list).</summary>
public sealed record RadiationSchedule(string Label, decimal TotalDoseGy, int Fractions);

public static class RadiationSchedules
{
    public const decimal MinDoseGy = 1m;
    public const decimal MaxDoseGy = 60m;
    public const int MinFractions = 1;
    public const int MaxFractions = 40;

    public static IReadOnlyList<RadiationSchedule> Common { get; } =
    [
        new("8 Gy x 1", 8m, 1), new("20 Gy / 5", 20m, 5), new("30 Gy / 10", 30m, 10), new("24 Gy / 2", 24m, 2),
        new("27 Gy / 3", 27m, 3), new("16 Gy x 1", 16m, 1), new("18 Gy x 1", 18m, 1), new("20 Gy x 1", 20m, 1),
        new("24 Gy x 1", 24m, 1),
    ];
}
