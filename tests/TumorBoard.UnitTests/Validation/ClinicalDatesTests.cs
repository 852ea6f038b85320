using TumorBoard.Application.Common.Models;
using FluentValidation;
using TumorBoard.Application.Common.Validation;
using TumorBoard.Application.Features.Cases;
using TumorBoard.UnitTests.Cases;

namespace TumorBoard.UnitTests.Validation;

public sealed class ClinicalDatesTests
{
    sealed record Dates(DateOnly? Past, DateOnly? Search, DateTimeOffset? Planned);

    sealed class DatesValidator : AbstractValidator<Dates>
    {
        public DatesValidator(BoardClock clock)
        {
            RuleFor(d => d.Past).PastClinicalDate(clock, "The date of diagnosis");
            RuleFor(d => d.Search).SearchDay(clock);
            RuleFor(d => d.Planned).WithinPlanningHorizon(clock, "The meeting's start");
        }
    }

    static string[] Messages(Dates dates) => [.. new DatesValidator(FixedClock.At2026).Validate(dates).Errors.Select(e => e.ErrorMessage)];

    [Fact]
    public void A_past_clinical_date_is_from_1900_up_to_today()
    {
        Messages(new(new DateOnly(1900, 1, 1), null, null)).ShouldBeEmpty();
        Messages(new(FixedClock.Today, null, null)).ShouldBeEmpty();
        Messages(new(new DateOnly(1899, 12, 31), null, null)).ShouldBe(["The date of diagnosis must be between 1900-01-01 and today."]);
        Messages(new(FixedClock.Today.AddDays(1), null, null)).ShouldHaveSingleItem();
        Messages(new(DateOnly.MaxValue, null, null)).ShouldHaveSingleItem();
    }

    [Fact]
    public void A_searched_day_is_from_1900_up_to_five_years_ahead_stated_in_the_message()
    {
        Messages(new(null, new DateOnly(2031, 3, 10), null)).ShouldBeEmpty();
        Messages(new(null, new DateOnly(2031, 3, 11), null)).ShouldBe(["Give a day between 1900-01-01 and 2031-03-10."]);
        Messages(new(null, new DateOnly(9999, 12, 31), null)).ShouldHaveSingleItem();
        Messages(new(null, DateOnly.MinValue, null)).ShouldHaveSingleItem();
    }

    [Fact]
    public void Something_planned_is_at_most_two_years_ahead()
    {
        Messages(new(null, null, new DateTimeOffset(2028, 3, 10, 23, 0, 0, TimeSpan.Zero))).ShouldBeEmpty();
        Messages(new(null, null, new DateTimeOffset(2028, 3, 11, 0, 0, 0, TimeSpan.Zero)))
            .ShouldBe(["The meeting's start must be within the next 2 years (by 2028-03-10)."]);
        Messages(new(null, null, new DateTimeOffset(9999, 12, 31, 23, 0, 0, TimeSpan.Zero)))
            .ShouldBe(["The meeting's start must be within the next 2 years (by 2028-03-10)."]);
    }

    [Fact]
    public void Every_date_of_a_case_is_held_to_the_range()
    {
        var validator = new CaseFieldsValidator(FixedClock.At2026);
        var old = new DateOnly(1850, 1, 1);
        var fields = new CaseFields
        {
            DiagnosisDate = old, SymptomOnsetDate = old,
            Lesions = [new LesionInput { ImagingDate = old }],
            PriorRadiotherapy = [new RadiotherapyInput { EndDate = old }],
        };
        var paths = validator.Validate(fields).Errors.Where(e => e.ErrorMessage.Contains("1900-01-01")).Select(e => e.PropertyName).Order();
        paths.ShouldBe(["DiagnosisDate", "Lesions[0].ImagingDate", "PriorRadiotherapy[0].EndDate", "SymptomOnsetDate"]);
    }
}
