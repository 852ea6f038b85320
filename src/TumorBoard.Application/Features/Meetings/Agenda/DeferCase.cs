using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Security;
using TumorBoard.Application.Common.Validation;

namespace TumorBoard.Application.Features.Meetings.Agenda;

/// <summary>
/// Defers a case on the agenda of a meeting in progress, with the reason: the case returns to ReadyForBoard to be listed
/// again. The chair or a coordinator.
/// </summary>
public static class DeferCase
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist)]
    public sealed record Command : ICommand<GetMeeting.Result>
    {
        public Guid MeetingId { get; init; }
        public Guid? ItemId { get; init; }
        [MultiLine]
        public string? Reason { get; init; }
        public VersionMatch? ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ItemId).NotNull().WithText("NameAgendaItem");
            RuleFor(c => c.Reason).NotEmpty().WithText("GiveReason");
            RuleFor(c => c.Reason).MaximumLength(1000);
        }
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock, IOptions<BoardOptions> options)
        : ICommandHandler<Command, GetMeeting.Result>
    {
        public ValueTask<GetMeeting.Result> Handle(Command c, CancellationToken ct) =>
            MeetingConduct.RunAsync(db, user, clock, options.Value, c.MeetingId, c.ExpectedVersion, async (meeting, actor, now) =>
            {
                var item = meeting.Agenda.FirstOrDefault(i => i.Id == c.ItemId) ?? throw NotFoundException.For("Agenda item", c.ItemId!);
                meeting.Defer(item.Id, await MeetingAccess.CaseAsync(db, item.CaseId, ct), c.Reason!, actor, now);
            }, ct);
    }
}
