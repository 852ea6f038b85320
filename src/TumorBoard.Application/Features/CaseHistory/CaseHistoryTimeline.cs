using System.Globalization;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.PatientLetters;
using TumorBoard.Domain.Security;
using static TumorBoard.Application.Features.CaseHistory.HistoryEventKind;

namespace TumorBoard.Application.Features.CaseHistory;

/// <summary>
/// Turns a case's records into its decision history (DH-2: nothing obscured): registration, every agenda listing and
/// what became of it, every assessment version, waivers, every decision version with its positions, signature,
/// supersession and follow-ups, plus what only the audit trail knows (<see cref="CaseHistoryAudit"/>). Oldest first.
/// </summary>
public static class CaseHistoryTimeline
{
    public static IReadOnlyList<HistoryEvent> Build(CaseHistoryData data)
    {
        var c = data.Case;
        List<HistoryEvent> events =
        [
            new() { OccurredAt = c.Case.CreatedAt, Kind = CaseRegistered, ActorName = c.CreatedByName, SummaryText = new RuleText("History.CaseRegistered"),
                Text = c.Case.ClinicalQuestion },
        ];
        events.AddRange(Listings(data));
        events.AddRange(data.Assessments.SelectMany(AssessmentVersions));
        events.AddRange(data.Waivers.Select(w => Waiver(w, data.Listing(w.AgendaItemId), data)));
        events.AddRange(data.Decisions.SelectMany(d => DecisionEvents(d, data)));
        events.AddRange(data.Letters.SelectMany(LetterEvents));
        events.AddRange(CaseHistoryAudit.Events(data));
        return [.. events.OrderBy(e => e.OccurredAt).ThenBy(e => HistoryEvent.Rank(e.Kind))
            .ThenBy(e => e.DecisionNumber ?? 0).ThenBy(e => e.AssessmentVersion ?? 0)];
    }

    public static string Meeting(ListingRow l, CaseHistoryData data) =>
        $"{l.MeetingTitle} ({TimeZoneInfo.ConvertTime(l.MeetingStartsAt, data.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} {data.ZoneName})";

    static readonly (AgendaItemStatus Status, HistoryEventKind Kind)[] Outcomes =
        [(AgendaItemStatus.Discussed, Discussed), (AgendaItemStatus.Deferred, Deferred), (AgendaItemStatus.Removed, Removed)];

    static IEnumerable<HistoryEvent> Listings(CaseHistoryData data)
    {
        var moves = CaseHistoryAudit.ListingMoves(data.Audit);
        foreach (var l in data.Listings)
        {
            yield return new HistoryEvent
            {
                OccurredAt = l.AddedAt, Kind = Scheduled, ActorName = l.AddedByName,
                SummaryText = new RuleText(l.IsLateAddition ? "History.ListedLate" : "History.Listed", Meeting(l, data)), Text = l.LateAdditionReason,
                MeetingId = l.MeetingId, AgendaItemId = l.ItemId,
            };
            foreach (var (status, kind) in Outcomes)
            {
                // The audit trail says when and by whom; a listing now Decided may have been Discussed first.
                var row = moves.GetValueOrDefault((l.ItemId, status));
                if (row is null && l.Status != status) continue;
                yield return new HistoryEvent
                {
                    OccurredAt = row?.OccurredAt ?? (status == AgendaItemStatus.Removed ? l.AddedAt : l.MeetingStartsAt),
                    Kind = kind, ActorName = row?.ActorName,
                    SummaryText = new RuleText(kind switch
                    {
                        Removed => "History.Removed",
                        Deferred => "History.Deferred",
                        _ => "History.Discussed",
                    }, Meeting(l, data)),
                    Text = kind == Discussed ? null : l.Reason, MeetingId = l.MeetingId, AgendaItemId = l.ItemId,
                    Source = row is null ? HistorySource.Record : HistorySource.AuditTrail,
                };
            }
        }
    }

    static IEnumerable<HistoryEvent> AssessmentVersions(Assessment a) => a.Versions.OrderBy(v => v.Number).Select(v => new HistoryEvent
    {
        OccurredAt = v.CreatedAt, Kind = HistoryEventKind.AssessmentVersion, ActorName = v.AuthorName,
        Summary = $"{DisplayWords.Of(a.Discipline)} assessment version {v.Number}: " + v.Kind switch
        {
            AssessmentVersionKind.Submission => "submitted",
            AssessmentVersionKind.Revision => "revised after submission",
            _ => "draft saved",
        },
        Text = v.Reason, Discipline = a.Discipline, AssessmentId = a.Id, AssessmentVersion = v.Number,
    });

    static HistoryEvent Waiver(AssessmentWaiver w, ListingRow l, CaseHistoryData data) => new()
    {
        OccurredAt = w.WaivedAt, Kind = WaiverRecorded, ActorName = w.WaivedByName,
        Summary = $"{DisplayWords.Of(w.Discipline)} assessment waived by the chair for {Meeting(l, data)}", Text = w.Reason,
        Discipline = w.Discipline, MeetingId = w.MeetingId, AgendaItemId = w.AgendaItemId,
    };

