using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.PatientLetters;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.PatientLetters;
using TumorBoard.Domain.Patients;
using TumorBoard.Web.Api;

namespace TumorBoard.Web.OpenApi.Examples;

public static partial class ApiExamples
{
    public static readonly Guid LetterId = new("a71d3c5e-8f24-4b90-9e6a-2c4f7b1d0e53");
    static readonly DateTimeOffset LetterDraftedAt = new(2026, 12, 9, 8, 10, 0, TimeSpan.Zero);
    static readonly DateTimeOffset LetterEditedAt = new(2026, 12, 9, 8, 24, 0, TimeSpan.Zero);

    /// <summary>The "why" as the coordinator rewrote it for Mrs. Keller: the rationale in everyday words.</summary>
    const string LetterWhy = "Der Tumor hat einen Wirbel im Rücken geschwächt. Eine Operation macht die Wirbelsäule wieder stabil. " +
        "Danach zielt eine kurze Bestrahlung genau auf diese Stelle, damit der Tumor dort nicht wächst.";

    /// <summary>The letter as the composer writes it from the signed example decision, in German (her language): the example
    /// is what the server would answer, not a text written beside it.</summary>
    static PatientLetterDocument LetterDocument => LetterComposer.Compose(new LetterInput(
        PatientLanguage.de, $"{GivenName} {FamilyName}", DateOnly.FromDateTime(MeetingStartsAt.UtcDateTime), new DateOnly(2026, 12, 9),
        Decision, NeurosurgeonName, "+41 44 255 11 11", LetterWhy));

    static IReadOnlyList<LetterVersionRow> LetterVersions =>
    [
        new(1, LetterVersionKind.Generated, PatientLanguage.de, SignedHash, LetterDraftedAt, CoordinatorName),
        new(2, LetterVersionKind.Edited, PatientLanguage.de, SignedHash, LetterEditedAt, CoordinatorName),
    ];

    static PatientLetterView LetterViewExample
    {
        get
        {
            var document = LetterDocument;
            return new PatientLetterView
            {
                Id = LetterId, CaseId = CaseId, DecisionId = DecisionId, DecisionNumber = 1, DecisionHash = SignedHash,
                DecisionStatus = DecisionStatus.Signed, SupersededByDecisionId = null, Status = LetterStatus.Draft,
                Language = PatientLanguage.de, VersionNumber = 2, CurrentVersionNumber = 2, Why = LetterWhy, Letter = document,
                Readability = Readability.Score(PatientLanguage.de, document.Units()),
                Sent = null, Versions = LetterVersions,
                CreatedAt = LetterDraftedAt, CreatedByName = CoordinatorName, UpdatedAt = LetterEditedAt, Version = 88213,
            };
        }
    }

    static void LetterExamples()
    {
        Request("EditPatientLetter", new PatientLettersEndpoints.WhyBody(LetterWhy),
            new EditPatientLetter.Command { DecisionId = DecisionId, LetterId = LetterId, Why = LetterWhy, ExpectedVersion = (VersionMatch)88213u },
            LetterEditedAt);
        var sentOn = new DateOnly(2026, 12, 9);
        Request("MarkPatientLetterSent", new PatientLettersEndpoints.SentBody(LetterSendMethod.HandedOver, sentOn),
            new MarkPatientLetterSent.Command
            {
                DecisionId = DecisionId, LetterId = LetterId, Method = LetterSendMethod.HandedOver, SentOn = sentOn,
                ExpectedVersion = (VersionMatch)88213u,
            }, LetterEditedAt.AddHours(2));
        Response(LetterViewExample);
        IReadOnlyList<ListPatientLetters.Row> rows =
        [
            new ListPatientLetters.Row(LetterId, DecisionId, 1, SignedHash, LetterStatus.Draft, PatientLanguage.de, 2, LetterVersions, null,
                LetterDraftedAt, CoordinatorName, 88213),
        ];
        Response(rows);
    }
}
