using TumorBoard.Domain.Common;

namespace TumorBoard.Domain.Patients;

public enum Sex { Female, Male, Other, Unknown }

/// <summary>A patient. Never deleted; the MRN is kept in its canonical form (<see cref="Patients.Mrn"/>) and unique (a database constraint).</summary>
public sealed class Patient
{
    public const int MrnMaxLength = Patients.Mrn.MaxLength;
    public const int NameMaxLength = 100;
    public const int MaxAgeYears = 120;

    private Patient() { }

    public Guid Id { get; private set; }
    public string Mrn { get; private set; } = "";
    public string FamilyName { get; private set; } = "";
    public string GivenName { get; private set; } = "";
    public DateOnly DateOfBirth { get; private set; }
    public Sex Sex { get; private set; }
    /// <summary>The language the patient reads: what is written to them (the patient letter) is in it.</summary>
    public PatientLanguage Language { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid UpdatedBy { get; private set; }

    /// <summary>PostgreSQL xmin row version (optimistic concurrency).</summary>
    public uint Version { get; private set; }

    public string Initials => $"{Initial(GivenName)}{Initial(FamilyName)}";

    static string Initial(string s) => s.Length > 0 ? char.ToUpperInvariant(s[0]).ToString() : "";

    /// <summary>Registers a patient at the instant <paramref name="now"/>; <paramref name="today"/> is the board's local date
    /// then (the date of birth must lie before it, as the validator checks on the same day).</summary>
    public static Patient Register(string mrn, string familyName, string givenName, DateOnly dateOfBirth, Sex sex,
        Guid actor, DateTimeOffset now, DateOnly today, PatientLanguage language = PatientLanguage.de)
    {
        var p = new Patient { Id = Guid.CreateVersion7(), CreatedAt = now, CreatedBy = actor };
        p.Set(mrn, familyName, givenName, dateOfBirth, sex, language, actor, now, today);
        return p;
    }

    public void Update(string mrn, string familyName, string givenName, DateOnly dateOfBirth, Sex sex, PatientLanguage language,
        Guid actor, DateTimeOffset now, DateOnly today) => Set(mrn, familyName, givenName, dateOfBirth, sex, language, actor, now, today);

    void Set(string mrn, string familyName, string givenName, DateOnly dateOfBirth, Sex sex, PatientLanguage language, Guid actor,
        DateTimeOffset now, DateOnly today)
    {
        if (!IsPlausibleDateOfBirth(dateOfBirth, today))
            throw new DomainConflictException(new RuleText("Patient.BirthDate"));
        var normalized = Patients.Mrn.Normalize(mrn);
        if (Patients.Mrn.Problem(normalized) is { } problem) throw new DomainConflictException(problem);
        Mrn = normalized;
        FamilyName = familyName.Trim();
        GivenName = givenName.Trim();
        DateOfBirth = dateOfBirth;
        Sex = sex;
        Language = language;
        UpdatedAt = now;
        UpdatedBy = actor;
    }

    public static bool IsPlausibleDateOfBirth(DateOnly dateOfBirth, DateOnly today) =>
        dateOfBirth < today && dateOfBirth >= today.AddYears(-MaxAgeYears);

    /// <summary>Age in completed years on <paramref name="date"/> (a 29 February birthday counts from 1 March in other years).</summary>
    public static int AgeOn(DateOnly dateOfBirth, DateOnly date)
    {
        var age = date.Year - dateOfBirth.Year;
        return dateOfBirth > date.AddYears(-age) ? age - 1 : age;
    }
}
