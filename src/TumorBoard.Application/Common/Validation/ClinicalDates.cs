using System.Globalization;
using FluentValidation;
using TumorBoard.Application.Common.Models;

namespace TumorBoard.Application.Common.Validation;

/// <summary>
/// The range of dates the board works with: nothing clinical before 1900, nothing searched more than five years ahead,
/// nothing planned (a meeting, a follow-up) more than two years ahead (a board plans weeks to months ahead; a date further
/// off is a typing error, issue #17). Every date a client sends is held to it (with the range in the message), so that no
/// stored or searched date can make date arithmetic overflow later (a meeting in 9999 would break every calendar that lists it).
/// The <c>what</c> of a rule is the key of its subject in <see cref="ValidationTexts"/> ("Subject_ImagingDate"), so that
/// the message is in the caller's language (a text that is no key is used as it is).
/// </summary>
public static class ClinicalDates
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateTimeOffset EarliestInstant = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public const int YearsAhead = 5;
    /// <summary>How far ahead a meeting or a follow-up may be planned.</summary>
    public const int PlanningYearsAhead = 2;

    /// <summary>The board's local date today (<see cref="BoardClock"/>).</summary>
    public static DateOnly Today(BoardClock clock) => clock.Today;

    /// <summary>The last day anything may be planned for, or searched up to.</summary>
    public static DateOnly Latest(BoardClock clock) => Today(clock).AddYears(YearsAhead);

    /// <summary>The last day a meeting or a follow-up may be planned for.</summary>
    public static DateOnly LatestPlanned(BoardClock clock) => Today(clock).AddYears(PlanningYearsAhead);

    public static string Show(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A past clinical date (diagnosis, imaging, end of a course): from 1900-01-01 up to today.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> PastClinicalDate<T>(this IRuleBuilder<T, DateOnly?> rule, BoardClock clock, string what) =>
        rule.Must(d => d is null || (d >= Earliest && d <= Today(clock)))
            .WithMessage(_ => ValidationTexts.Format("Dates_PastClinical", ValidationTexts.Subject(what), Show(Earliest)));

    /// <summary>A day a search filter names: from 1900-01-01 up to five years ahead.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> SearchDay<T>(this IRuleBuilder<T, DateOnly?> rule, BoardClock clock) =>
        rule.Must(d => d is null || (d >= Earliest && d <= Latest(clock)))
            .WithMessage(_ => ValidationTexts.Format("Dates_SearchDay", Show(Earliest), Show(Latest(clock))));

    /// <summary>An instant a search filter names: from 1900-01-01 up to five years ahead.</summary>
    public static IRuleBuilderOptions<T, DateTimeOffset?> SearchInstant<T>(this IRuleBuilder<T, DateTimeOffset?> rule, BoardClock clock) =>
        rule.Must(t => t is null || (t >= EarliestInstant && DateOnly.FromDateTime(t.Value.UtcDateTime) <= Latest(clock)))
            .WithMessage(_ => ValidationTexts.Format("Dates_SearchTime", Show(Earliest), Show(Latest(clock))));

    /// <summary>An instant of the board's work (a cut-off): from 1900-01-01 up to five years ahead.</summary>
    public static IRuleBuilderOptions<T, DateTimeOffset?> BoardInstant<T>(this IRuleBuilder<T, DateTimeOffset?> rule, BoardClock clock, string what) =>
        rule.Must(t => t is null || (t >= EarliestInstant && DateOnly.FromDateTime(t.Value.UtcDateTime) <= Latest(clock)))
            .WithMessage(_ => ValidationTexts.Format("Dates_BoardInstant", ValidationTexts.Subject(what), Show(Earliest), Show(Latest(clock))));

    /// <summary>Something planned (a meeting, a follow-up): at most two years ahead.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> WithinPlanningHorizon<T>(this IRuleBuilder<T, DateOnly?> rule, BoardClock clock, string what) =>
        rule.Must(d => d is null || d <= LatestPlanned(clock))
            .WithMessage(_ => ValidationTexts.Format("Dates_PlanningHorizon", ValidationTexts.Subject(what), PlanningYearsAhead, Show(LatestPlanned(clock))));

    /// <summary>Something planned (a meeting, a follow-up): at most two years ahead.</summary>
    public static IRuleBuilderOptions<T, DateTimeOffset?> WithinPlanningHorizon<T>(this IRuleBuilder<T, DateTimeOffset?> rule, BoardClock clock,
        string what) =>
        rule.Must(t => t is null || DateOnly.FromDateTime(t.Value.UtcDateTime) <= LatestPlanned(clock))
            .WithMessage(_ => ValidationTexts.Format("Dates_PlanningHorizon", ValidationTexts.Subject(what), PlanningYearsAhead, Show(LatestPlanned(clock))));
}
