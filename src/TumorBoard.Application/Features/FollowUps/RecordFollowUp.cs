using FluentValidation;
using TumorBoard.Application.Common.Validation;
using Microsoft.EntityFrameworkCore;
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
        /// <summary>The board's local day the step was actually done (implemented or partially implemented only): not in the
        /// future, not before the board's decision.</summary>
        public DateOnly? PerformedOn { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TumorBoardDbContext db, BoardClock clock)
        {
            RuleFor(c => c.StepNumber).GreaterThanOrEqualTo(1).WithText("NamePlanStep12");
            RuleFor(c => c.Status).NotNull().WithText("ChooseWhatHappenedStep").IsInEnum();
            RuleFor(c => c.Reason).NotNull().When(c => c.Status == FollowUpStatus.NotImplemented)
                .WithText("SayWhyStepWasNotImplemented").IsInEnum();
            RuleFor(c => c.Reason).Null().When(c => c.Status is FollowUpStatus.Implemented or FollowUpStatus.Unknown)
                .WithText("ReasonRecordedOnlyStepNotPartially");
            RuleFor(c => c.ReasonText).NotEmpty().When(c => c.Reason == DeviationReason.Other)
                .WithText("DescribeOtherReason").MaximumLength(DecisionFollowUp.TextMaxLength);
            RuleFor(c => c.Note).MaximumLength(DecisionFollowUp.TextMaxLength);
            RuleFor(c => c.PerformedOn).Null().When(c => c.Status is FollowUpStatus.NotImplemented or FollowUpStatus.Unknown)
                .WithText("FollowUp_PerformedOnlyWhenDone");
            RuleFor(c => c.PerformedOn).Must(d => d is null || d >= ClinicalDates.Earliest)
                .WithText("FollowUp_PerformedOnRange", ClinicalDates.Show(ClinicalDates.Earliest));
            RuleFor(c => c.PerformedOn!.Value).LessThanOrEqualTo(_ => clock.Today).When(c => c.PerformedOn is not null)
                .OverridePropertyName(nameof(Command.PerformedOn))
                .WithText("FollowUp_PerformedOnFuture", _ => [ClinicalDates.Show(clock.Today)]);
            RuleFor(c => c.PerformedOn!.Value).CustomAsync(async (day, context, ct) =>
                {
                    if (await DecidedOnAsync(db, clock, context.InstanceToValidate.DecisionId, ct) is { } decided && day < decided)
                        context.AddFailure(nameof(Command.PerformedOn),
                            ValidationTexts.Format("FollowUp_PerformedBeforeDecision", ClinicalDates.Show(decided)));
                })
                .When(c => c.PerformedOn is not null && c.PerformedOn >= ClinicalDates.Earliest && c.PerformedOn <= clock.Today);
        }

        /// <summary>The board's local day of the decision this version carries on: the signature of the first version of
        /// its amendment chain (an amendment does not move the day the board decided); null when the decision is unknown.</summary>
        static async Task<DateOnly?> DecidedOnAsync(TumorBoardDbContext db, BoardClock clock, Guid decisionId, CancellationToken ct)
        {
            DateTimeOffset? decidedAt = null;
            Guid? id = decisionId;
            for (var hops = 0; id is { } current && hops < 100; hops++)
            {
                var d = await db.Decisions.AsNoTracking().Where(x => x.Id == current)
                    .Select(x => new { x.AmendsId, At = x.SignedAt ?? x.CreatedAt }).FirstOrDefaultAsync(ct);
                if (d is null) break;
                decidedAt = d.At;
                id = d.AmendsId;
            }
            return decidedAt is { } at ? clock.DateAt(at) : null;
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
                throw new ForbiddenException(new RuleText("FollowUp.OnlyClinicianOrCoordinator"));
            decision.RecordFollowUp(c.StepNumber, c.Status!.Value, c.Reason, c.ReasonText, c.Note,
                await DecisionAccess.MemberAsync(db, user, ct), clock.UtcNow, c.PerformedOn);
            return new DecisionSaved(await db.SaveChangesThenReadAsync(() => GetDecision.LoadAsync(db, decision.Id, clock, ct), ct));
        }
    }
}
