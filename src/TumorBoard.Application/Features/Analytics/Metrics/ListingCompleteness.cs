using TumorBoard.Domain.Cases;

namespace TumorBoard.Application.Features.Analytics.Metrics;

/// <summary>
/// Completeness at listing (pathways.md §2, measure 5): the fields of the readiness rule (<see cref="CaseReadiness"/>, the
/// same thirteen items in the same words) for the cases handled at meetings held in the period. The case's recorded values
/// are read as they stand now, not as they stood when it was listed: the case table keeps no earlier values.
/// </summary>
public sealed class ListingCompleteness : QualityMetric
{
    public override string Key => "listing-completeness";
    public override int Measure => 5;
    public override string Title => "Completeness at listing";
    public override string Definition => "Readiness fields present / readiness fields required, over the cases handled at meetings held in the period; also per field.";
    /// <summary>The readiness items: key, words, and the SQL condition of "present" on the case row <c>c</c>.</summary>
    static readonly (string Field, string Label, string Present)[] Fields =
    [
        ("histology", "the primary histology (describe 'Other')", "c.histology <> 'Other' OR coalesce(btrim(c.histology_other_text), '') <> ''"),
        ("diagnosisDate", "the date of diagnosis", "c.diagnosis_date IS NOT NULL"),
        ("lesions", "at least one spinal lesion", "jsonb_array_length(c.lesions) > 0"),
        ("compartments", "the compartments involved for every lesion",
            "NOT EXISTS (SELECT 1 FROM jsonb_array_elements(c.lesions) l WHERE coalesce(jsonb_array_length(l->'Compartments'), 0) = 0)"),
        ("pain", "the pain character", "c.pain IS NOT NULL"),
        ("frankel", "the Frankel grade", "c.frankel IS NOT NULL"),
        ("myelopathy", "whether there is myelopathy", "c.myelopathy IS NOT NULL"),
        ("performanceStatus", "ECOG or Karnofsky performance status", "c.ecog IS NOT NULL OR c.karnofsky IS NOT NULL"),
        ("extraspinalBoneMetastases", "the number of extraspinal bone metastases", "c.extraspinal_bone_metastases IS NOT NULL"),
        ("visceralMetastases", "the visceral metastases", "c.visceral_metastases IS NOT NULL"),
        ("brainMetastases", "whether there are brain metastases", "c.brain_metastases IS NOT NULL"),
        ("clinicalQuestion", "the clinical question", "btrim(c.clinical_question) <> ''"),
        ("referringClinician", "the referring clinician", "coalesce(btrim(c.referring_clinician), '') <> ''"),
    ];

    static string Literal(string text) => "'" + text.Replace("'", "''") + "'";

    /// <summary>
    /// One pass over the listed cases counts every item at once (a FILTER per item), then the one row becomes a line per
    /// item: no row per case and item is ever built.
    /// </summary>
    public override string Sql(AnalyticsScope scope) => $"""
        , lc AS (SELECT DISTINCT l.case_id FROM listed l),
        counted AS (SELECT count(*) AS cases, {string.Join(", ", Fields.Select((f, i) => $"count(*) FILTER (WHERE {f.Present}) AS f{i}"))}
                    FROM lc JOIN cases c ON c.id = lc.case_id),
        fields AS (SELECT u.field, u.label, u.present, k.cases FROM counted k
                   CROSS JOIN LATERAL unnest(ARRAY[{string.Join(", ", Fields.Select(f => Literal(f.Field)))}]::text[],
                                             ARRAY[{string.Join(", ", Fields.Select(f => Literal(f.Label)))}]::text[],
                                             ARRAY[{string.Join(", ", Fields.Select((_, i) => $"k.f{i}"))}]::bigint[]) AS u(field, label, present)
                   WHERE k.cases > 0)
        SELECT NULL::text AS grp, NULL::text AS key, NULL::text AS label, coalesce(sum(present), 0)::bigint AS numerator,
               coalesce(sum(cases), 0)::bigint AS denominator, NULL::float8 AS p50, NULL::float8 AS p90 FROM fields
        UNION ALL
        SELECT 'field', field, label, present, cases, NULL, NULL FROM fields
        """;
}
