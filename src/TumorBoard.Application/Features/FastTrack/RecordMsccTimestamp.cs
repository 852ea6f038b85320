using FluentValidation;
using Mediator;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Common.Validation;
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
        static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

        public Validator(BoardClock clock)
        {
            RuleFor(c => c.Event).NotNull().WithText("ChooseWhatHappened").IsInEnum();
            RuleFor(c => c.OccurredAt).NotNull().WithText("EnterWhenHappened");
            // The same range wording as every other date (ClinicalDates); a few minutes ahead allowed for clocks that differ.
            RuleFor(c => c.OccurredAt).Must(t => t is null || (t >= ClinicalDates.EarliestInstant && t <= clock.UtcNow.Add(ClockSkew)))
                .WithText("Mscc_TimeRange", ClinicalDates.Show(ClinicalDates.Earliest));
            RuleFor(c => c.Note).MaximumLength(MsccTimestamp.NoteMaxLength);
        }
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock) : ICommandHandler<Command, GetFastTrack.Result>
    {
        public async ValueTask<GetFastTrack.Result> Handle(Command c, CancellationToken ct)
        {
            var tumorCase = await db.Cases.FindAsync([c.CaseId], ct) ?? throw NotFoundException.For("Case", c.CaseId);
            if (tumorCase.Status is Domain.Cases.CaseStatus.Closed or Domain.Cases.CaseStatus.Withdrawn)
                throw new DomainConflictException(new RuleText("Mscc.TimesClosed", tumorCase.Status));
            db.MsccTimestamps.Add(new MsccTimestamp(tumorCase.Id, c.Event!.Value, c.OccurredAt!.Value.ToUniversalTime(), c.Note,
                user.RequiredId, await MsccActor.NameAsync(db, user, ct), clock.UtcNow));
            return await db.SaveChangesThenReadAsync(() => GetFastTrack.LoadAsync(db, clock, c.CaseId, ct), ct);
        }
    }
}