    static IEnumerable<HistoryEvent> DecisionEvents(BoardDecision d, CaseHistoryData data)
    {
        HistoryEvent On(HistoryEventKind kind, DateTimeOffset at, string? actor, RuleText summary, string? text = null) => new()
        {
            OccurredAt = at, Kind = kind, ActorName = actor, SummaryText = summary, Text = text,
            MeetingId = d.MeetingId, AgendaItemId = d.AgendaItemId, DecisionId = d.Id, DecisionNumber = d.Number,
        };
        yield return d.IsAmendment
            ? On(DecisionAmended, d.CreatedAt, d.CreatedByName,
                new RuleText("History.Amended", data.Decision(d.AmendsId)?.Number, d.Number), d.AmendmentReason)
            : On(DecisionDrafted, d.CreatedAt, d.CreatedByName,
                d.IsEmergencyPlan
                    ? new RuleText("History.EmergencyDrafted", d.Number, RuleText.Word(d.Outcome))
                    : new RuleText("History.Drafted", d.Number, Meeting(data.Listing(d.AgendaItemId)!, data), RuleText.Word(d.Outcome)));
        var contentHash = DecisionHash.Content(d);
        foreach (var p in d.Positions.OrderBy(p => p.RecordedAt))
            yield return Position(d, p.MemberName, p.Discipline, p.Kind, p.Text, p.RecordedAt, replaced: false, earlierDraft: p.ContentHash != contentHash);
        foreach (var s in d.EmergencySignatures.OrderBy(s => s.SignedAt))
            yield return On(DecisionSigned, s.SignedAt, s.SignerName,
                new RuleText("History.EmergencySigned", d.Number, s.Discipline, s.SignerName));
        if (d.SignedAt is { } signedAt)
            yield return On(DecisionSigned, signedAt, d.SignerName,
                new RuleText(d.SignatureIsIntact ? "History.Signed" : "History.SignedBroken", d.Number, d.SignerName, d.SignatureMeaning, d.SignedHash));
        if (d.SupersededAt is { } supersededAt && data.Decision(d.SupersededById) is { } by)
            yield return On(DecisionSuperseded, supersededAt, by.SignerName, new RuleText("History.Superseded", d.Number, by.Number));
        var plan = d.Content.Plan;
        foreach (var f in d.FollowUps.OrderBy(f => f.RecordedAt))
            yield return On(FollowUpRecorded, f.RecordedAt, f.RecordedByName,
                FollowUpSummary(f.StepNumber, f.StepNumber <= plan.Count ? DecisionDiff.Describe(plan[f.StepNumber - 1]) : null, d.Number,
                    f.Reason is { } r ? new RuleText("History.WithReason", RuleText.Word(f.Status), r) : RuleText.Word(f.Status)),
                Words(f.ReasonText, f.Note));
    }

    /// <summary>Each stored version of a patient letter (drafted or "why" edited) and its sending: who, when, how.</summary>
    static IEnumerable<HistoryEvent> LetterEvents(PatientLetter l)
    {
        foreach (var v in l.Versions.OrderBy(v => v.Number))
            yield return new HistoryEvent
            {
                OccurredAt = v.CreatedAt, Kind = PatientLetterWritten, ActorName = v.CreatedByName, DecisionId = l.DecisionId, DecisionNumber = l.DecisionNumber,
                Summary = $"Patient letter for decision version {l.DecisionNumber}, version {v.Number}: "
                    + (v.Kind == LetterVersionKind.Generated ? "drafted from the decision" : "\"why\" edited") + $" ({DisplayWords.Of(v.Language)})",
            };
        if (l.SentRecordedAt is { } at)
            yield return new HistoryEvent
            {
                OccurredAt = at, Kind = PatientLetterSent, ActorName = l.SentByName, DecisionId = l.DecisionId, DecisionNumber = l.DecisionNumber,
                Summary = $"Patient letter for decision version {l.DecisionNumber} (version {l.SentVersionNumber}) recorded as sent on {l.SentOn:yyyy-MM-dd}: "
                    + DisplayWords.InSentence(l.SentMethod!.Value),
            };
    }

    static string? Words(params string?[] parts) =>
        parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList() is { Count: > 0 } written ? string.Join(" · ", written) : null;

    static RuleText FollowUpSummary(int step, string? described, int number, object status) => described is null
        ? new RuleText("History.FollowUp", step, number, status)
        : new RuleText("History.FollowUpStep", step, described, number, status);

    /// <summary>A member's position on a decision version (also one replaced later, from the audit trail).</summary>
    public static HistoryEvent Position(BoardDecision d, string? member, Discipline? discipline, PositionKind kind, string? text,
        DateTimeOffset at, bool replaced, bool earlierDraft = false) => new()
    {
        OccurredAt = at, Kind = PositionTaken, ActorName = member, Discipline = discipline, Text = text, Position = kind,
        SummaryText = new RuleText(kind switch
            {
                PositionKind.Agree => "History.Position.Agree",
                PositionKind.Disagree => "History.Position.Disagree",
                _ => "History.Position.Abstain",
            }, discipline is { } x ? new RuleText("History.MemberDiscipline", member, RuleText.Word(x)) : (object?)member, d.Number,
            RuleText.List("", new object[] { earlierDraft ? new RuleText("History.Position.EarlierDraft") : "", replaced ? new RuleText("History.Position.Replaced") : "" })),
        MeetingId = d.MeetingId, AgendaItemId = d.AgendaItemId, DecisionId = d.Id, DecisionNumber = d.Number,
    };
}
