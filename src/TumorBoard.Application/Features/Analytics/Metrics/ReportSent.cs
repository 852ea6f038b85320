namespace TumorBoard.Application.Features.Analytics.Metrics;

/// <summary>
/// Report sent to the referrer within one working day (pathways.md §2, measure 11; practice.md [L24]): the first recorded
/// dispatch of each signed decision version (<c>report_dispatches</c>, RecordReportDispatch) against its signature. One
/// working day: 24 hours, moved past a Saturday or Sunday in the board's time zone (<see cref="Reports.ReportDeadline"/>,
/// the same rule in C#); public holidays are not known to the system. A version with no dispatch recorded counts in the
/// denominator and not in the numerator; the hours are those of the versions sent.
/// </summary>
public sealed class ReportSent : QualityMetric
{
    public override string Key => "report-sent";
    public override int Measure => 11;
    public override string Title => "Report sent to the referrer within one working day";
    public override string Definition => "Signed decision versions whose report was first sent to the referrer within one working day of signing / signed decision versions; median and 90th percentile of the hours from signing to that first dispatch.";
    public override string Sql(AnalyticsScope scope) => $"""
        , rs AS (SELECT sd.signed_at, o.sent,
                        sd.signed_at + interval '1 day' * (1 + CASE extract(isodow FROM (sd.signed_at + interval '1 day') AT TIME ZONE @tz)
                                                               WHEN 6 THEN 2 WHEN 7 THEN 1 ELSE 0 END) AS due
                 FROM sd CROSS JOIN LATERAL (
                     SELECT min(r.sent_at) AS sent FROM report_dispatches r WHERE r.decision_id = sd.id) o)
        SELECT NULL::text AS grp, NULL::text AS key, NULL::text AS label,
               count(*) FILTER (WHERE sent <= due) AS numerator, count(*) AS denominator,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM sent - signed_at) / 3600.0) AS p50,
               percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM sent - signed_at) / 3600.0) AS p90
        FROM rs
        """;
}
