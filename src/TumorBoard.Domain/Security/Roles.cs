namespace TumorBoard.Domain.Security;

/// <summary>Application roles (foundation issue §3). A user may hold several.</summary>
public static class Roles
{
    public const string Coordinator = "Coordinator";
    public const string Specialist = "Specialist";
    public const string Clinician = "Clinician";
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All = [Coordinator, Specialist, Clinician, Administrator];
}

/// <summary>A specialist's discipline: exactly one per Specialist. Radiology and Pathology are admitted for later.</summary>
public enum Discipline
{
    MedicalOncology,
    RadiationOncology,
    Neurosurgery,
    Radiology,
    Pathology,
}

public static class Disciplines
{
    /// <summary>The discipline in words, as at the start of a sentence ("Radiation oncology").</summary>
    public static string Name(Discipline discipline) => discipline switch
    {
        Discipline.MedicalOncology => "Medical oncology",
        Discipline.RadiationOncology => "Radiation oncology",
        _ => discipline.ToString(),
    };
}
