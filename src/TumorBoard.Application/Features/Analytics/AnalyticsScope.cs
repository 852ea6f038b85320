using Npgsql;
using NpgsqlTypes;
using TumorBoard.Application.Common.Models;
using TumorBoard.Domain.Analytics;

namespace TumorBoard.Application.Features.Analytics;

/// <summary>
/// The filtered sets every quality measure counts from, as SQL common table expressions, with their parameters:
/// <c>fc</c> the cases the case filters keep; <c>held</c> the meetings held (in progress or closed) in the period by meeting
/// date; <c>listed</c> the agenda items of those meetings that were handled (discussed, decided or deferred);
/// <c>sdany</c> every signed version (current or superseded) in the period by meeting or decision date, with the outcome
/// filter, read once per statement (an emergency plan, made outside a meeting, by the day it was signed whatever the basis); <c>sd</c> those in scope (current only, or every signed version); <c>sdall</c> every
/// signed version whatever the version filter (for the measures about versions and first decisions: timeliness, amendments);
/// <c>firstd</c> the cases' first signed decisions among them (timeliness); <c>sdsteps</c> the plan steps due of the current
/// versions in <c>sd</c> with their latest follow-up, "Unknown" when none (implementation and its monthly series). A set no
/// measure of a statement names is not computed in it. A filter that is not set adds no condition, so each query keeps its indexes.
/// </summary>
public sealed class AnalyticsScope
{
    public AnalyticsFilter Filter { get; }
    public DateOnly From { get; }
    public DateOnly To { get; }
    public DateTimeOffset FromUtc { get; }
    /// <summary>Exclusive: the start of the day after <see cref="To"/>, board time.</summary>
    public DateTimeOffset ToUtc { get; }
    public string TimeZone { get; }
    public DateOnly Today { get; }
    /// <summary>The instant the measures are counted at: a fast-track clock still running after its due time is breached.</summary>
    public DateTimeOffset NowUtc { get; }

    public AnalyticsScope(AnalyticsFilter filter, BoardClock clock)
    {
        Filter = filter;
        Today = clock.Today;
        NowUtc = clock.UtcNow;
        (From, To) = filter.Period(Today);
        FromUtc = StartOfDay(From, clock.Zone);
        ToUtc = StartOfDay(To.AddDays(1), clock.Zone);
        TimeZone = clock.ZoneName;
    }

