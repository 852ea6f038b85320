namespace TumorBoard.Application.Features.Analytics.Metrics;

/// <summary>Coverage (pathways.md §2, measure 1). Registration date, whatever the period basis: a case not yet discussed has no other.</summary>
public sealed class Coverage : QualityMetric
{
    public override string Key => "coverage";
    public override int Measure => 1;
    public override string Title => "Coverage";
    public override string Definition => "Cases registered in the period that have been discussed at a board meeting / cases registered in the period.";
    public override string Sql(AnalyticsScope scope) => """
        SELECT NULL::text AS grp, NULL::text AS key, NULL::text AS label,
               count(*) FILTER (WHERE EXISTS (SELECT 1 FROM agenda_items i WHERE i.case_id = fc.id AND i.status IN ('Discussed', 'Decided'))) AS numerator,
               count(*) AS denominator, NULL::float8 AS p50, NULL::float8 AS p90
        FROM fc WHERE fc.created_at >= @from_utc AND fc.created_at < @to_utc
        """;
}
