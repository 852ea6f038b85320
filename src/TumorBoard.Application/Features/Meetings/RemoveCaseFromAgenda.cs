using FluentValidation;
using Mediator;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Meetings;

/// <summary>Takes a case off a planned meeting with a reason; the case returns to ReadyForBoard.</summary>
public static class RemoveCaseFromAgenda
{
    [RequiresRole(Roles.Coordinator)]
    public sealed record Command : ICommand<uint>
    {
        public Guid MeetingId { get; init; }
        public Guid ItemId { get; init; }
        [MultiLine]
        public string Reason { get; init; } = "";
        public uint? ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().WithMessage("Give the reason for removing the case.").MaximumLength(1000);
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, uint>
    {
        public async ValueTask<uint> Handle(Command c, CancellationToken ct)
        {
            var meeting = await MeetingAccess.LoadForChangeAsync(db, c.MeetingId, c.ExpectedVersion, ct);
            var item = meeting.Agenda.FirstOrDefault(i => i.Id == c.ItemId) ?? throw NotFoundException.For("Agenda item", c.ItemId);
            var tumorCase = await MeetingAccess.CaseAsync(db, item.CaseId, ct);
            meeting.RemoveCase(item.Id, tumorCase, c.Reason, user.RequiredId, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return meeting.Version;
        }
    }
}
