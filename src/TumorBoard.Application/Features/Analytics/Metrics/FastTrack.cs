using TumorBoard.Domain.Common;
using TumorBoard.Domain.Mscc;

namespace TumorBoard.Application.Features.Analytics.Metrics;

/// <summary>
/// The fast-track clocks the measures 10 and 13 count (issue §1 of #14, pathways.md §1), as the stored clocks of the
/// cases in scope (<c>mscc_tracks.clocks</c>, refreshed on every save that moves them). A clock counts once it is
/// settled: met when stopped by its due time; breached when stopped later, or still running past its due time. A met
/// clock belongs to the period of its stop, a breached one to the period of its due time (when the target was missed).
/// Only P1 and P2 cases have clocks, so the scan is a range of ix_mscc_tracks_triage.
/// </summary>
static class FastTrack
{
    public const string Clocks = """
        , clk AS (SELECT t.case_id, t.triage, k->>'Name' AS clock, (k->>'DueAt')::timestamptz AS due_at,
                         (k->>'StoppedAt')::timestamptz AS stopped_at, t.breach_notes
                  FROM mscc_tracks t JOIN fc ON fc.id = t.case_id CROSS JOIN LATERAL jsonb_array_elements(t.clocks) k
                  WHERE t.triage > 0),
        settled AS (SELECT case_id, triage, clock, met, breach_notes FROM (
                      SELECT c.*, (c.stopped_at IS NOT NULL AND c.stopped_at <= c.due_at) AS met,
                             CASE WHEN c.stopped_at IS NOT NULL AND c.stopped_at <= c.due_at THEN c.stopped_at ELSE c.due_at END AS counted_at
                      FROM clk c WHERE c.stopped_at IS NOT NULL OR c.due_at < @now_utc) s
                    WHERE counted_at >= @from_utc AND counted_at < @to_utc)
        """;

    /// <summary>The clock's name and the triage class in the clinic's words.</summary>
    public static string? Label(MetricPart part) => part.Group switch
    {
        "clock" when Enum.TryParse<MsccClockName>(part.Key, out var clock) => DisplayWords.Of(clock),
        "triage" when Enum.TryParse<TriageLevel>(part.Key, out var level) => DisplayWords.Of(level),
        "reason" when part.Key.Length == 0 => "No reason given yet",
        "reason" when Enum.TryParse<BreachReason>(part.Key, out var reason) => reason == BreachReason.Other ? "Other" : DisplayWords.Of(reason),
        _ => null,
    };
}

/// <summary>
/// Timeliness within the MSCC targets (issue §2 of #14, measure 10; pathways.md §1): the share of the settled fast-track
/// clocks that were met (MRI and plan within 24 hours of suspicion for P1, within one week for P2; radiotherapy within 24
/// hours of the decision to treat), by clock and by triage class.
/// </summary>
public sealed class WithinMsccTargets : QualityMetric
{
    public override string Key => "within-mscc-targets";
    public override int Measure => 10;
    public override string Title => "Within the MSCC targets";
    public override string Definition => "Fast-track clocks met (MRI and treatment plan within 24 hours of suspicion for P1, within one week for P2; radiotherapy within 24 hours of the decision to treat) / fast-track clocks settled in the period (met when stopped, in the period of the stop; breached when stopped late or still running past due, in the period of the due time); by clock and by triage.";
    public override string Source => "pathways.md §2, measure 10, with the targets of §1";
    public override string Sql(AnalyticsScope scope) => FastTrack.Clocks + """
        SELECT NULL::text AS grp, NULL::text AS key, NULL::text AS label, count(*) FILTER (WHERE met) AS numerator, count(*) AS denominator,
               NULL::float8 AS p50, NULL::float8 AS p90 FROM settled
        UNION ALL
        SELECT 'clock', clock, clock, count(*) FILTER (WHERE met), count(*), NULL, NULL FROM settled GROUP BY clock
        UNION ALL
        SELECT 'triage', CASE triage WHEN 2 THEN 'P1' ELSE 'P2' END, CASE triage WHEN 2 THEN 'P1' ELSE 'P2' END,
               count(*) FILTER (WHERE met), count(*), NULL, NULL FROM settled GROUP BY triage
        """;
    public override string Label(MetricPart part) => FastTrack.Label(part) ?? base.Label(part);
}

/// <summary>
/// Fast-track breaches with their reasons (issue §2 of #14, measure 13; the coded reasons of issue §1: patient unfit, imaging
/// capacity, patient declined, transfer, other): breached / settled clocks, by clock, and the breaches by the reason in
/// force for the clock, those still without one apart.
/// </summary>
public sealed class FastTrackBreaches : QualityMetric
{
    public override string Key => "fast-track-breaches";
    public override int Measure => 13;
    public override string Title => "Fast-track breaches";
    public override string Definition => "Fast-track clocks breached / fast-track clocks settled in the period (as for measure 10); by clock, and the breaches by coded reason (patient unfit, imaging capacity, patient declined, transfer, other), those without a reason yet apart.";
    public override string Source => "issue §2 of #14, measure 13; the clocks of pathways.md §1";
    public override string Sql(AnalyticsScope scope) => FastTrack.Clocks + """
        , breached AS (SELECT s.clock, coalesce((SELECT n->>'Reason' FROM jsonb_array_elements(s.breach_notes) n
                                                 WHERE n->>'Clock' = s.clock LIMIT 1), '') AS reason
                       FROM settled s WHERE NOT s.met)
        SELECT NULL::text AS grp, NULL::text AS key, NULL::text AS label, count(*) FILTER (WHERE NOT met) AS numerator,
               count(*) AS denominator, NULL::float8 AS p50, NULL::float8 AS p90 FROM settled
        UNION ALL
        SELECT 'clock', clock, clock, count(*) FILTER (WHERE NOT met), count(*), NULL, NULL FROM settled GROUP BY clock
        UNION ALL
        SELECT 'reason', reason, reason, count(*), (SELECT count(*) FROM breached), NULL, NULL FROM breached GROUP BY reason
        """;
    public override string Label(MetricPart part) => FastTrack.Label(part) ?? base.Label(part);
}
