namespace TumorBoard.Application.Features.Analytics.Metrics;

/// <summary>Deferral (pathways.md §2, measure 6; practice.md [L16]): the reason is the coordinator's free text, grouped as written (case and spaces aside).</summary>
public sealed class Deferral : QualityMetric
{
    public override string Key => "deferral";
    public override int Measure => 6;
    public override string Title => "Deferral";
    public override string Definition => "Cases listed at meetings held in the period but deferred, not discussed / cases listed and handled (discussed, decided or deferred); by reason.";
    public override string Sql(AnalyticsScope scope) => """
        SELECT NULL::text AS grp, NULL::text AS key, NULL::text AS label, count(*) FILTER (WHERE status = 'Deferred') AS numerator,
               count(*) AS denominator, NULL::float8 AS p50, NULL::float8 AS p90 FROM listed
        UNION ALL
        SELECT 'reason', lower(btrim(coalesce(reason, ''))), min(btrim(coalesce(reason, ''))), count(*),
               (SELECT count(*) FROM listed WHERE status = 'Deferred'), NULL, NULL
        FROM listed WHERE status = 'Deferred' GROUP BY lower(btrim(coalesce(reason, '')))
        """;

    public override string Label(MetricPart part) => part.Key.Length == 0 ? "No reason given" : base.Label(part);
}
