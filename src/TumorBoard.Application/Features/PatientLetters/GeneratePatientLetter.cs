using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.PatientLetters;
using TumorBoard.Domain.Security;
using TumorBoard.Application.Common.Validation;

namespace TumorBoard.Application.Features.PatientLetters;

/// <summary>
/// Drafts the letter to the patient about a signed decision version, in the patient's language (pathways.md §4). The
/// first call creates the letter (version 1, "why" taken from the board's rationale for the clinician to put into plain
/// words); a later call, while the letter is a draft, stores a new version from the decision and the patient's language
/// now, keeping the edited "why". 409 for a draft or superseded decision, or a letter already sent.
/// </summary>
public static class GeneratePatientLetter
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Command : ICommand<LetterSaved>
    {
        public Guid DecisionId { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.DecisionId).NotEmpty().WithText("NameDecisionVersion");
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock, IOptions<BoardOptions> board)
        : ICommandHandler<Command, LetterSaved>
    {
        public async ValueTask<LetterSaved> Handle(Command c, CancellationToken ct)
        {
            var decision = await DecisionAccess.LoadAsync(db, c.DecisionId, null, ct);
            PatientLetterAccess.RequireWriter(user, decision);
            var language = await (from cs in db.Cases where cs.Id == decision.CaseId
                                  join p in db.Patients on cs.PatientId equals p.Id select p.Language).FirstAsync(ct);
            var author = await DecisionAccess.MemberAsync(db, user, ct);
            var letter = await db.PatientLetters.FirstOrDefaultAsync(l => l.DecisionId == decision.Id, ct);
            var why = letter?.Current.Why ?? decision.Content.Rationale;
            var json = await PatientLetterAccess.DocumentJsonAsync(db, decision, language, why, clock, board.Value, ct);
            if (letter is null)
            {
                letter = PatientLetter.Generate(decision, language, why, json, author, clock.UtcNow);
                db.PatientLetters.Add(letter);
            }
            else letter.Regenerate(decision, language, json, author, clock.UtcNow);
            return new LetterSaved(await db.SaveChangesThenReadAsync(() => PatientLetterAccess.ViewAsync(db, decision.Id, letter.Id, null, ct), ct));
        }
    }
}
