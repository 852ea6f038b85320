using Mediator;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Meetings;

/// <summary>Opens a planned meeting (its agenda is then fixed). The chair or a coordinator.</summary>
public static class StartMeeting
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist)]
    public sealed record Command : ICommand<GetMeeting.Result>
    {
        public Guid MeetingId { get; init; }
        public VersionMatch? ExpectedVersion { get; init; }
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock, IOptions<BoardOptions> options)
        : ICommandHandler<Command, GetMeeting.Result>
    {
        /// <summary>Started more than a day early: started, and answered with the warning (<see cref="GetMeeting.Result.Warnings"/>).</summary>
        public async ValueTask<GetMeeting.Result> Handle(Command c, CancellationToken ct)
        {
            string? early = null;
            var started = await MeetingConduct.RunAsync(db, user, clock, options.Value, c.MeetingId, c.ExpectedVersion, (meeting, actor, now) =>
            {
                meeting.Start(actor, now);
                early = EarlyStart.Warning(meeting.StartsAt, now, PlannedStart(meeting.StartsAt));
                return Task.CompletedTask;
            }, ct);
            return early is null ? started : started with { Warnings = [early] };
        }

        string PlannedStart(DateTimeOffset startsAt) =>
            TimeZoneInfo.ConvertTime(startsAt, clock.Zone).ToString("ddd yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)
            + $" ({clock.Zone.Id})";
    }
}
