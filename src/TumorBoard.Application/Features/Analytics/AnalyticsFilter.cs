using FluentValidation;
using TumorBoard.Application.Common.Models;
using TumorBoard.Domain.Analytics;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Analytics;

/// <summary>
/// The filters a quality lead asks for (pathways.md §2): the period (board-local dates, inclusive, by meeting date or by
/// decision date), primary tumour, urgency, referrer (part of the name), outcome, discipline and latest version vs all
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

public sealed class AnalyticsFilterValidator : AbstractValidator<AnalyticsFilter>
{
    public AnalyticsFilterValidator()
    {
        RuleFor(f => f.From).GreaterThanOrEqualTo(new DateOnly(2000, 1, 1)).When(f => f.From is not null)
            .WithMessage("The period cannot start before 2000.");
        RuleFor(f => f.To).GreaterThanOrEqualTo(f => f.From!.Value).When(f => f.From is not null && f.To is not null)
            .WithMessage("The end of the period must not be before its start.");
        RuleFor(f => f.To).Must((f, to) => to!.Value.DayNumber - f.From!.Value.DayNumber <= AnalyticsFilter.MaxPeriodDays)
            .When(f => f.From is not null && f.To is not null && f.To >= f.From)
            .WithMessage($"A period is at most {AnalyticsFilter.MaxPeriodDays} days (about ten years).");
        RuleFor(f => f.To).LessThanOrEqualTo(new DateOnly(2200, 12, 31)).When(f => f.To is not null);
        RuleFor(f => f.PeriodBy).IsInEnum();
        RuleFor(f => f.Histology).IsInEnum();
        RuleFor(f => f.Urgency).IsInEnum();
        RuleFor(f => f.Outcome).IsInEnum();
        RuleFor(f => f.Discipline).IsInEnum();
        RuleFor(f => f.Versions).IsInEnum();
        RuleFor(f => f.Referrer).MaximumLength(AnalyticsFilter.ReferrerMaxLength);
    }
}
