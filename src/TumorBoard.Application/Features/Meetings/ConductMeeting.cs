using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Meetings;

public enum MeetingStep { Start, MarkDiscussed, Defer, Close, Cancel }

/// <summary>
/// Running the meeting: start it, mark a case discussed, defer a case (it returns to ReadyForBoard to be listed
/// again), close it (every case handled), or cancel a planned one. The chair or a coordinator; cancelling is the
/// coordinator's alone.
/// </summary>
public static class ConductMeeting
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist)]
    public sealed record Command : ICommand<GetMeeting.Result>
    {
        public Guid MeetingId { get; init; }
        public MeetingStep Step { get; init; }
        public Guid? ItemId { get; init; }
        [MultiLine]
        public string? Reason { get; init; }
        public VersionMatch? ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Step).IsInEnum();
            RuleFor(c => c.ItemId).NotNull().When(c => c.Step is MeetingStep.MarkDiscussed or MeetingStep.Defer)
                .WithMessage("Name the agenda item.");
            RuleFor(c => c.Reason).NotEmpty().When(c => c.Step is MeetingStep.Defer or MeetingStep.Cancel)
                .WithMessage("Give the reason.");
            RuleFor(c => c.Reason).MaximumLength(1000);
        }
    }

    /// <summary>Answers with the meeting as saved (read in the write's transaction, before it commits).</summary>
    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock, IOptions<BoardOptions> options)
        : ICommandHandler<Command, GetMeeting.Result>
    {
        public async ValueTask<GetMeeting.Result> Handle(Command c, CancellationToken ct)
        {
            var meeting = await MeetingAccess.LoadForChangeAsync(db, c.MeetingId, c.ExpectedVersion, ct);
            if (c.Step == MeetingStep.Cancel && !user.IsInRole(Roles.Coordinator))
                throw new ForbiddenException("Only a coordinator may cancel a meeting.");
            MeetingAccess.RequireCoordinatorOrChair(user, meeting);
            var (actor, now) = (user.RequiredId, clock.UtcNow);
            switch (c.Step)
            {
                case MeetingStep.Start: meeting.Start(actor, now); break;
                case MeetingStep.Close: meeting.Close(actor, now); break;
                case MeetingStep.Cancel:
                    meeting.Cancel(c.Reason!, await MeetingAccess.CasesOnAgendaAsync(db, meeting, ct), actor, now); break;
                default:
                    var item = meeting.Agenda.FirstOrDefault(i => i.Id == c.ItemId) ?? throw NotFoundException.For("Agenda item", c.ItemId!);
                    var tumorCase = await MeetingAccess.CaseAsync(db, item.CaseId, ct);
                    if (c.Step == MeetingStep.Defer) meeting.Defer(item.Id, tumorCase, c.Reason!, actor, now);
                    else meeting.MarkDiscussed(item.Id, tumorCase, actor, now);
                    break;
            }
            return await db.SaveChangesThenReadAsync(() => GetMeeting.LoadAsync(db, meeting.Id, clock, options.Value, ct), ct);
        }
    }
}
