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

/// <summary>Takes a case off a planned meeting with a reason; the case returns to ReadyForBoard.</summary>
public static class RemoveCaseFromAgenda
{
    [RequiresRole(Roles.Coordinator)]
    public sealed record Command : ICommand<GetMeeting.Result>
    {
        public Guid MeetingId { get; init; }
        public Guid ItemId { get; init; }
        [MultiLine]
        public string Reason { get; init; } = "";
        public VersionMatch? ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().WithText("GiveReasonRemovingCase").MaximumLength(1000);
    }

    /// <summary>Answers with the meeting as saved (read in the write's transaction, before it commits).</summary>
    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock, IOptions<BoardOptions> options)
        : ICommandHandler<Command, GetMeeting.Result>
    {
        public async ValueTask<GetMeeting.Result> Handle(Command c, CancellationToken ct)
        {
            var meeting = await MeetingAccess.LoadForChangeAsync(db, c.MeetingId, c.ExpectedVersion, ct);
            var item = meeting.Agenda.FirstOrDefault(i => i.Id == c.ItemId) ?? throw NotFoundException.For("Agenda item", c.ItemId);
            var tumorCase = await MeetingAccess.CaseAsync(db, item.CaseId, ct);
            meeting.RemoveCase(item.Id, tumorCase, c.Reason, user.RequiredId, clock.UtcNow);
            return await db.SaveChangesThenReadAsync(() => GetMeeting.LoadAsync(db, meeting.Id, clock, options.Value, ct), ct);
        }
    }
}
