using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Meetings;

public static class UpdateMeeting
{
    [RequiresRole(Roles.Coordinator)]
    public sealed record Command : MeetingFields, ICommand<GetMeeting.Result>
    {
        public Guid MeetingId { get; init; }
        /// <remarks>Not part of the API body: the version comes from If-Match.</remarks>
        [System.Text.Json.Serialization.JsonIgnore] public VersionMatch? ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(BoardClock clock, TumorBoardDbContext db) => Include(new MeetingFieldsValidator(clock, db));
    }

    /// <summary>Answers with the meeting as saved (read in the write's transaction, before it commits).</summary>
    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock, IOptions<BoardOptions> options)
        : ICommandHandler<Command, GetMeeting.Result>
    {
        public async ValueTask<GetMeeting.Result> Handle(Command c, CancellationToken ct)
        {
            if (c.ExpectedVersion is null) throw new VersionRequiredException();
            var meeting = await MeetingAccess.LoadForChangeAsync(db, c.MeetingId, c.ExpectedVersion, ct);
            meeting.Update(new MeetingPlan(c.Title, c.StartsAt!.Value, c.DurationMinutes, c.Location, c.VideoLink,
                c.ChairId!.Value, c.Capacity, c.SubmissionCutoff), user.RequiredId, clock.UtcNow);
            return await db.SaveChangesThenReadAsync(() => GetMeeting.LoadAsync(db, meeting.Id, clock, options.Value, ct), ct);
        }
    }
}
