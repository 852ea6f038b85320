using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;

namespace TumorBoard.Application.Features.Analytics.Metrics;

/// <summary>"More information needed" (pathways.md §2, measure 6): a discussion that ends without a decision, by what was asked for.</summary>
public sealed class MoreInformationNeeded : QualityMetric
{
    public override string Key => "more-information-needed";
    public override int Measure => 6;
    public override string Title => "More information needed";
    public override string Definition => "Signed decisions with the outcome \"more information needed\" / signed decisions; by what was asked for (imaging, biopsy, consult).";
    public override string Sql(AnalyticsScope scope) => """
        SELECT NULL::text AS grp, NULL::text AS key, NULL::text AS label,
               count(*) FILTER (WHERE outcome = 'MoreInformationNeeded') AS numerator, count(*) AS denominator,
               NULL::float8 AS p50, NULL::float8 AS p90 FROM sd
        UNION ALL
        SELECT 'reason', n.value, NULL, count(*), (SELECT count(*) FROM sd WHERE outcome = 'MoreInformationNeeded'), NULL, NULL
        FROM sd CROSS JOIN LATERAL jsonb_array_elements_text(coalesce(sd.content->'informationNeeded', '[]'::jsonb)) AS n(value)
        WHERE sd.outcome = 'MoreInformationNeeded' GROUP BY n.value
        """;

    public override string Label(MetricPart part) =>
        Enum.TryParse<InformationNeeded>(part.Key, out var i) ? DisplayWords.Of(i) : base.Label(part);
}
