using FluentValidation;
using Mediator;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Security;
using TumorBoard.Application.Features.Decisions;

namespace TumorBoard.Application.Features.FollowUps;

/// <summary>
/// What was actually done for one plan step of the current signed decision (practice.md (b)10, (b)13): implemented,
/// partially, not implemented (with a coded reason) or unknown. The responsible clinician or a coordinator records it;
/// records are appended, the latest per step is its status.
/// </summary>
public static class RecordFollowUp
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Command : ICommand<DecisionSaved>
    {
        public Guid DecisionId { get; init; }
        public int StepNumber { get; init; }
        /// <summary>Required: nullable so that a missing status is an error, never a silent "Implemented".</summary>
        public FollowUpStatus? Status { get; init; }
        public DeviationReason? Reason { get; init; }
        [MultiLine]
        public string? ReasonText { get; init; }
        [MultiLine]
        public string? Note { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.StepNumber).GreaterThanOrEqualTo(1).WithMessage("Name the plan step (1, 2, …).");
            RuleFor(c => c.Status).NotNull().WithMessage("Choose what happened to the step.").IsInEnum();
            RuleFor(c => c.Reason).NotNull().When(c => c.Status == FollowUpStatus.NotImplemented)
                .WithMessage("Say why the step was not implemented.").IsInEnum();
            RuleFor(c => c.Reason).Null().When(c => c.Status is FollowUpStatus.Implemented or FollowUpStatus.Unknown)
                .WithMessage("A reason is recorded only for a step not or partially implemented.");
            RuleFor(c => c.ReasonText).NotEmpty().When(c => c.Reason == DeviationReason.Other)
                .WithMessage("Describe the other reason.").MaximumLength(DecisionFollowUp.TextMaxLength);
            RuleFor(c => c.Note).MaximumLength(DecisionFollowUp.TextMaxLength);
        }
    }

    /// <summary>Answers with the decision as saved, the new follow-up in it.</summary>
    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock)
        : ICommandHandler<Command, DecisionSaved>
    {
        public async ValueTask<DecisionSaved> Handle(Command c, CancellationToken ct)
        {
            var decision = await DecisionAccess.LoadAsync(db, c.DecisionId, null, ct);
            if (!FollowUpReads.MayRecord(user, decision.ResponsibleClinicianId))
                throw new ForbiddenException("Only the responsible clinician or a coordinator records the follow-up of this decision.");
            decision.RecordFollowUp(c.StepNumber, c.Status!.Value, c.Reason, c.ReasonText, c.Note,
                await DecisionAccess.MemberAsync(db, user, ct), clock.UtcNow);
            return new DecisionSaved(await db.SaveChangesThenReadAsync(() => GetDecision.LoadAsync(db, decision.Id, clock, ct), ct));
        }
    }
}
