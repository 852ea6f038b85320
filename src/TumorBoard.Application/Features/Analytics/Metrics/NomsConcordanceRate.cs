using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;

namespace TumorBoard.Application.Features.Analytics.Metrics;

/// <summary>NOMS concordance (pathways.md §2, measure 7; the suggestion is advisory, scores.md §3.3): a decision "with a suggestion" is one whose concordance was recorded.</summary>
public sealed class NomsConcordanceRate : QualityMetric
{
    public override string Key => "noms-concordance";
    public override int Measure => 7;
    public override string Title => "NOMS concordance";
    public override string Definition => "Signed decisions concordant with the NOMS suggestion / signed decisions with a suggestion (concordance recorded); deviations by reason.";
    public override string Sql(AnalyticsScope scope) => """
        SELECT NULL::text AS grp, NULL::text AS key, NULL::text AS label,
               count(*) FILTER (WHERE content->>'nomsConcordance' = 'Concordant') AS numerator,
               count(*) FILTER (WHERE content->>'nomsConcordance' IS NOT NULL) AS denominator,
               NULL::float8 AS p50, NULL::float8 AS p90 FROM sd
        UNION ALL
        SELECT 'reason', coalesce(content->>'discordanceReason', 'NotGiven'), NULL, count(*),
               (SELECT count(*) FROM sd WHERE content->>'nomsConcordance' = 'Discordant'), NULL, NULL
        FROM sd WHERE content->>'nomsConcordance' = 'Discordant' GROUP BY 2
        """;

    public override string Label(MetricPart part) =>
        Enum.TryParse<DiscordanceReason>(part.Key, out var r) ? DisplayWords.Of(r) : part.Key == "NotGiven" ? "No reason given" : base.Label(part);
}
