using FluentValidation;
using Mediator;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Common.Validation;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.PatientLetters;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.PatientLetters;

/// <summary>
/// Records that the letter's current version was printed, posted or handed over: who (the signed-in member), how, and on
/// which day (the board's local day, today unless given; not in the future, not before the version was written). The
/// version read is required (If-Match), so what is recorded as sent is the version the sender saw. Afterwards the letter
/// is closed. 409 when its decision was superseded.
/// </summary>
public static class MarkPatientLetterSent
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Command : ICommand<LetterSaved>
    {
        public Guid DecisionId { get; init; }
        public Guid LetterId { get; init; }
        /// <summary>Required: nullable so that a missing method is an error, never a silent "Print".</summary>
        public LetterSendMethod? Method { get; init; }
        public DateOnly? SentOn { get; init; }
        [System.Text.Json.Serialization.JsonIgnore] public VersionMatch? ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(BoardClock clock)
        {
            RuleFor(c => c.Method).NotNull().WithText("ChooseHowLetterReachedPatientPrint").IsInEnum();
            RuleFor(c => c.SentOn).Must(d => d is null || d >= ClinicalDates.Earliest)
                .WithText("Letter_SentOnRange", ClinicalDates.Show(ClinicalDates.Earliest));
            RuleFor(c => c.SentOn!.Value).LessThanOrEqualTo(_ => clock.Today).When(c => c.SentOn is not null)
                .OverridePropertyName(nameof(Command.SentOn))
                .WithText("Letter_SentOnFuture", _ => [ClinicalDates.Show(clock.Today)]);
        }
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock) : ICommandHandler<Command, LetterSaved>
    {
        public async ValueTask<LetterSaved> Handle(Command c, CancellationToken ct)
        {
            if (c.ExpectedVersion is null) throw new VersionRequiredException();
            var (letter, decision) = await PatientLetterAccess.LoadAsync(db, c.DecisionId, c.LetterId, c.ExpectedVersion, ct);
            PatientLetterAccess.RequireWriter(user, decision);
            var sentOn = c.SentOn ?? clock.Today;
            var written = clock.DateAt(letter.Current.CreatedAt);
            if (sentOn < written)
                throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure(nameof(Command.SentOn),
                    $"The day sent cannot be before this version of the letter was written ({written:yyyy-MM-dd}).")]);
            letter.MarkSent(decision, c.Method!.Value, sentOn, await DecisionAccess.MemberAsync(db, user, ct), clock.UtcNow);
            return new LetterSaved(await db.SaveChangesThenReadAsync(() => PatientLetterAccess.ViewAsync(db, decision.Id, letter.Id, null, ct), ct));
        }
    }
}
