using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.PatientLetters;
using TumorBoard.Domain.Patients;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.PatientLetters;

/// <summary>One stored version of a letter, as the versions list shows it.</summary>
public sealed record LetterVersionRow(int Number, LetterVersionKind Kind, PatientLanguage Language, string DecisionHash,
    DateTimeOffset CreatedAt, string CreatedByName);

/// <summary>Who recorded the letter as sent, how, on which day, and which version went out.</summary>
public sealed record LetterSentView(int VersionNumber, LetterSendMethod Method, DateOnly SentOn, DateTimeOffset RecordedAt, string RecordedByName);

/// <summary>
/// A patient letter with the version asked for (the current one by default): the letter as the patient reads it, its
/// readability score, its status against the decision version it is bound to, and every stored version.
/// </summary>
public sealed record PatientLetterView : ICaseReadResult
{
    Guid ICaseReadResult.ReadCaseId => CaseId;
    public Guid Id { get; init; }
    public Guid CaseId { get; init; }
    public Guid DecisionId { get; init; }
    public int DecisionNumber { get; init; }
    public string DecisionHash { get; init; } = "";
    public DecisionStatus DecisionStatus { get; init; }
    /// <summary>The decision version that replaced this letter's decision (an amendment), when superseded.</summary>
    public Guid? SupersededByDecisionId { get; init; }
    public LetterStatus Status { get; init; }
    public PatientLanguage Language { get; init; }
    public int VersionNumber { get; init; }
    public int CurrentVersionNumber { get; init; }
    public string Why { get; init; } = "";
    public PatientLetterDocument Letter { get; init; } = new();
    public ReadabilityScore Readability { get; init; } = null!;
    public LetterSentView? Sent { get; init; }
    public IReadOnlyList<LetterVersionRow> Versions { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public string CreatedByName { get; init; } = "";
    public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>xmin of the letter (ETag): edit and mark-sent need it.</summary>
    public uint Version { get; init; }

    public static PatientLetterView From(PatientLetter l, BoardDecision d, int? versionNumber = null)
    {
        var shown = versionNumber is { } n ? l.Versions.FirstOrDefault(v => v.Number == n)
            ?? throw NotFoundException.For("Letter version", n) : l.Current;
        var document = DecisionJson.Deserialize<PatientLetterDocument>(shown.DocumentJson);
        return new PatientLetterView
        {
            Id = l.Id, CaseId = l.CaseId, DecisionId = l.DecisionId, DecisionNumber = l.DecisionNumber, DecisionHash = l.DecisionHash,
            DecisionStatus = d.Status, SupersededByDecisionId = d.SupersededById, Status = l.StatusFor(d), Language = shown.Language,
            VersionNumber = shown.Number, CurrentVersionNumber = l.CurrentVersionNumber, Why = shown.Why, Letter = document,
            Readability = Domain.PatientLetters.Readability.Score(shown.Language, document.Units()),
            Sent = l.SentVersionNumber is { } sent
                ? new LetterSentView(sent, l.SentMethod!.Value, l.SentOn!.Value, l.SentRecordedAt!.Value, l.SentByName!) : null,
            Versions = [.. l.Versions.OrderBy(v => v.Number).Select(v => new LetterVersionRow(v.Number, v.Kind, v.Language, v.DecisionHash, v.CreatedAt, v.CreatedByName))],
            CreatedAt = l.CreatedAt, CreatedByName = l.CreatedByName, UpdatedAt = l.UpdatedAt, Version = l.Version,
        };
    }
}

/// <summary>Loading letters, writing their text, and the record-level rule of who writes them.</summary>
public static class PatientLetterAccess
{
    /// <summary>A coordinator, or the decision's responsible clinician, writes, edits and sends the letter; others may read it.</summary>
    public static bool MayWrite(ICurrentUser user, BoardDecision decision) =>
        user.IsInRole(Roles.Coordinator) || (user.Id is { } id && decision.ResponsibleClinicianId == id);

    public static void RequireWriter(ICurrentUser user, BoardDecision decision)
    {
        if (!MayWrite(user, decision))
            throw new ForbiddenException(new RuleText("Letter.OnlyCoordinatorOrClinician"));
    }

    public static async Task<(PatientLetter Letter, BoardDecision Decision)> LoadAsync(TumorBoardDbContext db, Guid decisionId, Guid letterId,
        VersionMatch? expected, CancellationToken ct)
    {
        var letter = await db.PatientLetters.FirstOrDefaultAsync(l => l.Id == letterId && l.DecisionId == decisionId, ct)
            ?? throw NotFoundException.For("Patient letter", letterId);
        if (expected is { } v && !v.Matches(letter.Version)) throw new StaleVersionException("patient letter");
        var decision = await db.Decisions.FirstAsync(d => d.Id == decisionId, ct);
        return (letter, decision);
    }

    /// <summary>The letter's text for a version: the plan of the signed decision, the patient's name and language, the "why".</summary>
    public static async Task<string> DocumentJsonAsync(TumorBoardDbContext db, BoardDecision decision, PatientLanguage language, string why,
        BoardClock clock, BoardOptions board, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(board.PatientLetter.EmergencyPhone))
            throw new DomainConflictException(new RuleText("Letter.NoEmergencyPhone"));
        var patient = await (from c in db.Cases.AsNoTracking()
                             join p in db.Patients on c.PatientId equals p.Id
                             where c.Id == decision.CaseId
                             select new { p.GivenName, p.FamilyName }).FirstAsync(ct);
        // An emergency plan outside a meeting is dated by its signature (by its drafting while not signed).
        var meetingStart = decision.MeetingId is null ? decision.SignedAt ?? decision.CreatedAt
            : await db.Meetings.AsNoTracking().Where(m => m.Id == decision.MeetingId).Select(m => m.StartsAt).FirstAsync(ct);
        var document = LetterComposer.Compose(new LetterInput(language, $"{patient.GivenName} {patient.FamilyName}",
            clock.DateAt(meetingStart), clock.Today, decision.Content, decision.ResponsibleClinicianName,
            board.PatientLetter.EmergencyPhone.Trim(), why));
        return DecisionJson.Serialize(document);
    }

    public static async Task<PatientLetterView> ViewAsync(TumorBoardDbContext db, Guid decisionId, Guid letterId, int? versionNumber, CancellationToken ct)
    {
        var letter = await db.PatientLetters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == letterId && l.DecisionId == decisionId, ct)
            ?? throw NotFoundException.For("Patient letter", letterId);
        var decision = await db.Decisions.AsNoTracking().FirstAsync(d => d.Id == decisionId, ct);
        return PatientLetterView.From(letter, decision, versionNumber);
    }
}

/// <summary>A letter as a write saved it, read in the write's own transaction. Not an <see cref="ICaseReadResult"/>:
/// writing the letter is not recorded as reading the case.</summary>
public sealed record LetterSaved(PatientLetterView View)
{
    public Guid Id => View.Id;
    public uint Version => View.Version;
}
