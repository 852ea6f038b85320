using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Patients;

namespace TumorBoard.Domain.PatientLetters;

/// <summary>How a letter reached the patient.</summary>
public enum LetterSendMethod { Print, Post, HandedOver }

/// <summary>What made a stored version of the letter: the first draft (or a new draft from the decision), or an edit of "why".</summary>
public enum LetterVersionKind { Generated, Edited }

/// <summary>Draft: being prepared. Sent: recorded as given to the patient (no more changes). Superseded: the decision
/// version it explains was replaced by an amendment, so it can no longer be sent.</summary>
public enum LetterStatus { Draft, Sent, Superseded }

/// <summary>
/// The plain-language letter to the patient about one signed decision version (pathways.md §4), bound to that version's
/// signed hash. Every draft and every edit is a new stored <see cref="PatientLetterVersion"/> holding the whole letter as
/// the patient reads it; nothing is overwritten. Once sent, the letter is closed; a letter whose decision was superseded
/// says so and cannot be sent (the amendment gets a letter of its own).
/// </summary>
public sealed class PatientLetter
{
    public const int WhyMaxLength = 4000;

    private PatientLetter() { }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid DecisionId { get; private set; }
    public int DecisionNumber { get; private set; }
    /// <summary>The signed hash (SHA-256) of the decision version the letter explains.</summary>
    public string DecisionHash { get; private set; } = "";
    public PatientLanguage Language { get; private set; }
    public int CurrentVersionNumber { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid CreatedById { get; private set; }
    public string CreatedByName { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }
    public int? SentVersionNumber { get; private set; }
    public LetterSendMethod? SentMethod { get; private set; }
    /// <summary>The board's local day the letter was printed, posted or handed over.</summary>
    public DateOnly? SentOn { get; private set; }
    public DateTimeOffset? SentRecordedAt { get; private set; }
    public Guid? SentById { get; private set; }
    public string? SentByName { get; private set; }
    /// <summary>PostgreSQL xmin row version.</summary>
    public uint Version { get; private set; }

    public List<PatientLetterVersion> Versions { get; private set; } = [];

    public PatientLetterVersion Current => Versions.First(v => v.Number == CurrentVersionNumber);

    /// <summary>Sent, superseded (the decision version is no longer the signed one, or its hash differs) or a draft.</summary>
    public LetterStatus StatusFor(BoardDecision decision) =>
        SentVersionNumber is not null ? LetterStatus.Sent
        : decision.Status != DecisionStatus.Signed || decision.SignedHash != DecisionHash ? LetterStatus.Superseded
        : LetterStatus.Draft;

    /// <summary>The first draft of the letter for a signed decision version.</summary>
    public static PatientLetter Generate(BoardDecision decision, PatientLanguage language, string why, string documentJson,
        BoardMember author, DateTimeOffset now)
    {
        RequireSigned(decision);
        var letter = new PatientLetter
        {
            Id = Guid.CreateVersion7(), CaseId = decision.CaseId, DecisionId = decision.Id, DecisionNumber = decision.Number,
            DecisionHash = decision.SignedHash!, Language = language, CreatedAt = now, CreatedById = author.Id, CreatedByName = author.Name,
        };
        letter.AddVersion(LetterVersionKind.Generated, language, why, documentJson, author, now);
        return letter;
    }

    /// <summary>A new draft from the decision (e.g. after the patient's language was corrected): the edited "why" stays.</summary>
    public PatientLetterVersion Regenerate(BoardDecision decision, PatientLanguage language, string documentJson, BoardMember author, DateTimeOffset now)
    {
        RequireDraft(decision);
        Language = language;
        return AddVersion(LetterVersionKind.Generated, language, Current.Why, documentJson, author, now);
    }

    /// <summary>The clinician's edit of the "why" paragraph (in plain words, before sending).</summary>
    public PatientLetterVersion EditWhy(BoardDecision decision, string why, string documentJson, BoardMember author, DateTimeOffset now)
    {
        RequireDraft(decision);
        if (string.IsNullOrWhiteSpace(why)) throw new DomainConflictException(new RuleText("Letter.WhyRequired"));
        return AddVersion(LetterVersionKind.Edited, Language, why.Trim(), documentJson, author, now);
    }

    /// <summary>Records that the current version was printed, posted or handed over, by whom and on which day.</summary>
    public void MarkSent(BoardDecision decision, LetterSendMethod method, DateOnly sentOn, BoardMember author, DateTimeOffset now)
    {
        RequireDraft(decision);
        SentVersionNumber = CurrentVersionNumber; SentMethod = method; SentOn = sentOn;
        SentRecordedAt = now; SentById = author.Id; SentByName = author.Name; UpdatedAt = now;
    }

    PatientLetterVersion AddVersion(LetterVersionKind kind, PatientLanguage language, string why, string documentJson, BoardMember author, DateTimeOffset now)
    {
        var version = new PatientLetterVersion(Id, CurrentVersionNumber + 1, kind, language, why, documentJson, DecisionHash, author, now);
        Versions.Add(version);
        CurrentVersionNumber = version.Number;
        UpdatedAt = now;
        return version;
    }

    static void RequireSigned(BoardDecision decision)
    {
        if (decision.Status != DecisionStatus.Signed || decision.SignedHash is null)
            throw new DomainConflictException(new RuleText(
                decision.Status == DecisionStatus.Draft ? "Letter.DecisionNotSigned" : "Letter.DecisionSuperseded", decision.Number));
    }

    void RequireDraft(BoardDecision decision)
    {
        if (SentVersionNumber is not null)
            throw new DomainConflictException(new RuleText("Letter.Sent", SentOn, SentMethod!.Value));
        if (StatusFor(decision) == LetterStatus.Superseded)
            throw new DomainConflictException(new RuleText("Letter.Superseded", DecisionNumber));
    }
}

/// <summary>One stored version of a patient letter: the letter exactly as the patient would read it (JSON), append-only.</summary>
public sealed class PatientLetterVersion
{
    private PatientLetterVersion() { }

    internal PatientLetterVersion(Guid letterId, int number, LetterVersionKind kind, PatientLanguage language, string why,
        string documentJson, string decisionHash, BoardMember author, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(); LetterId = letterId; Number = number; Kind = kind; Language = language; Why = why;
        DocumentJson = documentJson; DecisionHash = decisionHash; CreatedAt = now; CreatedById = author.Id; CreatedByName = author.Name;
    }

    public Guid Id { get; private set; }
    public Guid LetterId { get; private set; }
    public int Number { get; private set; }
    public LetterVersionKind Kind { get; private set; }
    public PatientLanguage Language { get; private set; }
    public string Why { get; private set; } = "";
    public string DocumentJson { get; private set; } = "{}";
    public string DecisionHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid CreatedById { get; private set; }
    public string CreatedByName { get; private set; } = "";
}
