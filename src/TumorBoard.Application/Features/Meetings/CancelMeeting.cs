using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Security;
using TumorBoard.Application.Common.Validation;

namespace TumorBoard.Application.Features.Meetings;

/// <summary>Cancels a planned meeting, with the reason; its cases return to ReadyForBoard. The coordinator's alone.</summary>
public static class CancelMeeting
{
    [RequiresRole(Roles.Coordinator)]
    public sealed record Command : ICommand<GetMeeting.Result>
    {
        public Guid MeetingId { get; init; }
        [MultiLine]
        public string? Reason { get; init; }
        public VersionMatch? ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).NotEmpty().WithText("GiveReason");
            RuleFor(c => c.Reason).MaximumLength(1000);
        }
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock, IOptions<BoardOptions> options)
        : ICommandHandler<Command, GetMeeting.Result>
    {
        public ValueTask<GetMeeting.Result> Handle(Command c, CancellationToken ct) =>
            MeetingConduct.RunAsync(db, user, clock, options.Value, c.MeetingId, c.ExpectedVersion, async (meeting, actor, now) =>
                meeting.Cancel(c.Reason!, await MeetingAccess.CasesOnAgendaAsync(db, meeting, ct), actor, now), ct);
    }
}
