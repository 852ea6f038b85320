using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.Security;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Validation;

namespace TumorBoard.Application.Features.Decisions;

/// <summary>
/// The chair waives a discipline's missing submitted assessment for one agenda item, with a reason (audited; practice.md
/// (d)6), so the board can decide without it. Only in the running meeting, only for a discipline that has none submitted.
/// </summary>
public static class WaiveAssessment
{
    [RequiresRole(Roles.Specialist)]
    public sealed record Command : ICommand<Guid>
    {
        public Guid MeetingId { get; init; }
        public Guid ItemId { get; init; }
        public Discipline Discipline { get; init; }
        [MultiLine]
        public string Reason { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Discipline).Must(d => Quorum.Required.Contains(d))
                .WithText("OnlyMedicalOncologyRadiationOncologyNeurosurgery");
            RuleFor(c => c.Reason).NotEmpty().WithText("GiveReasonWaiver").MaximumLength(AssessmentWaiver.ReasonMaxLength);
        }
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command c, CancellationToken ct)
        {
            var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == c.MeetingId, ct)
                ?? throw NotFoundException.For("Meeting", c.MeetingId);
            DecisionPreconditions.RequireChair(meeting, user.RequiredId);
            var item = DecisionAccess.Item(meeting, c.ItemId);
            if (meeting.Status != MeetingStatus.InProgress)
                throw new DomainConflictException(new RuleText("Waiver.MeetingNotRunning", meeting.Status));
            if (item.Status is not (AgendaItemStatus.Scheduled or AgendaItemStatus.Discussed))
                throw new DomainConflictException(new RuleText("Waiver.ItemStatus", item.Status));
            if (await db.Assessments.AnyAsync(a => a.CaseId == item.CaseId && a.Discipline == c.Discipline && a.SubmittedVersionNumber != null, ct))
                throw new DomainConflictException(new RuleText("Waiver.Submitted", c.Discipline));
            if (await db.AssessmentWaivers.AnyAsync(w => w.AgendaItemId == item.Id && w.Discipline == c.Discipline, ct))
                throw new DomainConflictException(new RuleText("Waiver.AlreadyWaived", c.Discipline));
            var waiver = new AssessmentWaiver(meeting.Id, item.Id, item.CaseId, c.Discipline, c.Reason,
                await DecisionAccess.MemberAsync(db, user, ct), clock.UtcNow);
            db.AssessmentWaivers.Add(waiver);
            await db.SaveChangesAsync(ct);
            return waiver.Id;
        }
    }
}
