using TumorBoard.Domain.Common;
using TumorBoard.Domain.Security;

namespace TumorBoard.Domain.Decisions;

/// <summary>
/// One version of the board's joint decision on a case discussion (issue #6). Written as a Draft during the meeting,
/// positions are taken on it, then the meeting's chair signs it: the signature (printed name, UTC time, meaning) is bound
/// to the SHA-256 of the canonical content (<see cref="DecisionHash"/>) and the row becomes immutable (a database trigger
/// refuses any change but Signed -> Superseded). A change after signing is a new version (an amendment with a reason),
/// signed again; the old version stays, marked superseded by the new one. At most one Draft and one Signed (current)
/// version per case: both are unique indexes.
/// </summary>
public sealed class BoardDecision
{
    public const string ChairMeaning = "approved as board chair";
    public const int ReasonMaxLength = 1000;
    public const string PerformedOnOnlyWhenDone = "A date performed is recorded only for a step implemented or partially implemented.";

    private BoardDecision() { }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    /// <summary>Board (made in a meeting) or EmergencyPlan (made outside a meeting for a P1 case, issue #14 part 1).</summary>
    public DecisionKind Kind { get; private set; } = DecisionKind.Board;
    /// <summary>The meeting that made the decision; null only for an emergency plan (a check constraint holds it).</summary>
    public Guid? MeetingId { get; private set; }
    public Guid? AgendaItemId { get; private set; }
    /// <summary>1, 2, 3 … per case across all its discussions and amendments.</summary>
    public int Number { get; private set; }
    public DecisionStatus Status { get; private set; }
    /// <summary>The signed version this one amends (null for a decision made in a meeting).</summary>
    public Guid? AmendsId { get; private set; }
    public string? AmendmentReason { get; private set; }
    public Guid? SupersededById { get; private set; }
    public DateTimeOffset? SupersededAt { get; private set; }

    public string ContentJson { get; private set; } = "{}";
    public DecisionOutcome Outcome { get; private set; }
    public DateOnly? FollowUpDate { get; private set; }
    public Guid? ResponsibleClinicianId { get; private set; }
    public string? ResponsibleClinicianName { get; private set; }
    /// <summary>The NOMS suggestion the board had in front of it (JSON), kept with the decision it was compared with.</summary>
    public string NomsSuggestionJson { get; private set; } = "{}";
    /// <summary>The chair's waivers of missing assessments in force when the decision was recorded (JSON).</summary>
    public string WaiversJson { get; private set; } = "[]";