    static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone) =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue), DateTimeKind.Unspecified), zone));

    public bool ByDecisionDate => Filter.PeriodBy == PeriodBasis.DecisionDate;
    public bool AllVersions => Filter.Versions == VersionScope.All;

    /// <summary>The common table expressions, to be followed by the measure's own SELECT.</summary>
    public string With()
    {
        List<string> caseWhere = ["TRUE"];
        if (Filter.Histology is not null) caseWhere.Add("c.histology = @histology");
        if (Filter.Urgency is not null) caseWhere.Add("c.urgency = @urgency");
        // the triage in force, a primary-key lookup per case; a case without a track yet is Routine (as in the case list)
        if (Filter.Triage is not null) caseWhere.Add("coalesce((SELECT t.triage FROM mscc_tracks t WHERE t.case_id = c.id), 0) = @triage");
        if (!string.IsNullOrWhiteSpace(Filter.Referrer)) caseWhere.Add("c.referring_clinician ILIKE @referrer ESCAPE '\\'");
        if (Filter.Discipline is not null)
            caseWhere.Add("EXISTS (SELECT 1 FROM assessments a WHERE a.case_id = c.id AND a.discipline = @discipline AND a.submitted_version_number IS NOT NULL)");
        var status = AllVersions ? "d.status IN ('Signed', 'Superseded')" : "d.status = 'Signed'";
        var outcome = Filter.Outcome is null ? "" : " AND d.outcome = @outcome";
        // By meeting date (the default) the decisions are looked up meeting by meeting (ix_decisions_meeting_id_agenda_item_id),
        // a lateral so that the planner cannot trade it for a scan of every decision ever signed, and an emergency plan
        // (made outside a meeting) by the day it was signed (ix_decisions_outside_meetings_signed_at); by decision date
        // they are a range of ix_decisions_signed_at. meeting_starts_at is NULL for an emergency plan.
        var decisions = ByDecisionDate
            ? """
              SELECT d.*, m.starts_at AS meeting_starts_at FROM decisions d LEFT JOIN meetings m ON m.id = d.meeting_id
               WHERE d.signed_at >= @from_utc AND d.signed_at < @to_utc
              """
            : """
              SELECT d.*, m.starts_at AS meeting_starts_at
                FROM meetings m CROSS JOIN LATERAL (SELECT * FROM decisions x WHERE x.meeting_id = m.id OFFSET 0) d
               WHERE m.starts_at >= @from_utc AND m.starts_at < @to_utc
              UNION ALL
              SELECT d.*, NULL::timestamptz FROM decisions d
               WHERE d.meeting_id IS NULL AND d.signed_at >= @from_utc AND d.signed_at < @to_utc
              """;
        // fc is not materialised: without case filters it is the cases table itself. The period's agenda items and decisions
        // look their case up by primary key (laterals again): a hash of every case would cost what the database holds.
        return $"""
            WITH fc AS NOT MATERIALIZED (SELECT c.id, c.created_at FROM cases c WHERE {string.Join(" AND ", caseWhere)}),
            held AS (SELECT m.id, m.starts_at FROM meetings m
                     WHERE m.status IN ('InProgress', 'Closed') AND m.starts_at >= @from_utc AND m.starts_at < @to_utc),
            listed AS (SELECT i.id, i.case_id, i.meeting_id, i.status, i.reason, h.starts_at
                       FROM held h CROSS JOIN LATERAL (SELECT * FROM agenda_items x WHERE x.meeting_id = h.id OFFSET 0) i
                       CROSS JOIN LATERAL (SELECT 1 FROM fc WHERE fc.id = i.case_id OFFSET 0) fc
                       WHERE i.status IN ('Discussed', 'Decided', 'Deferred')),
            sdany AS MATERIALIZED (SELECT d.id, d.case_id, d.meeting_id, d.status, d.outcome, d.content, d.amends_id, d.signed_at,
                          d.signed_by_id, d.waivers, d.follow_up_date, fc.created_at AS case_created_at, d.meeting_starts_at
                   FROM ({decisions}) d CROSS JOIN LATERAL (SELECT fc.created_at FROM fc WHERE fc.id = d.case_id OFFSET 0) fc
                   WHERE d.status IN ('Signed', 'Superseded'){outcome}),
            sd AS NOT MATERIALIZED (SELECT * FROM sdany d WHERE {status}),
            sdall AS NOT MATERIALIZED (SELECT d.id, d.case_id, d.status, d.outcome, d.amends_id, d.signed_at, d.case_created_at FROM sdany d),
            firstd AS (SELECT s.case_id, s.signed_at, s.case_created_at FROM sdall s
                       WHERE s.amends_id IS NULL
                         AND NOT EXISTS (SELECT 1 FROM decisions e WHERE e.case_id = s.case_id AND e.status <> 'Draft' AND e.signed_at < s.signed_at)),
            sdsteps AS (SELECT sd.id, s.n, coalesce(f.status, 'Unknown') AS status, f.reason
                        FROM sd CROSS JOIN LATERAL jsonb_array_elements(coalesce(sd.content->'plan', '[]'::jsonb)) WITH ORDINALITY AS s(step, n)
                        LEFT JOIN LATERAL (SELECT u.status, u.reason FROM decision_follow_ups u
                                           WHERE u.decision_id = sd.id AND u.step_number = s.n
                                           ORDER BY u.recorded_at DESC, u.id DESC LIMIT 1) f ON TRUE
                        WHERE sd.status = 'Signed' AND ((sd.follow_up_date IS NOT NULL AND sd.follow_up_date <= @today) OR f.status IS NOT NULL))
            """;
    }

    public NpgsqlParameter[] Parameters()
    {
        List<NpgsqlParameter> p =
        [
            new("from_utc", NpgsqlDbType.TimestampTz) { Value = FromUtc.UtcDateTime },
            new("to_utc", NpgsqlDbType.TimestampTz) { Value = ToUtc.UtcDateTime },
            new("tz", NpgsqlDbType.Text) { Value = TimeZone },
            new("today", NpgsqlDbType.Date) { Value = Today },
            new("now_utc", NpgsqlDbType.TimestampTz) { Value = NowUtc.UtcDateTime },
        ];
        if (Filter.Histology is { } h) p.Add(new("histology", NpgsqlDbType.Text) { Value = h.ToString() });
        if (Filter.Urgency is { } u) p.Add(new("urgency", NpgsqlDbType.Integer) { Value = (int)u });
        if (Filter.Triage is { } t) p.Add(new("triage", NpgsqlDbType.Integer) { Value = (int)t });
        if (!string.IsNullOrWhiteSpace(Filter.Referrer)) p.Add(new("referrer", NpgsqlDbType.Text) { Value = Like.Contains(Filter.Referrer) });
        if (Filter.Discipline is { } d) p.Add(new("discipline", NpgsqlDbType.Text) { Value = d.ToString() });
        if (Filter.Outcome is { } o) p.Add(new("outcome", NpgsqlDbType.Text) { Value = o.ToString() });
        return [.. p];
    }
}
