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

/// <summary>Marks a case on the agenda of a meeting in progress as discussed. The chair or a coordinator.</summary>
public static class MarkCaseDiscussed
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist)]
    public sealed record Command : ICommand<GetMeeting.Result>
    {
        public Guid MeetingId { get; init; }
        public Guid? ItemId { get; init; }
        public VersionMatch? ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ItemId).NotNull().WithText("NameAgendaItem");
        }
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock, IOptions<BoardOptions> options)
        : ICommandHandler<Command, GetMeeting.Result>
    {
        public ValueTask<GetMeeting.Result> Handle(Command c, CancellationToken ct) =>
            MeetingConduct.RunAsync(db, user, clock, options.Value, c.MeetingId, c.ExpectedVersion, async (meeting, actor, now) =>
            {
                var item = meeting.Agenda.FirstOrDefault(i => i.Id == c.ItemId) ?? throw NotFoundException.For("Agenda item", c.ItemId!);
                meeting.MarkDiscussed(item.Id, await MeetingAccess.CaseAsync(db, item.CaseId, ct), actor, now);
            }, ct);
    }
}
