using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Analytics;

namespace TumorBoard.Application.Features.Analytics;

/// <summary>
/// Every measure, the monthly series and the time-to-decision bands in <b>one statement</b>: the scope's sets
/// (<see cref="AnalyticsScope"/>) are computed once and shared by every measure, and every figure comes from the same
/// snapshot of the records (a sign committed halfway cannot count in one measure and not in the next). Each measure's SELECT
/// becomes a subquery (its own sets turn into a WITH inside it, which may use the scope's); rows are tagged with the
/// measure's position (-1 the months, -2 the bands, -3 the statement's snapshot, for <see cref="QualityMetricsCache"/>).
/// </summary>
public static class QualityMetricsSql
{
    const int Months = -1, Bands = -2, Snapshot = -3;

    public sealed record Counted(IReadOnlyList<MetricValue> Metrics, IReadOnlyList<MonthTrend> Months, IReadOnlyList<DurationBand> Bands, string Snapshot);

    /// <summary>The statement: the scope's WITH, then one UNION ALL branch per counted measure, the series and the snapshot.</summary>
    public static string Statement(AnalyticsScope scope)
    {
        var sql = new StringBuilder(scope.With()).Append('\n');
        var first = true;
        void Branch(string select)
        {
            sql.Append(first ? "" : "UNION ALL\n").Append(select).Append('\n');
            first = false;
        }
        for (var i = 0; i < QualityMetrics.All.Count; i++)
        {
            var metric = QualityMetrics.All[i];
            if (metric.Unavailable is not null) continue;
            Branch($"""
                SELECT {i}, q.grp::text, q.key::text, q.label::text, q.numerator::bigint, q.denominator::bigint, q.p50::float8, q.p90::float8,
                       NULL::bigint, NULL::bigint, NULL::bigint
                FROM ({Nested(metric.Sql(scope))}) AS q(grp, key, label, numerator, denominator, p50, p90)
                """);
        }
        Branch($"""
            SELECT {Months}, q.month::text, NULL, NULL, q.decisions::bigint, q.concordant::bigint, NULL, NULL,
                   q.suggested::bigint, q.done::bigint, q.due::bigint
            FROM ({Nested(AnalyticsTrends.MonthsSql(scope))}) AS q(month, decisions, concordant, suggested, done, due)
            """);
        Branch($"""
            SELECT {Bands}, q.band::text, NULL, NULL, q.n::bigint, NULL, NULL, NULL, NULL, NULL, NULL
            FROM ({Nested(AnalyticsTrends.BandsSql())}) AS q(band, n)
            """);
        Branch($"SELECT {Snapshot}, pg_current_snapshot()::text, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL");
        return sql.ToString();
    }

    /// <summary>A measure's text after the scope's WITH ("<c>, more AS (…) SELECT …</c>" or "<c>SELECT …</c>") as a subquery of its own.</summary>
    static string Nested(string select)
    {
        var text = select.TrimStart();
        return text.StartsWith(',') ? "WITH " + text[1..].TrimStart() : text;
    }

    public static async Task<Counted> CountAsync(TumorBoardDbContext db, AnalyticsScope scope, CancellationToken ct)
    {
        var totals = new Dictionary<int, MetricPart>();
        var parts = new Dictionary<int, List<MetricPart>>();
        List<MonthTrend> months = [];
        var bandCounts = new long[AnalyticsTrends.Bands.Length];
        var snapshot = "";
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // A transaction of its own, read only, for one setting: no JIT compilation. The statement is large (every measure)
            // and PostgreSQL's cost estimate would compile it each time: measured at 100k cases, 2.9 s of compiling for 1.2 s
            // of running it.
            await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            await using (var settings = db.Database.GetDbConnection().CreateCommand())
            {
                // read only when the transaction is ours; a caller's transaction keeps its mode
                settings.CommandText = (tx is null ? "" : "SET TRANSACTION READ ONLY; ") + "SELECT set_config('jit', 'off', true)";
                settings.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                await settings.ExecuteNonQueryAsync(ct);
            }
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = Statement(scope);
            command.Parameters.AddRange(scope.Parameters());
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var tag = reader.GetInt32(0);
                switch (tag)
                {
                    case Snapshot:
                        snapshot = reader.GetString(1);
                        break;
                    case Months:
                        months.Add(new MonthTrend(reader.GetString(1), Long(reader, 4), Long(reader, 5), Long(reader, 8), Long(reader, 9), Long(reader, 10)));
                        break;
                    case Bands:
                        var band = int.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
                        bandCounts[Math.Clamp(band, 0, bandCounts.Length - 1)] += Long(reader, 4);
                        break;
                    default:
                        var metric = QualityMetrics.All[tag];
                        var part = new MetricPart
                        {
                            Group = reader.IsDBNull(1) ? "" : reader.GetString(1),
                            Key = reader.IsDBNull(2) ? "" : reader.GetString(2),
                            Label = reader.IsDBNull(3) ? "" : reader.GetString(3),
                            Numerator = reader.IsDBNull(4) ? null : reader.GetInt64(4),
                            Denominator = Long(reader, 5),
                            Median = reader.IsDBNull(6) ? null : Math.Round(reader.GetDouble(6), 2),
                            Percentile90 = reader.IsDBNull(7) ? null : Math.Round(reader.GetDouble(7), 2),
                        };
                        part = part with { Value = ValueOf(metric.Unit, part.Numerator, part.Denominator, part.Median) };
                        if (part.Group.Length == 0) totals[tag] = part;
                        else (parts.TryGetValue(tag, out var list) ? list : parts[tag] = []).Add(part with { Label = metric.Label(part) });
                        break;
                }
            }
            await reader.DisposeAsync();
            if (tx is not null) await tx.CommitAsync(ct);
        }
        finally { await db.Database.CloseConnectionAsync(); }

        List<MetricValue> values = [];
        for (var i = 0; i < QualityMetrics.All.Count; i++)
        {
            var metric = QualityMetrics.All[i];
            if (metric.Unavailable is { } why)
            {
                values.Add(GetQualityMetrics.Pending(metric, why));
                continue;
            }
            var total = totals.GetValueOrDefault(i) ?? new MetricPart();
            values.Add(new MetricValue
            {
                Key = metric.Key, Measure = metric.Measure, Title = metric.Title, Definition = metric.Definition, Source = metric.Source,
                Unit = metric.Unit, Numerator = total.Numerator, Denominator = total.Denominator, Value = total.Value,
                Median = total.Median, Percentile90 = total.Percentile90,
                Parts = [.. (parts.GetValueOrDefault(i) ?? []).OrderBy(p => p.Group, StringComparer.Ordinal)
                    .ThenByDescending(p => p.Numerator ?? 0).ThenBy(p => p.Label, StringComparer.Ordinal)],
            });
        }
        var bands = AnalyticsTrends.Bands.Select((b, i) => new DurationBand(b.Label, b.From, b.To, bandCounts[i])).ToList();
        return new Counted(values, [.. months.OrderBy(m => m.Month, StringComparer.Ordinal)], bands, snapshot);
    }

    static long Long(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0 : reader.GetInt64(ordinal);

    static double? ValueOf(MetricUnit unit, long? numerator, long denominator, double? median) =>
        denominator == 0 ? null
        : unit == MetricUnit.Proportion ? (numerator is { } n ? Math.Round((double)n / denominator, 4) : null)
        : median;
}
