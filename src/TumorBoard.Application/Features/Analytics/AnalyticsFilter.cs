using FluentValidation;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Validation;
using TumorBoard.Domain.Analytics;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Mscc;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Analytics;

/// <summary>
/// The filters a quality lead asks for (pathways.md §2): the period (board-local dates, inclusive, by meeting date or by
/// decision date), primary tumour, urgency, MSCC triage in force, referrer (part of the name), outcome, discipline and latest version vs all
/// signed versions. Unset period: the twelve months up to today.
/// </summary>
public record AnalyticsFilter
{
    public const int MaxPeriodDays = 3700;
    public const int ReferrerMaxLength = 200;

    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public PeriodBasis? PeriodBy { get; init; }
    public PrimaryHistology? Histology { get; init; }
    public Urgency? Urgency { get; init; }
    /// <summary>The MSCC triage in force (P1, P2 or Routine; a case without fast-track data is Routine).</summary>
    public TriageLevel? Triage { get; init; }
    public string? Referrer { get; init; }
    public DecisionOutcome? Outcome { get; init; }
    public Discipline? Discipline { get; init; }
    public VersionScope? Versions { get; init; }

    /// <summary>The period with its defaults filled in: twelve months ending today, or ending at <see cref="To"/>.</summary>
    public (DateOnly From, DateOnly To) Period(DateOnly today)
    {
        var to = To ?? (From is { } f && f > today ? f : today);
        return (From ?? to.AddYears(-1).AddDays(1), to);
    }
}

/// <summary>
/// Every date bound is held to the board's search range (<see cref="ClinicalDates.SearchDay{T}"/>: 1900-01-01 up to five years
/// ahead, stated in the message) on its own, so that the period's defaults (a year back from <c>to</c>) can never overflow;
/// then the order of the two, then the length of the period as it will be counted (defaults filled in). Each message stands
/// under the parameter the client sent: the length under <c>to</c> when it was given, else under <c>from</c>.
/// </summary>
public sealed class AnalyticsFilterValidator : AbstractValidator<AnalyticsFilter>
{
    public AnalyticsFilterValidator(BoardClock clock)
    {
        RuleFor(f => f.From).SearchDay(clock);
        RuleFor(f => f.To).SearchDay(clock);
        RuleFor(f => f.To).GreaterThanOrEqualTo(f => f.From!.Value)
            .When(f => InRange(f.From, clock) && InRange(f.To, clock) && f.From is not null && f.To is not null)
            .WithText("EndPeriodNotBeforeItsStart");
        RuleFor(f => f.To).Must((f, _) => Days(f, clock) <= AnalyticsFilter.MaxPeriodDays)
            .When(f => f.To is not null && Ordered(f, clock))
            .WithText("Analytics_PeriodTooLong", AnalyticsFilter.MaxPeriodDays);
        RuleFor(f => f.From).Must((f, _) => Days(f, clock) <= AnalyticsFilter.MaxPeriodDays)
            .When(f => f.From is not null && f.To is null && Ordered(f, clock))
            .WithText("Analytics_PeriodTooLongFromOnly", AnalyticsFilter.MaxPeriodDays);
        RuleFor(f => f.PeriodBy).IsInEnum();
        RuleFor(f => f.Histology).IsInEnum();
        RuleFor(f => f.Urgency).IsInEnum();
        RuleFor(f => f.Triage).IsInEnum();
        RuleFor(f => f.Outcome).IsInEnum();
        RuleFor(f => f.Discipline).IsInEnum();
        RuleFor(f => f.Versions).IsInEnum();
        RuleFor(f => f.Referrer).MaximumLength(AnalyticsFilter.ReferrerMaxLength);
    }

    static bool InRange(DateOnly? day, BoardClock clock) => day is null || (day >= ClinicalDates.Earliest && day <= ClinicalDates.Latest(clock));

    /// <summary>Both bounds in range and in order: only then is the period's length worth a message of its own.</summary>
    static bool Ordered(AnalyticsFilter f, BoardClock clock) =>
        InRange(f.From, clock) && InRange(f.To, clock) && !(f.From is { } from && f.To is { } to && to < from);

    static int Days(AnalyticsFilter f, BoardClock clock)
    {
        var (from, to) = f.Period(clock.Today);
        return to.DayNumber - from.DayNumber;
    }
}
