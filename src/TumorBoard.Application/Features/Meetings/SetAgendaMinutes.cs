using FluentValidation;
using Mediator;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Meetings;

public static class SetAgendaMinutes
{
    [RequiresRole(Roles.Coordinator)]
    public sealed record Command : ICommand<uint>
    {
        public Guid MeetingId { get; init; }
        public Guid ItemId { get; init; }
        public int? Minutes { get; init; }
        public uint? ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Minutes).InclusiveBetween(1, 120).WithMessage("Minutes per case are 1 to 120.");
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, uint>
    {
        public async ValueTask<uint> Handle(Command c, CancellationToken ct)
        {
            var meeting = await MeetingAccess.LoadForChangeAsync(db, c.MeetingId, c.ExpectedVersion, ct);
            meeting.SetMinutes(c.ItemId, c.Minutes, user.RequiredId, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return meeting.Version;
        }
    }
}
