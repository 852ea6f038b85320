using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.Fhir;

namespace TumorBoard.Application.Features.Analytics.Metrics;

/// <summary>
/// Outcome sent to the referrer within one working day (pathways.md §2, measure 11; practice.md [L24]). Until the PDF report
/// exists, the stand-in is the read log: the first time anyone but the signer opened the signed decision (GetDecision: the
/// decision page, its print and the API) or exported it (ExportDecisionFhir) after signing. One working day: 24 hours,
/// moved past a Saturday or Sunday (board time); public holidays are not known to the system.
/// </summary>
public sealed class ReportOpened : QualityMetric
{
    static readonly string Reads = $"'{nameof(GetDecision)}', '{nameof(ExportDecisionFhir)}'";

    public override string Key => "report-opened";
    public override int Measure => 11;
    public override string Title => "Signed decision opened within one working day";
    public override string Definition => "Signed decision versions first opened by someone other than the signer within one working day of signing / signed decision versions; median and 90th percentile of the hours to that first opening.";
    public override string Sql(AnalyticsScope scope) => $"""
        , op AS (SELECT sd.signed_at, o.opened,
                        sd.signed_at + interval '1 day' * (1 + CASE extract(isodow FROM (sd.signed_at + interval '1 day') AT TIME ZONE @tz)
                                                               WHEN 6 THEN 2 WHEN 7 THEN 1 ELSE 0 END) AS due
                 FROM sd CROSS JOIN LATERAL (
                     SELECT min(e.occurred_at) AS opened FROM audit_entries e
                     WHERE e.entity_type = 'TumorBoardCase' AND e.entity_id = sd.case_id::text AND e.operation = 'Read'
                       AND e.action IN ({Reads}) AND e.occurred_at >= sd.signed_at
                       AND e.actor_id IS DISTINCT FROM sd.signed_by_id) o)
        SELECT NULL::text AS grp, NULL::text AS key, NULL::text AS label,
               count(*) FILTER (WHERE opened <= due) AS numerator, count(*) AS denominator,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM opened - signed_at) / 3600.0) AS p50,
               percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM opened - signed_at) / 3600.0) AS p90
        FROM op
        """;
}
