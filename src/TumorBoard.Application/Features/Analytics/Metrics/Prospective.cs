namespace TumorBoard.Application.Features.Analytics.Metrics;

/// <summary>
/// Prospective discussion (pathways.md §2, measure 2). The first treatment is the earliest date performed of any plan step
/// recorded as implemented (fully or partly): a step can be recorded as performed before the board met. A case with no
/// treatment recorded yet was discussed before it.
/// </summary>
public sealed class Prospective : QualityMetric
{
    public override string Key => "prospective";
    public override int Measure => 2;
    public override string Title => "Prospective discussion";
    public override string Definition => "Cases discussed in the period whose first discussion was on or before their first treatment / cases discussed in the period.";
    public override string Sql(AnalyticsScope scope) => """
        , discussed AS (SELECT DISTINCT l.case_id FROM listed l WHERE l.status IN ('Discussed', 'Decided'))
        SELECT NULL::text AS grp, NULL::text AS key, NULL::text AS label,
               count(*) FILTER (WHERE t.first_treated IS NULL OR t.first_treated >= f.first_discussed) AS numerator,
               count(*) AS denominator, NULL::float8 AS p50, NULL::float8 AS p90
        FROM discussed x
        CROSS JOIN LATERAL (SELECT min((m.starts_at AT TIME ZONE @tz)::date) AS first_discussed
                            FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
                            WHERE i.case_id = x.case_id AND i.status IN ('Discussed', 'Decided')) f
        CROSS JOIN LATERAL (SELECT min(u.performed_on) AS first_treated
                            FROM decisions d JOIN decision_follow_ups u ON u.decision_id = d.id
                            WHERE d.case_id = x.case_id AND u.status IN ('Implemented', 'PartiallyImplemented')
                              AND u.performed_on IS NOT NULL) t
        """;
}
