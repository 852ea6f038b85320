using System.Text.Json;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Meetings;

namespace TumorBoard.Application.Features.CaseHistory;

/// <summary>
/// What only the audit trail knows about a case's history: when and by whom an agenda listing was removed, deferred or
/// discussed (the listing keeps its status and reason, not the time), case edits and status changes no other record
/// shows, changes to a draft decision, and positions a member later replaced with a new one.
/// </summary>
public static class CaseHistoryAudit
{
    /// <summary>Property values of an audit row: name -> (old, new), as display text.</summary>
    public sealed record Change(string? Old, string? New);

    static readonly HashSet<string> Bookkeeping = ["Id", "PatientId", "Status", "WithdrawalReason", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy",
        nameof(Domain.Mscc.MsccTrack)];   // the derived triage and clocks folded into the case's row (AuditTrail), not an edit

    public static Dictionary<string, Change> Changes(AuditRow row)
    {
        using var doc = JsonDocument.Parse(row.Changes);
        return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name,
            p => new Change(Text(p.Value, "old"), Text(p.Value, "new")), StringComparer.Ordinal);
    }

    static string? Text(JsonElement value, string side) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty(side, out var v)
            ? v.ValueKind switch { JsonValueKind.Null => null, JsonValueKind.String => v.GetString(), _ => v.GetRawText() }
            : null;

    /// <summary>The first audit row that moved each agenda listing to a status: (item id, status) -> row.</summary>
    public static Dictionary<(Guid ItemId, AgendaItemStatus Status), AuditRow> ListingMoves(IEnumerable<AuditRow> audit)
    {
        var moves = new Dictionary<(Guid, AgendaItemStatus), AuditRow>();
        foreach (var row in audit.Where(r => r.EntityType == nameof(AgendaItem) && r.Operation == "Modified"))
            if (Changes(row).TryGetValue("Status", out var s) && Enum.TryParse<AgendaItemStatus>(s.New, out var status))
                moves.TryAdd((Guid.Parse(row.EntityId), status), row);
        return moves;
    }

    public static IEnumerable<HistoryEvent> Events(CaseHistoryData data) =>
        CaseEvents(data.Audit).Concat(DraftChanges(data)).Concat(ReplacedPositions(data));

    /// <summary>Status changes not shown by agenda or decision records (ready, back to draft, withdrawn, closed) and edits.</summary>
    static IEnumerable<HistoryEvent> CaseEvents(IEnumerable<AuditRow> audit)
    {
        foreach (var row in audit.Where(r => r.EntityType == nameof(TumorBoardCase) && r.Operation == "Modified"))
        {
            var changes = Changes(row);
            if (changes.TryGetValue(nameof(TumorBoardCase.Status), out var s) && StatusSummary(s) is { } summary)
                yield return new HistoryEvent
                {
                    OccurredAt = row.OccurredAt, Kind = HistoryEventKind.CaseStatusChanged, ActorName = row.ActorName, SummaryText = summary,
                    Text = s.New == nameof(CaseStatus.Withdrawn) ? changes.GetValueOrDefault(nameof(TumorBoardCase.WithdrawalReason))?.New : null,
                    Source = HistorySource.AuditTrail,
                };
            var edited = changes.Where(c => !Bookkeeping.Contains(c.Key))
                .Select(c => new LabelledChange(c.Key, DisplayWords.Of(c.Key), c.Value.Old, c.Value.New)).ToList();
            if (edited.Count > 0)
                yield return new HistoryEvent
                {
                    OccurredAt = row.OccurredAt, Kind = HistoryEventKind.CaseEdited, ActorName = row.ActorName,
                    Summary = "Case details changed: " + string.Join(", ", edited.Select(c => c.Label.ToLowerInvariant())),
                    Changes = edited, Source = HistorySource.AuditTrail,
                };
        }
    }

    static RuleText? StatusSummary(Change status) => (status.Old, status.New) switch
    {
        (nameof(CaseStatus.Draft), nameof(CaseStatus.ReadyForBoard)) => new RuleText("History.CaseReady"),
        (_, nameof(CaseStatus.Draft)) => new RuleText("History.CaseBackToDraft"),
        (_, nameof(CaseStatus.Withdrawn)) => new RuleText("History.CaseWithdrawn"),
        (_, nameof(CaseStatus.Closed)) => new RuleText("History.CaseClosed"),
        _ => null,   // scheduling, discussion and decision moves are told by the agenda and decision records
    };

    /// <summary>Each save of a draft decision that changed its content, with what changed.</summary>
    static IEnumerable<HistoryEvent> DraftChanges(CaseHistoryData data)
    {
        foreach (var row in data.Audit.Where(r => r.EntityType == nameof(BoardDecision) && r.Operation == "Modified"))
        {
            var changes = Changes(row);
            if (!changes.TryGetValue(nameof(BoardDecision.ContentJson), out var content) || content.Old is null || content.New is null) continue;
            var decision = data.Decision(Guid.Parse(row.EntityId))!;
            var name = changes.GetValueOrDefault(nameof(BoardDecision.ResponsibleClinicianName));
            var diff = DecisionDiff.Between(
                new DecisionFacts(DecisionJson.Deserialize<DecisionContent>(content.Old), name?.Old, null),
                new DecisionFacts(DecisionJson.Deserialize<DecisionContent>(content.New), name?.New, null));
            yield return new HistoryEvent
            {
                OccurredAt = row.OccurredAt, Kind = HistoryEventKind.DecisionRevised, ActorName = row.ActorName,
                Summary = $"Draft of decision version {decision.Number} changed"
                    + (diff.Count == 0 ? "" : ": " + string.Join(", ", diff.Select(c => c.Label.ToLowerInvariant()))),
                MeetingId = decision.MeetingId, DecisionId = decision.Id, DecisionNumber = decision.Number, Changes = diff,
                Source = HistorySource.AuditTrail,
            };
        }
    }

    /// <summary>Positions a member took and later replaced with another (the record keeps only the latest one).</summary>
    static IEnumerable<HistoryEvent> ReplacedPositions(CaseHistoryData data)
    {
        foreach (var rows in data.Audit.Where(r => r.EntityType == nameof(DecisionPosition)).GroupBy(r => r.EntityId))
        {
            var state = new Dictionary<string, string?>(StringComparer.Ordinal);
            var states = new List<(AuditRow Row, Dictionary<string, string?> State)>();
            foreach (var row in rows.OrderBy(r => r.Id))
            {
                foreach (var (name, change) in Changes(row)) state[name] = change.New;
                states.Add((row, new Dictionary<string, string?>(state)));
            }
            foreach (var (row, s) in states.SkipLast(1))
            {
                var decision = data.Decision(Guid.TryParse(s.GetValueOrDefault("DecisionId"), out var id) ? id : null);
                if (decision is null || !Enum.TryParse<PositionKind>(s.GetValueOrDefault("Kind"), out var kind)) continue;
                yield return CaseHistoryTimeline.Position(decision, s.GetValueOrDefault("MemberName"),
                    Enum.TryParse<Domain.Security.Discipline>(s.GetValueOrDefault("Discipline"), out var d) ? d : null,
                    kind, s.GetValueOrDefault("Text"), row.OccurredAt, replaced: true) with { Source = HistorySource.AuditTrail };
            }
        }
    }
}
