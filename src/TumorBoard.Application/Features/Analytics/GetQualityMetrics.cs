using System.Data.Common;
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

    public sealed class Handler(TumorBoardDbContext db, BoardClock clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var scope = new AnalyticsScope(query, clock);
            List<MetricValue> values = [];
            IReadOnlyList<MonthTrend> months;
            IReadOnlyList<DurationBand> bands;
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                var connection = db.Database.GetDbConnection();
                foreach (var metric in QualityMetrics.All)
                    values.Add(metric.Unavailable is { } why ? Pending(metric, why) : await RunAsync(connection, scope, metric, ct));
                months = await AnalyticsTrends.MonthsAsync(connection, scope, ct);
                bands = await AnalyticsTrends.TimeToDecisionAsync(connection, scope, ct);
            }
            finally { await db.Database.CloseConnectionAsync(); }
            return new Result
            {
                From = scope.From, To = scope.To, PeriodBy = query.PeriodBy ?? PeriodBasis.MeetingDate,
                Versions = query.Versions ?? VersionScope.Latest, Metrics = values, Months = months, TimeToDecision = bands,
            };
        }
    }

    /// <summary>One measure: its SELECT after the scope's sets, read as its total row and breakdown rows.</summary>
    public static async Task<MetricValue> RunAsync(DbConnection connection, AnalyticsScope scope, QualityMetric metric, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = scope.With() + "\n" + metric.Sql(scope);
        command.Parameters.AddRange(scope.Parameters());
        MetricPart? total = null;
        List<MetricPart> parts = [];
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var part = new MetricPart
                {
                    Group = reader.IsDBNull(0) ? "" : reader.GetString(0),
                    Key = reader.IsDBNull(1) ? "" : reader.GetString(1),
                    Label = reader.IsDBNull(2) ? "" : reader.GetString(2),
                    Numerator = reader.IsDBNull(3) ? null : reader.GetInt64(3),
                    Denominator = reader.IsDBNull(4) ? 0 : reader.GetInt64(4),
                    Median = reader.IsDBNull(5) ? null : Math.Round(reader.GetDouble(5), 2),
                    Percentile90 = reader.IsDBNull(6) ? null : Math.Round(reader.GetDouble(6), 2),
                };
                part = part with { Value = ValueOf(metric.Unit, part.Numerator, part.Denominator, part.Median) };
                if (part.Group.Length == 0) total = part;
                else parts.Add(part with { Label = metric.Label(part) });
            }
        }
        total ??= new MetricPart();
        return new MetricValue
        {
            Key = metric.Key, Measure = metric.Measure, Title = metric.Title, Definition = metric.Definition, Source = metric.Source,
            Unit = metric.Unit, Numerator = total.Numerator, Denominator = total.Denominator, Value = total.Value,
            Median = total.Median, Percentile90 = total.Percentile90,
            Parts = [.. parts.OrderBy(p => p.Group, StringComparer.Ordinal).ThenByDescending(p => p.Numerator ?? 0).ThenBy(p => p.Label, StringComparer.Ordinal)],
        };
    }

    /// <summary>A measure that cannot be counted yet: its words and why, no numbers.</summary>
    public static MetricValue Pending(QualityMetric metric, string why) => new()
    {
        Key = metric.Key, Measure = metric.Measure, Title = metric.Title, Definition = metric.Definition, Source = metric.Source,
        Unit = metric.Unit, Available = false, UnavailableReason = why, Numerator = null, Denominator = null, Value = null,
    };

    static double? ValueOf(MetricUnit unit, long? numerator, long denominator, double? median) =>
        denominator == 0 ? null
        : unit == MetricUnit.Proportion ? (numerator is { } n ? Math.Round((double)n / denominator, 4) : null)
        : median;
}
