using TumorBoard.Domain.Analytics;

namespace TumorBoard.Application.Features.Analytics;

/// <summary>The columns and SELECT (over <see cref="AnalyticsScope"/>'s sets) of each CSV export.</summary>
public static class ExportSql
{
    public static (string[] Header, string Select) For(ExportKind kind, bool identified) => kind switch
    {
        ExportKind.decisions => (
            [identified ? "case_id" : "case_pseudonym", .. identified ? new[] { "mrn" } : [], "decision_number", "status", "outcome",
             "meeting_starts_at", "signed_at", "amendment", "noms_concordance", "discordance_reason", "plan_steps", "histology", "urgency"],
            $"""
            SELECT sd.case_id, {(identified ? "p.mrn, " : "")}d.number, sd.status, sd.outcome, sd.meeting_starts_at, sd.signed_at,
                   sd.amends_id IS NOT NULL, sd.content->>'nomsConcordance', sd.content->>'discordanceReason',
                   jsonb_array_length(coalesce(sd.content->'plan', '[]'::jsonb)), c.histology,
                   CASE c.urgency WHEN 1 THEN 'Urgent' ELSE 'Routine' END
            FROM sd JOIN decisions d ON d.id = sd.id JOIN cases c ON c.id = sd.case_id JOIN patients p ON p.id = c.patient_id
            ORDER BY sd.signed_at, sd.id
            """),
        ExportKind.steps => (
            [identified ? "case_id" : "case_pseudonym", .. identified ? new[] { "mrn" } : [], "decision_number", "step_number", "kind",
             "timing", "follow_up_date", "status", "reason", "performed_on"],
            $"""
            SELECT sd.case_id, {(identified ? "p.mrn, " : "")}d.number, s.n, s.step->>'kind', s.step->>'timing', sd.follow_up_date,
                   coalesce(f.status, 'Unknown'), f.reason, f.performed_on
            FROM sd JOIN decisions d ON d.id = sd.id JOIN cases c ON c.id = sd.case_id JOIN patients p ON p.id = c.patient_id
            CROSS JOIN LATERAL jsonb_array_elements(coalesce(sd.content->'plan', '[]'::jsonb)) WITH ORDINALITY AS s(step, n)
            LEFT JOIN LATERAL (SELECT u.status, u.reason, u.performed_on FROM decision_follow_ups u
                               WHERE u.decision_id = sd.id AND u.step_number = s.n
                               ORDER BY u.recorded_at DESC, u.id DESC LIMIT 1) f ON TRUE
            WHERE sd.status = 'Signed'
            ORDER BY sd.signed_at, sd.id, s.n
            """),
        _ => (
            ["meeting_id", "meeting_starts_at", "member", "discipline"],
            """
            SELECT h.id, h.starts_at, u.display_name, a.discipline
            FROM held h JOIN meeting_attendees a ON a.meeting_id = h.id JOIN users u ON u.id = a.user_id
            ORDER BY h.starts_at, h.id, u.display_name
            """),
    };
}
