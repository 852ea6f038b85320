using System.Text.Json;
using Mediator;
using TumorBoard.Application.Common.Audit;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Security;
using TumorBoard.Application.Features.FollowUps;

namespace TumorBoard.Application.Features.Decisions;

/// <summary>
/// One decision version as the board, its print and the history show it: content, positions with dissent, the signature
/// manifestation (printed name, UTC time, meaning, hash and whether the content still matches it), the amendment chain
/// and the follow-up per plan step.
/// </summary>
public static class GetDecision
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Query(Guid DecisionId) : IQuery<DecisionView>;

    public sealed class Handler(TumorBoardDbContext db, BoardClock clock) : IQueryHandler<Query, DecisionView>
    {
        public async ValueTask<DecisionView> Handle(Query query, CancellationToken ct) =>
            await LoadAsync(db, query.DecisionId, clock, ct);
    }

    /// <summary>The decision as stored; inside a write's open transaction it sees that write (the decision commands answer with it).</summary>
    public static async Task<DecisionView> LoadAsync(TumorBoardDbContext db, Guid decisionId, BoardClock clock, CancellationToken ct)
    {
        var d = await db.Decisions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == decisionId, ct)
            ?? throw NotFoundException.For("Decision", decisionId);
        var meeting = d.MeetingId is null ? null : await db.Meetings.AsNoTracking().Where(m => m.Id == d.MeetingId)
            .Select(m => new { m.Title, m.StartsAt, m.ChairId }).FirstAsync(ct);
        var supersededByNumber = d.SupersededById is null ? null
            : await db.Decisions.Where(x => x.Id == d.SupersededById).Select(x => (int?)x.Number).FirstOrDefaultAsync(ct);
        var amendsNumber = d.AmendsId is null ? null
            : await db.Decisions.Where(x => x.Id == d.AmendsId).Select(x => (int?)x.Number).FirstOrDefaultAsync(ct);
        return DecisionView.From(d, meeting?.Title, meeting?.StartsAt, meeting?.ChairId, amendsNumber, supersededByNumber,
            clock.Today);
    }
}

