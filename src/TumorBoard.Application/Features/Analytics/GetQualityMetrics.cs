using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Analytics;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Analytics;

/// <summary>
/// Every board quality measure (pathways.md §2) for the filters, each with its numerator, denominator, value and
/// breakdown, computed by aggregates in the database: no row of a case leaves it. Aggregates only, so it opens no case and
/// is not a read of one; administrators see nothing clinical, specialists (the board's members) see how their board does.
/// One statement counts everything (<see cref="QualityMetricsSql"/>); a count is served again while nothing has been
/// committed since, within the same minute (<see cref="QualityMetricsCache"/>).
/// </summary>
public static class GetQualityMetrics
{
    [RequiresRole(Roles.Coordinator, Roles.Clinician, Roles.Specialist)]
    public sealed record Query : AnalyticsFilter, IQuery<Result>;

    public sealed record Result
    {
        public DateOnly From { get; init; }
        public DateOnly To { get; init; }
        public PeriodBasis PeriodBy { get; init; }
        public VersionScope Versions { get; init; }
        public IReadOnlyList<MetricValue> Metrics { get; init; } = [];
        /// <summary>Decisions, concordance and implementation per month of the period (the charts).</summary>
        public IReadOnlyList<MonthTrend> Months { get; init; } = [];
        /// <summary>First signed decisions by time from registration (the distribution chart).</summary>
        public IReadOnlyList<DurationBand> TimeToDecision { get; init; } = [];
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(BoardClock clock) => Include(new AnalyticsFilterValidator(clock));
    }

    public sealed class Handler(TumorBoardDbContext db, BoardClock clock, QualityMetricsCache cache) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var scope = new AnalyticsScope(query, clock);
            var counted = await cache.GetOrCountAsync(db, scope, ct);
            return new Result
            {
                From = scope.From, To = scope.To, PeriodBy = query.PeriodBy ?? PeriodBasis.MeetingDate,
                Versions = query.Versions ?? VersionScope.Latest, Metrics = counted.Metrics, Months = counted.Months, TimeToDecision = counted.Bands,
            };
        }
    }

    /// <summary>A measure that cannot be counted yet: its words and why, no numbers.</summary>
    public static MetricValue Pending(QualityMetric metric, string why) => new()
    {
        Key = metric.Key, Measure = metric.Measure, Title = metric.Title, Definition = metric.Definition, Source = metric.Source,
        Unit = metric.Unit, Available = false, UnavailableReason = why, Numerator = null, Denominator = null, Value = null,
    };
}
