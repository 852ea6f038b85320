using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Security;
using TumorBoard.Application.Common.Validation;

namespace TumorBoard.Application.Features.Meetings.Agenda;

/// <summary>Sets the whole agenda order (API), or moves one item up or down (the pages' buttons).</summary>
public static class ReorderAgenda
{
    [RequiresRole(Roles.Coordinator)]
    public sealed record Command : ICommand<GetMeeting.Result>
    {
        public Guid MeetingId { get; init; }
        /// <summary>Every active agenda item, in the new order.</summary>
        public List<Guid>? ItemIds { get; init; }
        /// <summary>Or: one item and a step (-1 up, +1 down).</summary>
        public Guid? ItemId { get; init; }
        public int? Offset { get; init; }
        public VersionMatch? ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c).Must(c => (c.ItemIds is { Count: > 0 }) ^ (c.ItemId is not null && c.Offset is not null))
                .OverridePropertyName("ItemIds").WithText("SendEitherFullOrderItemIdsOne");
            RuleFor(c => c.Offset).InclusiveBetween(-100, 100);
        }
    }

    /// <summary>Answers with the meeting as saved (read in the write's transaction, before it commits).</summary>
    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock, IOptions<BoardOptions> options)
        : ICommandHandler<Command, GetMeeting.Result>
    {
        public async ValueTask<GetMeeting.Result> Handle(Command c, CancellationToken ct)
        {
            var meeting = await MeetingAccess.LoadForChangeAsync(db, c.MeetingId, c.ExpectedVersion, ct);
            if (c.ItemIds is { Count: > 0 } order) meeting.Reorder(order, user.RequiredId, clock.UtcNow);
            else meeting.Move(c.ItemId!.Value, c.Offset!.Value, user.RequiredId, clock.UtcNow);
            return await db.SaveChangesThenReadAsync(() => GetMeeting.LoadAsync(db, meeting.Id, clock, options.Value, ct), ct);
        }
    }
}
