using FluentValidation;
using Mediator;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Meetings;

public static class UpdateMeeting
{
    [RequiresRole(Roles.Coordinator)]
    public sealed record Command : MeetingFields, ICommand<uint>
    {
        public Guid MeetingId { get; init; }
        public uint? ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock, TumorBoardDbContext db) => Include(new MeetingFieldsValidator(clock, db));
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, uint>
    {
        public async ValueTask<uint> Handle(Command c, CancellationToken ct)
        {
            if (c.ExpectedVersion is null) throw new VersionRequiredException();
            var meeting = await MeetingAccess.LoadForChangeAsync(db, c.MeetingId, c.ExpectedVersion, ct);
            meeting.Update(new MeetingPlan(c.Title, c.StartsAt!.Value, c.DurationMinutes, c.Location, c.VideoLink,
                c.ChairId!.Value, c.Capacity, c.SubmissionCutoff), user.RequiredId, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return meeting.Version;
        }
    }
}
