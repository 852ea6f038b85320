using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Security;
using TumorBoard.Application.Common.Validation;

namespace TumorBoard.Application.Features.Decisions;

/// <summary>
/// An attending member's own position on a draft decision: agree, disagree (with the reason) or abstain
/// (practice.md (d)5). Only members recorded as present at the decision's meeting; a second call replaces their position
/// until the decision is signed, after which positions are final (a database trigger refuses changes).
/// </summary>
public static class RecordPosition
{
    [RequiresRole(Roles.Specialist, Roles.Clinician)]
    public sealed record Command : ICommand<DecisionSaved>
    {
        public Guid DecisionId { get; init; }
        /// <summary>Required: nothing is preselected, an omitted position is refused rather than taken as agreement.</summary>
        public PositionKind? Kind { get; init; }
        [MultiLine]
        public string? Text { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Kind).NotNull().WithText("ChooseYourPositionAgreeDisagreeAbstain").IsInEnum();
            RuleFor(c => c.Text).NotEmpty().When(c => c.Kind == PositionKind.Disagree)
                .WithText("SayWhyYouDisagree").MaximumLength(DecisionPosition.TextMaxLength);
        }
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock)
        : ICommandHandler<Command, DecisionSaved>
    {
        // Members answer at the same moment ("all agreed?"): a position that lost the race to another write on the draft is
        // taken again on a fresh read, as if it had arrived a moment later; a signature that won the race refuses it (409).
        public async ValueTask<DecisionSaved> Handle(Command c, CancellationToken ct) =>
            await DecisionAccess.RetryOnRaceAsync(db, async () =>
            {
                var decision = await DecisionAccess.LoadAsync(db, c.DecisionId, null, ct);
                var meeting = await db.Meetings.AsNoTracking().FirstAsync(m => m.Id == decision.MeetingId, ct);
                var me = await DecisionAccess.MemberAsync(db, user, ct);
                var attendee = meeting.Attendees.FirstOrDefault(a => a.UserId == me.Id)
                    ?? throw new ForbiddenException(new RuleText("Decision.PositionOnlyPresent"));
                decision.RecordPosition(me with { Discipline = attendee.Discipline ?? me.Discipline }, c.Kind!.Value, c.Text, clock.UtcNow);
                return new DecisionSaved(await db.SaveChangesThenReadAsync(() => GetDecision.LoadAsync(db, decision.Id, clock, ct), ct));
            });
    }
}
