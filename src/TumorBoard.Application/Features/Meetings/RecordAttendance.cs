using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Security;
using TumorBoard.Application.Common.Validation;

namespace TumorBoard.Application.Features.Meetings;

/// <summary>The chair or a coordinator records who is present; each member counts for their discipline.</summary>
public static class RecordAttendance
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist)]
    public sealed record Command : ICommand<GetMeeting.Result>
    {
        public Guid MeetingId { get; init; }
        public List<Guid> PresentUserIds { get; init; } = [];
        public VersionMatch? ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TumorBoardDbContext db)
        {
            RuleFor(c => c.PresentUserIds).Must(ids => ids.Count <= 100).WithText("AtMost100Attendees")
                .MustAsync(async (ids, ct) => await db.Users.CountAsync(u => ids.Contains(u.Id) && u.IsActive, ct) == ids.Distinct().Count())
                .WithText("EveryAttendeeActiveMember");
        }
    }

    /// <summary>Answers with the meeting as saved (read in the write's transaction, before it commits).</summary>
    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock, IOptions<BoardOptions> options)
        : ICommandHandler<Command, GetMeeting.Result>
    {
        public async ValueTask<GetMeeting.Result> Handle(Command c, CancellationToken ct)
        {
            var meeting = await MeetingAccess.LoadForChangeAsync(db, c.MeetingId, c.ExpectedVersion, ct);
            MeetingAccess.RequireCoordinatorOrChair(user, meeting);
            var members = await db.Users.Where(u => c.PresentUserIds.Contains(u.Id)).Select(u => new { u.Id, u.Discipline }).ToListAsync(ct);
            meeting.RecordAttendance(members.Select(m => (m.Id, m.Discipline)), user.RequiredId, clock.UtcNow);
            return await db.SaveChangesThenReadAsync(() => GetMeeting.LoadAsync(db, meeting.Id, clock, options.Value, ct), ct);
        }
    }
}
