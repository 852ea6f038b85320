using FluentValidation;
using Mediator;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Mscc;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.FastTrack;

/// <summary>
/// Records when a pathway moment happened (pathways.md §1.2): symptom onset, first contact, suspicion of MSCC, whole-spine
/// MRI, contact with the MSCC coordinator, dexamethasone. Who recorded it and when is kept with it; recording the same event
/// again corrects it and keeps the earlier row (append-only, audited). The clocks follow at once.
/// </summary>
public static class RecordMsccTimestamp
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Command : ICommand<GetFastTrack.Result>
    {
        public Guid CaseId { get; init; }
        public MsccEvent? Event { get; init; }
        /// <summary>When it happened (an instant with its offset; pages enter it in the board's local time).</summary>
        public DateTimeOffset? OccurredAt { get; init; }
        [MultiLine]
        public string? Note { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(BoardClock clock)
        {
            RuleFor(c => c.Event).NotNull().WithMessage("Choose what happened.").IsInEnum();
            RuleFor(c => c.OccurredAt).NotNull().WithMessage("Enter when it happened.");
            RuleFor(c => c.OccurredAt!.Value).LessThanOrEqualTo(_ => clock.UtcNow.AddMinutes(5)).When(c => c.OccurredAt is not null)
                .OverridePropertyName(nameof(Command.OccurredAt)).WithMessage("The time cannot be in the future.");
            RuleFor(c => c.OccurredAt!.Value).GreaterThanOrEqualTo(new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero))
                .When(c => c.OccurredAt is not null).OverridePropertyName(nameof(Command.OccurredAt))
                .WithMessage("The time must be after 1900.");
            RuleFor(c => c.Note).MaximumLength(MsccTimestamp.NoteMaxLength);
        }
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock) : ICommandHandler<Command, GetFastTrack.Result>
    {
        public async ValueTask<GetFastTrack.Result> Handle(Command c, CancellationToken ct)
        {
            var tumorCase = await db.Cases.FindAsync([c.CaseId], ct) ?? throw NotFoundException.For("Case", c.CaseId);
            if (tumorCase.Status is Domain.Cases.CaseStatus.Closed or Domain.Cases.CaseStatus.Withdrawn)
                throw new DomainConflictException($"The case is {DisplayWords.InSentence(tumorCase.Status)}: its pathway times are closed.");
            db.MsccTimestamps.Add(new MsccTimestamp(tumorCase.Id, c.Event!.Value, c.OccurredAt!.Value.ToUniversalTime(), c.Note,
                user.RequiredId, await MsccActor.NameAsync(db, user, ct), clock.UtcNow));
            return await db.SaveChangesThenReadAsync(() => GetFastTrack.LoadAsync(db, clock, c.CaseId, ct), ct);
        }
    }
}
