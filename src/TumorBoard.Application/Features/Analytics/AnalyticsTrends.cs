namespace TumorBoard.Application.Features.Analytics;

/// <summary>One month of the period (board time; by meeting or decision date as the filter says).</summary>
public sealed record MonthTrend(string Month, long Decisions, long Concordant, long WithSuggestion, long StepsImplemented, long StepsDue);

/// <summary>A band of the time from registration to the first signed decision.</summary>
public sealed record DurationBand(string Label, double FromHours, double? ToHours, long Count);

/// <summary>The series behind the charts (decisions per month, concordance and implementation over time, time to decision), by aggregates in the database.</summary>
public static class AnalyticsTrends
{
    /// <summary>The bands of the time-to-decision chart, in hours (the last open-ended).</summary>
    public static readonly (string Label, double From, double? To)[] Bands =
        [("Under 1 day", 0, 24), ("1–3 days", 24, 72), ("3–7 days", 72, 168), ("1–2 weeks", 168, 336), ("2–4 weeks", 336, 672), ("4 weeks or more", 672, null)];

    /// <summary>Decisions, concordance and implementation per month (board time), after the scope's WITH (see <see cref="QualityMetricsSql"/>).</summary>
    public static string MonthsSql(AnalyticsScope scope)
    {
        var date = scope.ByDecisionDate ? "sd.signed_at" : "sd.meeting_starts_at";
        return $"""
            , dm AS (SELECT sd.id, sd.status, sd.content, sd.follow_up_date, to_char({date} AT TIME ZONE @tz, 'YYYY-MM') AS month FROM sd)
            SELECT dm.month, count(*),
                   count(*) FILTER (WHERE dm.content->>'nomsConcordance' = 'Concordant'),
                   count(*) FILTER (WHERE dm.content->>'nomsConcordance' IS NOT NULL),
                   coalesce(sum(si.done), 0)::bigint, coalesce(sum(si.due), 0)::bigint
            FROM dm LEFT JOIN LATERAL (
                SELECT count(*) FILTER (WHERE f.status IN ('Implemented', 'PartiallyImplemented')) AS done, count(*) AS due
                FROM jsonb_array_elements(coalesce(dm.content->'plan', '[]'::jsonb)) WITH ORDINALITY AS s(step, n)
                LEFT JOIN LATERAL (SELECT u.status FROM decision_follow_ups u WHERE u.decision_id = dm.id AND u.step_number = s.n
                                   ORDER BY u.recorded_at DESC, u.id DESC LIMIT 1) f ON TRUE
                WHERE dm.status = 'Signed' AND ((dm.follow_up_date IS NOT NULL AND dm.follow_up_date <= @today) OR f.status IS NOT NULL)) si ON TRUE
            GROUP BY dm.month
            """;
    }

    /// <summary>The first signed decisions of <see cref="Metrics.TimeToDecision"/>, counted by band (0 = the first band).</summary>
    public static string BandsSql()
    {
        var bounds = string.Join(", ", Bands.Where(b => b.To is not null).Select(b => b.To!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return $"""
            , firsts AS (SELECT extract(epoch FROM s.signed_at - s.case_created_at) / 3600.0 AS hours FROM sdall s
                         WHERE s.amends_id IS NULL
                           AND NOT EXISTS (SELECT 1 FROM decisions e WHERE e.case_id = s.case_id AND e.status <> 'Draft' AND e.signed_at < s.signed_at))
            SELECT width_bucket(hours::float8, ARRAY[{bounds}]::float8[]) AS band, count(*) FROM firsts GROUP BY 1
            """;
    }
}
