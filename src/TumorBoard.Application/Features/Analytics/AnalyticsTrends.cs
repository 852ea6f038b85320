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
        var date = scope.ByDecisionDate ? "sd.signed_at" : "coalesce(sd.meeting_starts_at, sd.signed_at)";   // an emergency plan: its signing
        return $"""
            , dm AS (SELECT sd.id, sd.status, sd.content, sd.follow_up_date, to_char({date} AT TIME ZONE @tz, 'YYYY-MM') AS month FROM sd)
            SELECT dm.month, count(*),
                   count(*) FILTER (WHERE dm.content->>'nomsConcordance' = 'Concordant'),
                   count(*) FILTER (WHERE dm.content->>'nomsConcordance' IS NOT NULL),
                   coalesce(sum(si.done), 0)::bigint, coalesce(sum(si.due), 0)::bigint
            FROM dm LEFT JOIN (SELECT st.id, count(*) FILTER (WHERE st.status IN ('Implemented', 'PartiallyImplemented')) AS done, count(*) AS due
                               FROM sdsteps st GROUP BY st.id) si ON si.id = dm.id
            GROUP BY dm.month
            """;
    }

    /// <summary>The first signed decisions of <see cref="Metrics.TimeToDecision"/>, counted by band (0 = the first band).</summary>
    public static string BandsSql()
    {
        var bounds = string.Join(", ", Bands.Where(b => b.To is not null).Select(b => b.To!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return $"""
            , firsts AS (SELECT extract(epoch FROM f.signed_at - f.case_created_at) / 3600.0 AS hours FROM firstd f)
            SELECT width_bucket(hours::float8, ARRAY[{bounds}]::float8[]) AS band, count(*) FROM firsts GROUP BY 1
            """;
    }
}
