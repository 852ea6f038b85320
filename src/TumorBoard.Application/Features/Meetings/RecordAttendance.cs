using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Meetings;

/// <summary>The chair or a coordinator records who is present; each member counts for their discipline.</summary>
public static class RecordAttendance
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist)]
    public sealed record Command : ICommand<uint>
    {
        public Guid MeetingId { get; init; }
        public List<Guid> PresentUserIds { get; init; } = [];
        public uint? ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TumorBoardDbContext db)
        {
            RuleFor(c => c.PresentUserIds).Must(ids => ids.Count <= 100).WithMessage("At most 100 attendees.")
                .MustAsync(async (ids, ct) => await db.Users.CountAsync(u => ids.Contains(u.Id) && u.IsActive, ct) == ids.Distinct().Count())
                .WithMessage("Every attendee must be an active member.");
        }
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, uint>
    {
        public async ValueTask<uint> Handle(Command c, CancellationToken ct)
        {
            var meeting = await MeetingAccess.LoadForChangeAsync(db, c.MeetingId, c.ExpectedVersion, ct);
            MeetingAccess.RequireCoordinatorOrChair(user, meeting);
            var members = await db.Users.Where(u => c.PresentUserIds.Contains(u.Id)).Select(u => new { u.Id, u.Discipline }).ToListAsync(ct);
            meeting.RecordAttendance(members.Select(m => (m.Id, m.Discipline)), user.RequiredId, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return meeting.Version;
        }
    }
}
