using TumorBoard.Domain.Common;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Analytics.Metrics;

/// <summary>
/// Attendance (pathways.md §2, measure 3): meetings held (in progress or closed) in the period by meeting date, whatever the
/// period basis. The core disciplines are the quorum's (<see cref="Quorum.Required"/>); per member: every account with a
/// discipline. The discipline filter keeps that discipline's lines only.
/// </summary>
public sealed class Attendance : QualityMetric
{
    public override string Key => "attendance";
    public override int Measure => 3;
    public override string Title => "Attendance";
    public override string Definition => "Meetings held with at least one member of each core discipline present / meetings held; also per core discipline and per member.";

    public override string Sql(AnalyticsScope scope)
    {
        var core = string.Join(", ", Quorum.Required.Select(d => $"'{d}'"));
        var only = scope.Filter.Discipline is null ? "" : " WHERE q.d = @discipline";
        var members = scope.Filter.Discipline is null ? "u.discipline IS NOT NULL" : "u.discipline = @discipline";
        return $"""
            SELECT NULL::text AS grp, NULL::text AS key, NULL::text AS label,
                   (SELECT count(*) FROM held h WHERE (SELECT count(DISTINCT a.discipline) FROM meeting_attendees a
                                                       WHERE a.meeting_id = h.id AND a.discipline IN ({core})) = {Quorum.Required.Length}) AS numerator,
                   (SELECT count(*) FROM held) AS denominator, NULL::float8 AS p50, NULL::float8 AS p90
            UNION ALL
            SELECT 'discipline', q.d, NULL,
                   (SELECT count(DISTINCT a.meeting_id) FROM meeting_attendees a JOIN held h ON h.id = a.meeting_id WHERE a.discipline = q.d),
                   (SELECT count(*) FROM held), NULL, NULL
            FROM unnest(ARRAY[{core}]) AS q(d){only}
            UNION ALL
            SELECT 'member', u.id::text, u.display_name,
                   (SELECT count(*) FROM meeting_attendees a JOIN held h ON h.id = a.meeting_id WHERE a.user_id = u.id),
                   (SELECT count(*) FROM held), NULL, NULL
            FROM users u WHERE {members}
              AND (u.is_active OR EXISTS (SELECT 1 FROM meeting_attendees a JOIN held h ON h.id = a.meeting_id WHERE a.user_id = u.id))
            """;
    }

    public override string Label(MetricPart part) =>
        part.Group == "discipline" && Enum.TryParse<Discipline>(part.Key, out var d) ? DisplayWords.Of(d) : part.Label;
}
