namespace TumorBoard.Application.Features.Analytics.Metrics;

/// <summary>Re-discussion rate (pathways.md §2, measure 9; practice.md [L14]).</summary>
public sealed class Rediscussion : QualityMetric
{
    public override string Key => "re-discussion";
    public override int Measure => 9;
    public override string Title => "Re-discussion";
    public override string Definition => "Cases discussed in the period that had been discussed at an earlier meeting / cases discussed in the period.";
    public override string Sql(AnalyticsScope scope) => """
        , dc AS (SELECT l.case_id, max(l.starts_at) AS last_discussed FROM listed l WHERE l.status IN ('Discussed', 'Decided') GROUP BY l.case_id)
        SELECT NULL::text AS grp, NULL::text AS key, NULL::text AS label,
               count(*) FILTER (WHERE EXISTS (SELECT 1 FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
                                              WHERE i.case_id = dc.case_id AND i.status IN ('Discussed', 'Decided')
                                                AND m.starts_at < dc.last_discussed)) AS numerator,
               count(*) AS denominator, NULL::float8 AS p50, NULL::float8 AS p90 FROM dc
        """;
}
