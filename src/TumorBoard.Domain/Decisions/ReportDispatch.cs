using TumorBoard.Domain.Common;

namespace TumorBoard.Domain.Decisions;

/// <summary>How the decision report reached the referring clinician.</summary>
public enum ReportChannel { Post, SecureEmail, Fax, ElectronicRecord, HandedOver }

/// <summary>
/// That the report of one signed decision version was sent to the referrer: how, to whom, when it left, and who recorded
/// it (pathways.md §2, measure 11: the outcome reaches the referrer within one working day). Bound to the signed hash of
/// the version sent. Kept as recorded: a wrong entry is followed by a correct one (with a note), never changed; the
/// table is append-only in the database.
/// </summary>
public sealed class ReportDispatch
{
    public const int RecipientMaxLength = 200;
    public const int NoteMaxLength = 1000;

    private ReportDispatch() { }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid DecisionId { get; private set; }
    public int DecisionNumber { get; private set; }
    /// <summary>The signed hash (SHA-256) of the decision version whose report was sent.</summary>
    public string DecisionHash { get; private set; } = "";
    public ReportChannel Channel { get; private set; }
    public string Recipient { get; private set; } = "";
    /// <summary>When the report left (UTC).</summary>
    public DateTimeOffset SentAt { get; private set; }
    public string? Note { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public Guid RecordedById { get; private set; }
    public string RecordedByName { get; private set; } = "";

    /// <summary>
    /// Records a dispatch of a signed version (the current one or one later amended: a report sent before the amendment
    /// was still sent). A draft has no report to send; a dispatch before the signature cannot have happened.
    /// </summary>
    public static ReportDispatch Record(BoardDecision decision, ReportChannel channel, string recipient, DateTimeOffset sentAt,
        string? note, BoardMember by, DateTimeOffset now)
    {
        if (decision.Status == DecisionStatus.Draft || decision.SignedHash is null || decision.SignedAt is null)
            throw new DomainConflictException(new RuleText("Report.NotSigned", decision.Number));
        if (string.IsNullOrWhiteSpace(recipient))
            throw new DomainConflictException(new RuleText("Report.NameRecipient"));
        if (sentAt < decision.SignedAt.Value)
            throw new DomainConflictException(new RuleText("Report.SentBeforeSigned"));
        return new ReportDispatch
        {
            Id = Guid.CreateVersion7(), CaseId = decision.CaseId, DecisionId = decision.Id, DecisionNumber = decision.Number,
            DecisionHash = decision.SignedHash, Channel = channel, Recipient = recipient.Trim(), SentAt = sentAt.ToUniversalTime(),
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), RecordedAt = now, RecordedById = by.Id, RecordedByName = by.Name,
        };
    }
}
