using TumorBoard.Domain.Analytics;

namespace TumorBoard.Application.Features.Analytics.Metrics;

/// <summary>
/// Timeliness, referral → decision (pathways.md §2, measure 10). The referral is the case's registration (the case records
/// no other referral time); the decision is the case's first signed decision, so amendments and re-discussions do not
/// count again. The share within the MSCC targets of pathways.md §1 waits for the fast track's triage.
/// </summary>
public sealed class TimeToDecision : QualityMetric
{
    public override string Key => "referral-to-decision";
    public override int Measure => 10;
    public override MetricUnit Unit => MetricUnit.Hours;
    public override string Title => "Referral to decision";
    public override string Definition => "Hours from the case's registration to its first signed decision: median and 90th percentile over the first decisions signed in scope.";
    public override string Sql(AnalyticsScope scope) => """
        , firsts AS (SELECT extract(epoch FROM f.signed_at - f.case_created_at) / 3600.0 AS hours FROM firstd f)
        SELECT NULL::text AS grp, NULL::text AS key, NULL::text AS label, NULL::bigint AS numerator, count(*) AS denominator,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS p50, percentile_cont(0.9) WITHIN GROUP (ORDER BY hours) AS p90
        FROM firsts
        """;
}
