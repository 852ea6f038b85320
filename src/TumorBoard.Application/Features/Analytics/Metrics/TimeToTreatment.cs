using TumorBoard.Domain.Analytics;

namespace TumorBoard.Application.Features.Analytics.Metrics;

/// <summary>
/// Timeliness, decision → treatment (pathways.md §2, measure 10): from the case's first signed decision (board date) to the
/// earliest date performed of a plan step implemented fully or partly, in days. Steps performed before the decision are
/// left out here (they make the discussion retrospective: measure 2).
/// </summary>
public sealed class TimeToTreatment : QualityMetric
{
    public override string Key => "decision-to-treatment";
    public override int Measure => 10;
    public override MetricUnit Unit => MetricUnit.Days;
    public override string Title => "Decision to treatment";
    public override string Definition => "Days from the case's first signed decision to its first treatment recorded as performed: median and 90th percentile over the cases treated.";
    public override string Sql(AnalyticsScope scope) => """
        , firsts AS (SELECT f.case_id, (f.signed_at AT TIME ZONE @tz)::date AS decided_on FROM firstd f),
        treated AS (SELECT (t.first_treated - f.decided_on)::float8 AS days FROM firsts f
                    CROSS JOIN LATERAL (SELECT min(u.performed_on) AS first_treated FROM decisions d
                                        JOIN decision_follow_ups u ON u.decision_id = d.id
                                        WHERE d.case_id = f.case_id AND u.status IN ('Implemented', 'PartiallyImplemented')
                                          AND u.performed_on >= f.decided_on) t
                    WHERE t.first_treated IS NOT NULL)
        SELECT NULL::text AS grp, NULL::text AS key, NULL::text AS label, NULL::bigint AS numerator, count(*) AS denominator,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS p50, percentile_cont(0.9) WITHIN GROUP (ORDER BY days) AS p90
        FROM treated
        """;
}
