using TumorBoard.Domain.Meetings;

namespace TumorBoard.Application.Features.Analytics.Metrics;

/// <summary>
/// Quorum per case (pathways.md §2, measure 4; practice.md (d)6): an opinion is a submitted assessment of a core discipline.
/// Decisions signed with a chair's waiver are counted apart (they lack an opinion by definition).
/// </summary>
public sealed class CaseQuorum : QualityMetric
{
    public override string Key => "case-quorum";
    public override int Measure => 4;
    public override string Title => "Quorum per case";
    public override string Definition => "Signed decisions whose case has a submitted assessment from all three core disciplines / signed decisions; those signed with a waiver shown apart.";

    public override string Sql(AnalyticsScope scope)
    {
        var core = string.Join(", ", Quorum.Required.Select(d => $"'{d}'"));
        return $"""
            SELECT NULL::text AS grp, NULL::text AS key, NULL::text AS label,
                   count(*) FILTER (WHERE q.opinions = {Quorum.Required.Length}) AS numerator, count(*) AS denominator,
                   NULL::float8 AS p50, NULL::float8 AS p90
            FROM sd CROSS JOIN LATERAL (SELECT count(*) AS opinions FROM assessments a
                                        WHERE a.case_id = sd.case_id AND a.submitted_version_number IS NOT NULL AND a.discipline IN ({core})) q
            UNION ALL
            SELECT 'waiver', 'WithWaiver', 'Signed with a waiver', count(*) FILTER (WHERE sd.waivers <> '[]'), count(*), NULL, NULL FROM sd
            """;
    }
}
