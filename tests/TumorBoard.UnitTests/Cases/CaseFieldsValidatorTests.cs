using TumorBoard.Application.Features.Cases;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;

namespace TumorBoard.UnitTests.Cases;

public sealed class CaseFieldsValidatorTests
{
    static readonly DateOnly Today = FixedClock.Today;
    static readonly RegisterCase.Validator Validator = new(FixedClock.At2026);

    static RegisterCase.Command Valid() => new()
    {
        PatientId = Guid.NewGuid(), Histology = PrimaryHistology.Prostate, Urgency = Urgency.Routine,
        DiagnosisDate = Today.AddYears(-1), SymptomOnsetDate = Today,
        Lesions = [new LesionInput { LevelFrom = SpinalLevel.L1, LevelTo = SpinalLevel.L3, Compartments = [Compartment.Pedicle], ImagingDate = Today }],
        PriorRadiotherapy = [new RadiotherapyInput { LevelFrom = SpinalLevel.L1, TotalDoseGy = 8m, Fractions = 1, EndDate = Today.AddMonths(-6) }],
        Ecog = 2, Karnofsky = 60, ExtraspinalBoneMetastases = 3, ClinicalQuestion = "Radiotherapy alone?",
    };

    static IEnumerable<string> ErrorsOn(RegisterCase.Command c) => Validator.Validate(c).Errors.Select(e => e.PropertyName);

    [Fact]
    public void Accepts_a_valid_case_with_dates_of_today() => Validator.Validate(Valid()).Errors.ShouldBeEmpty();

    [Theory]
    [InlineData(null, true)]
    [InlineData(10, true)]
    [InlineData(50, true)]
    [InlineData(100, true)]
    [InlineData(0, false)]
    [InlineData(5, false)]
    [InlineData(75, false)]
    [InlineData(110, false)]
    [InlineData(-10, false)]
    public void Accepts_karnofsky_only_in_steps_of_ten_from_10_to_100(int? karnofsky, bool valid) =>
        ErrorsOn(Valid() with { Karnofsky = karnofsky }).Contains("Karnofsky").ShouldBe(!valid);

    [Theory]
    [InlineData(null, true)]
    [InlineData(0, true)]
    [InlineData(4, true)]
    [InlineData(-1, false)]
    [InlineData(5, false)]
    public void Accepts_ecog_from_0_to_4(int? ecog, bool valid) =>
        ErrorsOn(Valid() with { Ecog = ecog }).Contains("Ecog").ShouldBe(!valid);

    [Theory]
    [InlineData(SpinalLevel.T4, SpinalLevel.T4, true)]
    [InlineData(SpinalLevel.T4, SpinalLevel.T6, true)]
    [InlineData(SpinalLevel.T4, null, true)]
    [InlineData(SpinalLevel.T6, SpinalLevel.T4, false)]
    [InlineData(SpinalLevel.S1, SpinalLevel.L5, false)]
    public void Accepts_a_lesion_range_only_from_top_to_bottom(SpinalLevel from, SpinalLevel? to, bool valid)
    {
        var lesion = Valid().Lesions[0] with { LevelFrom = from, LevelTo = to };
        var course = Valid().PriorRadiotherapy[0] with { LevelFrom = from, LevelTo = to };
        var errors = ErrorsOn(Valid() with { Lesions = [lesion], PriorRadiotherapy = [course] }).ToList();
        errors.Contains("Lesions[0].LevelTo").ShouldBe(!valid);
        errors.Contains("PriorRadiotherapy[0].LevelTo").ShouldBe(!valid);
    }

    public static TheoryData<string, Func<RegisterCase.Command, RegisterCase.Command>> FutureDates() => new()
    {
        { "DiagnosisDate", c => c with { DiagnosisDate = Today.AddDays(1) } },
        { "SymptomOnsetDate", c => c with { SymptomOnsetDate = Today.AddDays(1) } },
        { "Lesions[0].ImagingDate", c => c with { Lesions = [c.Lesions[0] with { ImagingDate = Today.AddDays(1) }] } },
        { "PriorRadiotherapy[0].EndDate", c => c with { PriorRadiotherapy = [c.PriorRadiotherapy[0] with { EndDate = Today.AddDays(1) }] } },
    };

    [Theory]
    [MemberData(nameof(FutureDates))]
    public void Refuses_dates_in_the_future(string field, Func<RegisterCase.Command, RegisterCase.Command> change) =>
        ErrorsOn(change(Valid())).ShouldBe([field]);

    public static TheoryData<string, Func<RegisterCase.Command, RegisterCase.Command>> MissingRequired() => new()
    {
        { "PatientId", c => c with { PatientId = Guid.Empty } },
        { "Histology", c => c with { Histology = null } },
        { "Urgency", c => c with { Urgency = null } },
        { "ClinicalQuestion", c => c with { ClinicalQuestion = "" } },
        { "ClinicalQuestion", c => c with { ClinicalQuestion = "   " } },
        { "HistologyOtherText", c => c with { Histology = PrimaryHistology.Other, HistologyOtherText = null } },
        { "Lesions[0].LevelFrom", c => c with { Lesions = [c.Lesions[0] with { LevelFrom = null, LevelTo = null }] } },
        { "Lesions[0].ImagingDate", c => c with { Lesions = [c.Lesions[0] with { ImagingDate = null }] } },
        { "PriorRadiotherapy[0].TotalDoseGy", c => c with { PriorRadiotherapy = [c.PriorRadiotherapy[0] with { TotalDoseGy = null }] } },
        { "PriorRadiotherapy[0].Fractions", c => c with { PriorRadiotherapy = [c.PriorRadiotherapy[0] with { Fractions = 0 }] } },
        { "Histology", c => c with { Histology = (PrimaryHistology)999 } },
        { "Lesions[0].Compartments[0]", c => c with { Lesions = [c.Lesions[0] with { Compartments = [(Compartment)42] }] } },
    };

    [Theory]
    [MemberData(nameof(MissingRequired))]
    public void Refuses_a_missing_or_unknown_required_value(string field, Func<RegisterCase.Command, RegisterCase.Command> change) =>
        ErrorsOn(change(Valid())).ShouldContain(field);

    [Theory]
    [InlineData(2000, true)]
    [InlineData(2001, false)]
    public void Limits_the_clinical_question_to_2000_characters(int length, bool valid)
    {
        var errors = Validator.Validate(Valid() with { ClinicalQuestion = new string('q', length) }).Errors;
        errors.Any(e => e.PropertyName == "ClinicalQuestion").ShouldBe(!valid);
        if (!valid) errors.Single().ErrorMessage.ShouldContain("2,000");
    }

    [Fact]
    public void Accepts_other_histology_with_a_description()
    {
        Validator.Validate(Valid() with { Histology = PrimaryHistology.Other, HistologyOtherText = "Chordoma" }).IsValid.ShouldBeTrue();
        var failure = Validator.Validate(Valid() with { Histology = PrimaryHistology.Other, HistologyOtherText = " " }).Errors.ShouldHaveSingleItem();
        failure.ErrorMessage.ShouldBe("Describe the histology when you choose 'Other'.");
    }

    [Fact]
    public void Update_shares_the_same_field_rules()
    {
        var update = new UpdateCase.Validator(FixedClock.At2026);
        var command = new UpdateCase.Command { Histology = PrimaryHistology.Breast, Urgency = Urgency.Urgent, ClinicalQuestion = "?", Karnofsky = 65 };
        update.Validate(command).Errors.Select(e => e.PropertyName).ShouldBe(["Karnofsky"]);
    }
}
