namespace TumorBoard.Domain.Security;

/// <summary>Application roles (foundation issue §3). A user may hold several.</summary>
public static class Roles
{
    public const string Coordinator = "Coordinator";
    public const string Specialist = "Specialist";
    public const string Clinician = "Clinician";
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All = [Coordinator, Specialist, Clinician, Administrator];

    /// <summary>The roles that read or write clinical records.</summary>
    public static readonly IReadOnlyList<string> Clinical = [Coordinator, Specialist, Clinician];

    /// <summary>
    /// Administration is kept apart from clinical work (separation of duties): whoever manages accounts and reviews the
    /// audit trail holds no clinical role, so nobody can grant themselves clinical access or review their own clinical writes.
    /// </summary>
    public static bool CombineAdministrationWithClinicalWork(IEnumerable<string> roles)
    {
        var set = roles.ToHashSet(StringComparer.Ordinal);
        return set.Contains(Administrator) && set.Overlaps(Clinical);
    }
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
