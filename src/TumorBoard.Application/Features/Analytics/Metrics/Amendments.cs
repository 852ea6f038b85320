namespace TumorBoard.Application.Features.Analytics.Metrics;

/// <summary>Amendments (pathways.md §2, measure 12): counted over every signed version whatever the version filter (an amendment is a version).</summary>
public sealed class Amendments : QualityMetric
{
    public override string Key => "amendments";
    public override int Measure => 12;
    public override string Title => "Amendments";
    public override string Definition => "Signed amendments / signed decisions made in a meeting (not amendments), in the period.";
    public override string Sql(AnalyticsScope scope) => """
        SELECT NULL::text AS grp, NULL::text AS key, NULL::text AS label,
               count(*) FILTER (WHERE amends_id IS NOT NULL) AS numerator, count(*) FILTER (WHERE amends_id IS NULL) AS denominator,
               NULL::float8 AS p50, NULL::float8 AS p90 FROM sdall
        """;
}
