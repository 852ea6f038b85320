using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;

namespace TumorBoard.Application.Features.Analytics.Metrics;

/// <summary>
/// Implementation (pathways.md §2, measure 8; practice.md (b)13): a step is due once its decision's follow-up date has
/// come, or once a follow-up is recorded for it; its state is its latest follow-up, "unknown" when none. Only current
/// signed versions carry follow-ups, so superseded versions are left out whatever the version filter.
/// </summary>
public sealed class Implementation : QualityMetric
{
    public override string Key => "implementation";
    public override int Measure => 8;
    public override string Title => "Implementation of plan steps";
    public override string Definition => "Plan steps implemented fully or partly / plan steps due; by state (unknown shown apart) and by reason for deviating.";
    public override string Sql(AnalyticsScope scope) => """
        , steps AS (SELECT * FROM sdsteps)
        SELECT NULL::text AS grp, NULL::text AS key, NULL::text AS label,
               count(*) FILTER (WHERE status IN ('Implemented', 'PartiallyImplemented')) AS numerator, count(*) AS denominator,
               NULL::float8 AS p50, NULL::float8 AS p90 FROM steps
        UNION ALL
        SELECT 'status', status, NULL, count(*), (SELECT count(*) FROM steps), NULL, NULL FROM steps GROUP BY status
        UNION ALL
        SELECT 'reason', reason, NULL, count(*), (SELECT count(*) FROM steps WHERE reason IS NOT NULL), NULL, NULL
        FROM steps WHERE reason IS NOT NULL GROUP BY reason
        """;

    public override string Label(MetricPart part) => part.Group switch
    {
        "status" when Enum.TryParse<FollowUpStatus>(part.Key, out var s) => DisplayWords.Of(s),
        "reason" when Enum.TryParse<DeviationReason>(part.Key, out var r) => DisplayWords.Of(r),
        _ => base.Label(part),
    };
}