    public Guid? SignedById { get; private set; }
    public string? SignerName { get; private set; }
    public DateTimeOffset? SignedAt { get; private set; }
    public string? SignatureMeaning { get; private set; }
    /// <summary>SHA-256 (hex) of the canonical content and positions at signing.</summary>
    public string? SignedHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public Guid CreatedById { get; private set; }
    public string CreatedByName { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid UpdatedById { get; private set; }
    /// <summary>PostgreSQL xmin row version.</summary>
    public uint Version { get; private set; }

    public List<DecisionPosition> Positions { get; private set; } = [];
    public List<DecisionFollowUp> FollowUps { get; private set; } = [];
    /// <summary>The signatures of an emergency plan, one per discipline (append-only; empty for a board decision).</summary>
    public List<EmergencySignature> EmergencySignatures { get; private set; } = [];

    public DecisionContent Content => DecisionJson.Deserialize<DecisionContent>(ContentJson);
    public IReadOnlyList<WaiverSnapshot> Waivers => DecisionJson.Deserialize<List<WaiverSnapshot>>(WaiversJson);
    public bool IsAmendment => AmendsId is not null;
    public bool IsEmergencyPlan => Kind == DecisionKind.EmergencyPlan;

    /// <summary>Records the board's decision for an agenda item; <see cref="DecisionPreconditions"/> were checked by the caller.</summary>
    public static BoardDecision Record(DecisionTarget target, int number, DecisionContent content, DecisionInputs inputs,
        BoardMember author, DateTimeOffset now)
    {
        var d = new BoardDecision
        {
            Id = Guid.CreateVersion7(), CaseId = target.CaseId, MeetingId = target.MeetingId, AgendaItemId = target.AgendaItemId,
            Number = number, Status = DecisionStatus.Draft, CreatedAt = now, CreatedById = author.Id, CreatedByName = author.Name,
        };
        d.Apply(content, inputs, author, now);
        return d;
    }

    /// <summary>
    /// Records an emergency plan for a P1 case outside a meeting (issue #14 part 1); the caller checked the triage and who may
    /// write it. It is signed by a neurosurgeon and a radiation oncologist (<see cref="SignAsEmergencyPlan"/>).
    /// </summary>
    public static BoardDecision RecordEmergencyPlan(Guid caseId, int number, DecisionContent content, DecisionInputs inputs,
        BoardMember author, DateTimeOffset now)
    {
        var d = new BoardDecision
        {
            Id = Guid.CreateVersion7(), CaseId = caseId, Kind = DecisionKind.EmergencyPlan, Number = number,
            Status = DecisionStatus.Draft, CreatedAt = now, CreatedById = author.Id, CreatedByName = author.Name,
        };
        d.Apply(content, inputs, author, now);
        return d;
    }

    /// <summary>
    /// One of the two signatures an emergency plan needs (the caller re-checked the password). The signer must hold the
    /// discipline signed for; once both <see cref="EmergencySignature.Disciplines"/> have signed, the plan is signed like a
    /// board decision: bound to the hash of its content and both signatures, and immutable from then on.
    /// </summary>
    public EmergencySignature SignAsEmergencyPlan(BoardMember signer, Discipline discipline, DateTimeOffset now)
    {
        if (!IsEmergencyPlan) throw new DomainConflictException(new RuleText("Emergency.NotEmergency"));
        RequireDraft("SignedAgain");
        if (!EmergencySignature.Disciplines.Contains(discipline))
            throw new DomainConflictException(new RuleText("Emergency.TwoDisciplines"));
        if (signer.Discipline != discipline)
            throw new ForbiddenException(new RuleText("Emergency.OnlySpecialist", discipline));
        if (EmergencySignatures.Any(s => s.Discipline == discipline))
            throw new DomainConflictException(new RuleText("Emergency.AlreadySigned", discipline));
        if (EmergencySignatures.Any(s => s.SignedById == signer.Id))
            throw new DomainConflictException(new RuleText("Emergency.SignedByYou"));
        var signature = new EmergencySignature(Id, signer, discipline, DecisionHash.Content(this), now);
        EmergencySignatures.Add(signature);
        if (EmergencySignature.Disciplines.All(x => EmergencySignatures.Any(s => s.Discipline == x)))
        {
            Status = DecisionStatus.Signed;
            SignedById = signer.Id;
            SignerName = string.Join(" and ", EmergencySignatures.OrderBy(s => s.SignedAt).Select(s => s.SignerName));
            SignedAt = now;
            SignatureMeaning = EmergencySignature.Meaning;
            SignedHash = DecisionHash.Signed(this);
        }
        Touch(signer.Id, now);
        return signature;
    }

    /// <summary>Changes the draft. Positions already taken stay, and show as taken on an earlier draft.</summary>
    public void Revise(DecisionContent content, DecisionInputs inputs, BoardMember author, DateTimeOffset now)
    {
        RequireDraft("Changed");
        Apply(content, inputs, author, now);
    }

    /// <summary>Starts an amendment of this signed decision: a new draft version with the same content and a reason.</summary>
    public BoardDecision StartAmendment(int number, string reason, BoardMember author, DateTimeOffset now)
    {
        if (Status != DecisionStatus.Signed)
            throw new DomainConflictException(new RuleText("Decision.AmendOnlyCurrent", Status));
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainConflictException(new RuleText("Decision.AmendmentReason"));
        return new BoardDecision
        {
            Id = Guid.CreateVersion7(), CaseId = CaseId, Kind = Kind, MeetingId = MeetingId, AgendaItemId = AgendaItemId, Number = number,
            Status = DecisionStatus.Draft, AmendsId = Id, AmendmentReason = reason.Trim(),
            ContentJson = ContentJson, Outcome = Outcome, FollowUpDate = FollowUpDate,
            ResponsibleClinicianId = ResponsibleClinicianId, ResponsibleClinicianName = ResponsibleClinicianName,
            NomsSuggestionJson = NomsSuggestionJson, WaiversJson = WaiversJson,
            CreatedAt = now, CreatedById = author.Id, CreatedByName = author.Name, UpdatedAt = now, UpdatedById = author.Id,
        };
    }

    /// <summary>An attending member agrees, disagrees (with the reason) or abstains; a second call replaces their own position.</summary>
    public DecisionPosition RecordPosition(BoardMember member, PositionKind kind, string? text, DateTimeOffset now)
    {
        RequireDraft("GivenPositions");
        if (kind == PositionKind.Disagree && string.IsNullOrWhiteSpace(text))
            throw new DomainConflictException(new RuleText("Decision.DisagreementReason"));
        var hash = DecisionHash.Content(this);
        var existing = Positions.FirstOrDefault(p => p.MemberId == member.Id);
        if (existing is null)
        {
            existing = new DecisionPosition(Id, member, kind, text, hash, now);
            Positions.Add(existing);
        }
        else existing.Set(member, kind, text, hash, now);
        Touch(member.Id, now);
        return existing;
    }

    /// <summary>The chair's signature (the caller re-checked the password and the chair rule).</summary>
    public void Sign(BoardMember chair, DateTimeOffset now)
    {
        RequireDraft("SignedAgain");
        if (IsEmergencyPlan) throw new DomainConflictException(new RuleText("Decision.EmergencyNotByChair"));
        Status = DecisionStatus.Signed;
        SignedById = chair.Id; SignerName = chair.Name; SignedAt = now; SignatureMeaning = ChairMeaning;
        SignedHash = DecisionHash.Signed(this);
        Touch(chair.Id, now);
    }

    /// <summary>Marks this signed version as replaced by <paramref name="by"/> (an amendment or a later discussion).</summary>
    public void SupersedeBy(BoardDecision by, DateTimeOffset now)
    {
        if (Status != DecisionStatus.Signed)
            throw new DomainConflictException(new RuleText("Decision.SupersedeOnlyCurrent", Status));
        Status = DecisionStatus.Superseded;
        SupersededById = by.Id;
        SupersededAt = now;
    }

    /// <summary>True when the stored content still hashes to the signed hash (DH-4).</summary>
    public bool SignatureIsIntact => SignedHash is not null && SignedHash == DecisionHash.Signed(this);

    public DecisionFollowUp RecordFollowUp(int stepNumber, FollowUpStatus status, DeviationReason? reason, string? reasonText,
        string? note, BoardMember author, DateTimeOffset now, DateOnly? performedOn = null)
    {
        if (Status != DecisionStatus.Signed)
            throw new DomainConflictException(new RuleText(Status == DecisionStatus.Draft ? "FollowUp.NotSigned" : "FollowUp.Superseded"));
        var steps = Content.Plan.Count;
        if (steps == 0) throw new DomainConflictException(new RuleText("FollowUp.NoSteps"));
        if (stepNumber < 1 || stepNumber > steps)
            throw new DomainConflictException(new RuleText("FollowUp.NoSuchStep", steps, stepNumber));
        var deviation = status is FollowUpStatus.NotImplemented or FollowUpStatus.PartiallyImplemented;
        if (status == FollowUpStatus.NotImplemented && reason is null)
            throw new DomainConflictException(new RuleText("FollowUp.WhyNotImplemented"));
        if (!deviation && reason is not null)
            throw new DomainConflictException(new RuleText("FollowUp.ReasonOnlyDeviation"));
        if (reason == DeviationReason.Other && string.IsNullOrWhiteSpace(reasonText))
            throw new DomainConflictException(new RuleText("FollowUp.OtherReason"));
        if (performedOn is not null && status is not (FollowUpStatus.Implemented or FollowUpStatus.PartiallyImplemented))
            throw new DomainConflictException(new RuleText("FollowUp.PerformedOnOnlyWhenDone"));
        var followUp = new DecisionFollowUp(Id, stepNumber, status, reason, Blank(reasonText), Blank(note), performedOn, author, now);
        FollowUps.Add(followUp);
        return followUp;
    }

    /// <summary>The latest follow-up per plan step (null where none was recorded).</summary>
    public IReadOnlyList<DecisionFollowUp?> CurrentFollowUps() =>
        [.. Enumerable.Range(1, Content.Plan.Count).Select(n =>
            FollowUps.Where(f => f.StepNumber == n).OrderBy(f => f.RecordedAt).ThenBy(f => f.Id).LastOrDefault())];

    /// <summary>The follow-up date has passed and some plan step has no follow-up yet, or only "unknown".</summary>
    public bool IsFollowUpOverdue(DateOnly today) =>
        Status == DecisionStatus.Signed && FollowUpDate is { } due && due < today
        && CurrentFollowUps().Any(f => f is null || f.Status == FollowUpStatus.Unknown);

    void Apply(DecisionContent content, DecisionInputs inputs, BoardMember author, DateTimeOffset now)
    {
        var normal = content.Normalized();
        ContentJson = DecisionJson.Serialize(normal);
        Outcome = normal.Outcome;
        FollowUpDate = normal.FollowUpDate;
        ResponsibleClinicianId = normal.ResponsibleClinicianId;
        ResponsibleClinicianName = inputs.ResponsibleClinicianName;
        NomsSuggestionJson = inputs.NomsSuggestionJson;
        WaiversJson = DecisionJson.Serialize(inputs.Waivers.OrderBy(w => w.Discipline).ToList());
        Touch(author.Id, now);
    }

    void RequireDraft(string what)
    {
        if (Status != DecisionStatus.Draft)
            throw new DomainConflictException(new RuleText("Decision.NotDraft." + what, Number, Status));
    }

    void Touch(Guid actor, DateTimeOffset now) { UpdatedAt = now; UpdatedById = actor; }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>Which discussion a decision belongs to.</summary>
public sealed record DecisionTarget(Guid CaseId, Guid MeetingId, Guid AgendaItemId);

/// <summary>What the server adds to the form's content: names and the suggestion and waivers at the time.</summary>
public sealed record DecisionInputs(string? ResponsibleClinicianName, string NomsSuggestionJson, IReadOnlyList<WaiverSnapshot> Waivers);

public sealed record WaiverSnapshot(Discipline Discipline, string Reason, string WaivedByName, DateTimeOffset WaivedAt);
