using FluentValidation;
using Mediator;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Security;
using TumorBoard.Domain.Common;

namespace TumorBoard.Application.Features.Meetings;

/// <summary>Schedules a ReadyForBoard case onto a planned meeting (the case becomes Scheduled).</summary>
public static class AddCaseToAgenda
{
    [RequiresRole(Roles.Coordinator)]
    public sealed record Command : ICommand<Guid>
    {
        public Guid MeetingId { get; init; }
        public Guid CaseId { get; init; }
        /// <summary>Required after the submission cut-off unless the case is urgent (audited).</summary>
        [MultiLine]
        public string? LateAdditionReason { get; init; }
        public uint? ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.CaseId).NotEmpty().WithMessage("Choose the case.");
            RuleFor(c => c.LateAdditionReason).MaximumLength(1000);
        }
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command c, CancellationToken ct)
        {
            var meeting = await MeetingAccess.LoadForChangeAsync(db, c.MeetingId, c.ExpectedVersion, ct);
            var tumorCase = await MeetingAccess.CaseAsync(db, c.CaseId, ct);
            var item = meeting.AddCase(tumorCase, c.LateAdditionReason, user.RequiredId, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);   // meeting xmin + capacity check + one-open-agenda index guard races
            return item.Id;
        }
    }
}