public sealed record DecisionView : ICaseReadResult
{
    Guid ICaseReadResult.ReadCaseId => CaseId;
    public Guid Id { get; init; }
    public Guid CaseId { get; init; }
    /// <summary>Board: made in a meeting. EmergencyPlan: agreed outside a meeting for a P1 case, signed by two disciplines.</summary>
    public DecisionKind Kind { get; init; }
    /// <summary>The meeting the decision was made in; null for an emergency plan.</summary>
    public Guid? MeetingId { get; init; }
    /// <summary>The meeting's title, or "Emergency plan outside a meeting".</summary>
    public string MeetingTitle { get; init; } = "";
    public DateTimeOffset? MeetingStartsAt { get; init; }
    public Guid? MeetingChairId { get; init; }
    public Guid? AgendaItemId { get; init; }
    public int Number { get; init; }
    public DecisionStatus Status { get; init; }
    public Guid? AmendsId { get; init; }
    public int? AmendsNumber { get; init; }
    public string? AmendmentReason { get; init; }
    public Guid? SupersededById { get; init; }
    public int? SupersededByNumber { get; init; }
    public DateTimeOffset? SupersededAt { get; init; }
    public DecisionContent Content { get; init; } = new();
    public string? ResponsibleClinicianName { get; init; }
    public JsonElement NomsSuggestion { get; init; }
    public IReadOnlyList<WaiverSnapshot> Waivers { get; init; } = [];
    public IReadOnlyList<PositionView> Positions { get; init; } = [];
    public bool HasDissent { get; init; }
    /// <summary>SHA-256 of the content now (what positions are taken on).</summary>
    public string ContentHash { get; init; } = "";
    public SignatureView? Signature { get; init; }
    /// <summary>An emergency plan's signatures, one per discipline (empty for a board decision).</summary>
    public IReadOnlyList<EmergencySignatureView> EmergencySignatures { get; init; } = [];
    public IReadOnlyList<StepFollowUpView> FollowUp { get; init; } = [];
    public bool FollowUpOverdue { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string CreatedByName { get; init; } = "";
    public DateTimeOffset UpdatedAt { get; init; }
    public uint Version { get; init; }

    public const string OutsideMeetingTitle = "Emergency plan outside a meeting";

    public static DecisionView From(BoardDecision d, string? meetingTitle, DateTimeOffset? meetingStartsAt, Guid? chairId,
        int? amendsNumber, int? supersededByNumber, DateOnly today)
    {
        var contentHash = DecisionHash.Content(d);
        var content = d.Content;
        var current = d.CurrentFollowUps();
        return new DecisionView
        {
            Id = d.Id, CaseId = d.CaseId, Kind = d.Kind, MeetingId = d.MeetingId, MeetingTitle = meetingTitle ?? OutsideMeetingTitle, MeetingStartsAt = meetingStartsAt,
            MeetingChairId = chairId, AgendaItemId = d.AgendaItemId, Number = d.Number, Status = d.Status,
            AmendsId = d.AmendsId, AmendsNumber = amendsNumber, AmendmentReason = d.AmendmentReason,
            SupersededById = d.SupersededById, SupersededByNumber = supersededByNumber, SupersededAt = d.SupersededAt,
            Content = content, ResponsibleClinicianName = d.ResponsibleClinicianName,
            NomsSuggestion = AssessmentReads.Json(d.NomsSuggestionJson), Waivers = d.Waivers,
            Positions = [.. d.Positions.OrderBy(p => p.RecordedAt).Select(p => new PositionView(p.MemberId, p.MemberName, p.Discipline,
                p.Kind, p.Text, p.RecordedAt, p.ContentHash != contentHash))],
            HasDissent = d.Positions.Any(p => p.Kind == PositionKind.Disagree),
            ContentHash = contentHash,
            Signature = d.SignedAt is null ? null
                : new SignatureView(d.SignedById!.Value, d.SignerName!, d.SignedAt.Value, d.SignatureMeaning!, d.SignedHash!, d.SignatureIsIntact),
            EmergencySignatures = [.. d.EmergencySignatures.OrderBy(s => s.SignedAt).Select(s =>
                new EmergencySignatureView(s.SignedById, s.SignerName, s.Discipline, s.SignedAt, s.ContentHash != contentHash && d.Status == DecisionStatus.Draft))],
            FollowUp = [.. content.Plan.Select((step, i) => StepFollowUpView.Of(i + 1, step, current[i],
                [.. d.FollowUps.Where(f => f.StepNumber == i + 1).OrderBy(f => f.RecordedAt).Select(FollowUpView.From)]))],
            FollowUpOverdue = d.IsFollowUpOverdue(today),
            CreatedAt = d.CreatedAt, CreatedByName = d.CreatedByName, UpdatedAt = d.UpdatedAt, Version = d.Version,
        };
    }
}

public sealed record PositionView(Guid MemberId, string MemberName, Discipline? Discipline, PositionKind Kind, string? Text,
    DateTimeOffset RecordedAt, bool OnEarlierDraft);

/// <summary>One signature of an emergency plan: who, for which discipline, when; OnEarlierDraft when the draft changed since.</summary>
public sealed record EmergencySignatureView(Guid SignerId, string PrintedName, Discipline Discipline, DateTimeOffset SignedAt, bool OnEarlierDraft);

/// <summary>The signature manifestation (REG-9): printed name, UTC time, meaning; bound to the hash (REG-10).</summary>
public sealed record SignatureView(Guid SignerId, string PrintedName, DateTimeOffset SignedAt, string Meaning, string ContentHash, bool Intact);

/// <remarks>One constructor, so that a client reading the answer with these types can deserialize it.</remarks>
public sealed record StepFollowUpView(int StepNumber, PlanStep Step, FollowUpView? Current, IReadOnlyList<FollowUpView> History)
{
    public static StepFollowUpView Of(int stepNumber, PlanStep step, DecisionFollowUp? current, IReadOnlyList<FollowUpView> history) =>
        new(stepNumber, step, current is null ? null : FollowUpView.From(current), history);
}

public sealed record FollowUpView(Guid Id, FollowUpStatus Status, DeviationReason? Reason, string? ReasonText, string? Note,
    string RecordedByName, DateTimeOffset RecordedAt, DateOnly? PerformedOn)
{
    public static FollowUpView From(DecisionFollowUp f) => new(f.Id, f.Status, f.Reason, f.ReasonText, f.Note, f.RecordedByName, f.RecordedAt, f.PerformedOn);
}
