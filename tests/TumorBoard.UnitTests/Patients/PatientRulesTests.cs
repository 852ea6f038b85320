using System.Globalization;
using TumorBoard.Application.Features.Patients;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Patients;
using TumorBoard.UnitTests.Cases;

namespace TumorBoard.UnitTests.Patients;

public sealed class PatientRulesTests
{
    static readonly DateOnly Today = FixedClock.Today;
    static readonly PatientFieldsValidator Validator = new(FixedClock.At2026);

    static RegisterPatient.Command Valid() => new()
    {
        Mrn = "MRN-001", FamilyName = "Muster", GivenName = "Erika", DateOfBirth = new DateOnly(1961, 4, 12), Sex = Sex.Female,
    };

    static List<string> ErrorsOn(IPatientFields p) => Validator.Validate(p).Errors.Select(e => e.PropertyName).ToList();

    public static TheoryData<string, bool> DatesOfBirth() => new()
    {
        { "yesterday", true },
        { "exactly 120 years ago", true },
        { "today", false },
        { "tomorrow", false },
        { "120 years and a day ago", false },
    };

    static DateOnly Dob(string when) => when switch
    {
        "yesterday" => Today.AddDays(-1),
        "exactly 120 years ago" => Today.AddYears(-120),
        "today" => Today,
        "tomorrow" => Today.AddDays(1),
        "120 years and a day ago" => Today.AddYears(-120).AddDays(-1),
        _ => throw new ArgumentOutOfRangeException(nameof(when)),
    };

    [Theory]
    [MemberData(nameof(DatesOfBirth))]
    public void A_date_of_birth_is_in_the_past_and_at_most_120_years_ago(string when, bool plausible)
    {
        Patient.IsPlausibleDateOfBirth(Dob(when), Today).ShouldBe(plausible);
        ErrorsOn(Valid() with { DateOfBirth = Dob(when) }).Contains("DateOfBirth").ShouldBe(!plausible);
        var register = () => Patient.Register("M1", "F", "G", Dob(when), Sex.Male, Guid.NewGuid(), TestCases.Now, FixedClock.Today);
        if (plausible) register().DateOfBirth.ShouldBe(Dob(when));
        else Should.Throw<DomainConflictException>(register).Message.ShouldContain("120 years");
    }

    [Fact]
    public void Registering_trims_the_mrn_and_names_and_derives_initials()
    {
        var p = Patient.Register("  MRN-7 ", " Muster ", " erika", new DateOnly(1970, 1, 1), Sex.Female, Guid.NewGuid(), TestCases.Now, FixedClock.Today);
        (p.Mrn, p.FamilyName, p.GivenName, p.Initials).ShouldBe(("MRN-7", "Muster", "erika", "EM"));
    }

    [Theory]
    [InlineData("A", true)]
    [InlineData("12345678901234567890123456789012", true)]
    [InlineData("   12345678901234567890123456789012  ", true)]
    [InlineData("123456789012345678901234567890123", false)]
    [InlineData("", false)]
    [InlineData("    ", false)]
    public void An_mrn_has_1_to_32_characters_after_trimming(string mrn, bool valid) =>
        ErrorsOn(Valid() with { Mrn = mrn }).Contains("Mrn").ShouldBe(!valid);

    [Fact]
    public void Accepts_a_valid_patient() => ErrorsOn(Valid()).ShouldBeEmpty();

    public static TheoryData<string, RegisterPatient.Command> Invalid() => new()
    {
        { "FamilyName", Valid() with { FamilyName = "" } },
        { "FamilyName", Valid() with { FamilyName = new string('f', 101) } },
        { "GivenName", Valid() with { GivenName = " " } },
        { "GivenName", Valid() with { GivenName = new string('g', 101) } },
        { "DateOfBirth", Valid() with { DateOfBirth = null } },
        { "Sex", Valid() with { Sex = null } },
        { "Sex", Valid() with { Sex = (Sex)9 } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Refuses_each_invalid_field(string field, RegisterPatient.Command command) =>
        ErrorsOn(command).ShouldBe([field]);

    [Fact]
    public void Names_of_100_characters_are_accepted() =>
        ErrorsOn(Valid() with { FamilyName = new string('f', 100), GivenName = new string('g', 100) }).ShouldBeEmpty();

    [Theory]
    [InlineData("1961-04-12", "2026-04-11", 64)]
    [InlineData("1961-04-12", "2026-04-12", 65)]
    [InlineData("2000-02-29", "2021-02-28", 20)]
    [InlineData("2000-02-29", "2021-03-01", 21)]
    [InlineData("2000-02-29", "2024-02-29", 24)]
    [InlineData("2025-12-31", "2026-01-01", 0)]
    public void Counts_the_age_in_completed_years(string born, string on, int age) =>
        Patient.AgeOn(DateOnly.Parse(born, CultureInfo.InvariantCulture), DateOnly.Parse(on, CultureInfo.InvariantCulture)).ShouldBe(age);
}
