using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Security;
using TumorBoard.Application.Common.Validation;

namespace TumorBoard.Application.Features.Meetings.Agenda;

public static class SetAgendaMinutes
{
    [RequiresRole(Roles.Coordinator)]
    public sealed record Command : ICommand<GetMeeting.Result>
    {
        public Guid MeetingId { get; init; }
        public Guid ItemId { get; init; }
        public int? Minutes { get; init; }
        public VersionMatch? ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Minutes).InclusiveBetween(1, 120).WithText("MinutesPerCaseAre1120");
    }

    /// <summary>Answers with the meeting as saved (read in the write's transaction, before it commits).</summary>
    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock, IOptions<BoardOptions> options)
        : ICommandHandler<Command, GetMeeting.Result>
    {
        public async ValueTask<GetMeeting.Result> Handle(Command c, CancellationToken ct)
        {
            var meeting = await MeetingAccess.LoadForChangeAsync(db, c.MeetingId, c.ExpectedVersion, ct);
            meeting.SetMinutes(c.ItemId, c.Minutes, user.RequiredId, clock.UtcNow);
            return await db.SaveChangesThenReadAsync(() => GetMeeting.LoadAsync(db, meeting.Id, clock, options.Value, ct), ct);
        }
    }
}
