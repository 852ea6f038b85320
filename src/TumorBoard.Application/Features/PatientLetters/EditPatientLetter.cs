using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Common.Validation;
using TumorBoard.Domain.Common;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.PatientLetters;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.PatientLetters;

/// <summary>
/// The clinician's edit of the letter's "why" paragraph, in plain words, before it is sent: a new stored version; the
/// version read (If-Match / the form's hidden field) is required, so an edit never overwrites one made meanwhile.
/// </summary>
public static class EditPatientLetter
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Command : ICommand<LetterSaved>
    {
        public Guid DecisionId { get; init; }
        public Guid LetterId { get; init; }
        [MultiLine]
        public string Why { get; init; } = "";
        [System.Text.Json.Serialization.JsonIgnore] public VersionMatch? ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Why).NotEmpty().WithText("WriteWhyTeamRecommendsPlainWords")
                .MaximumLength(PatientLetter.WhyMaxLength);
        }
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock, IOptions<BoardOptions> board)
        : ICommandHandler<Command, LetterSaved>
    {
        public async ValueTask<LetterSaved> Handle(Command c, CancellationToken ct)
        {
            if (c.ExpectedVersion is null) throw new VersionRequiredException();
            var (letter, decision) = await PatientLetterAccess.LoadAsync(db, c.DecisionId, c.LetterId, c.ExpectedVersion, ct);
            PatientLetterAccess.RequireWriter(user, decision);
            var json = await PatientLetterAccess.DocumentJsonAsync(db, decision, letter.Language, c.Why.Trim(), clock, board.Value, ct);
            letter.EditWhy(decision, c.Why, json, await DecisionAccess.MemberAsync(db, user, ct), clock.UtcNow);
            return new LetterSaved(await db.SaveChangesThenReadAsync(() => PatientLetterAccess.ViewAsync(db, decision.Id, letter.Id, null, ct), ct));
        }
    }
}
