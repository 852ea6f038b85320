using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Mscc;
using TumorBoard.Domain.Security;
using TumorBoard.Application.Common.Validation;

namespace TumorBoard.Application.Features.Decisions;

/// <summary>
/// One discipline's signature of an emergency plan outside a meeting (issue #14 part 1: "agreed by at least a neurosurgeon and
/// a radiation oncologist (named, both signing with password re-entry)"). The signer re-enters the password (400 on
/// <c>password</c>, as the chair's signature) and must hold the discipline signed for (403). A second signature for the same
/// discipline or by the same person is 409; the database's unique indexes settle two people signing at once. With both
/// signatures the plan is signed like a board decision: it supersedes the current signed version, the P1 plan clock stops
/// (MsccRefresh reads the signature time) and the case is put on the next meeting with room for the board's review.
/// </summary>
public static class SignEmergencyPlan
{
    [RequiresRole(Roles.Specialist)]
    public sealed record Command : ICommand<DecisionSaved>
    {
        public Guid DecisionId { get; init; }
        /// <summary>Neurosurgery or RadiationOncology: the discipline the signer signs for (their own).</summary>
        public Discipline? Discipline { get; init; }
        public string Password { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Discipline).NotNull().WithText("ChooseDisciplineYouSign")
                .Must(d => d is null || EmergencySignature.Disciplines.Contains(d.Value))
                .WithText("EmergencyPlanSignedNeurosurgeryRadiationOncology");
            RuleFor(c => c.Password).NotEmpty().WithText("ReEnterYourPasswordSign");
        }
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock, ISignatureCheck signatures)
        : ICommandHandler<Command, DecisionSaved>
    {
        public async ValueTask<DecisionSaved> Handle(Command c, CancellationToken ct)
        {
            // First, before anything is tracked: a failed attempt is saved (lockout counting) by the check itself.
            if (!await signatures.PasswordMatchesAsync(user.RequiredId, c.Password, ct))
                throw new ValidationException([new ValidationFailure(nameof(Command.Password), ValidationTexts.Get("Sign_PasswordIncorrect"))]);
            // The other discipline signing at the same moment changes the same draft (xmin): run again from a fresh read, which
            // then sees that signature. The same discipline or person twice is refused by the domain or the unique indexes.
            return await DecisionAccess.RetryOnRaceAsync(db, () => SignAsync(c, ct));
        }

        async Task<DecisionSaved> SignAsync(Command c, CancellationToken ct)
        {
            var plan = await DecisionAccess.LoadAsync(db, c.DecisionId, null, ct);
            if (!plan.IsEmergencyPlan)
                throw new DomainConflictException(new RuleText("Emergency.MadeInMeeting", plan.Number));
            var signer = await DecisionAccess.MemberAsync(db, user, ct);
            var now = clock.UtcNow;
            plan.SignAsEmergencyPlan(signer, c.Discipline!.Value, now);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (plan.Status == DecisionStatus.Signed)
            {
                var current = await db.Decisions.FirstOrDefaultAsync(d => d.CaseId == plan.CaseId && d.Status == DecisionStatus.Signed, ct);
                if (plan.IsAmendment && current?.Id != plan.AmendsId)
                    throw new DomainConflictException(new RuleText("Decision.AmendedNoLongerCurrent"));
                if (current is not null)
                {
                    // Superseded first, so the unique "one signed decision per case" index holds at every statement.
                    current.SupersedeBy(plan, now);
                    await db.SaveChangesAsync(ct);
                }
                await ListForReviewAsync(plan, signer.Id, now, ct);
            }
            await db.SaveChangesAsync(ct);
            var saved = await GetDecision.LoadAsync(db, plan.Id, clock, ct);
            await tx.CommitAsync(ct);
            return new DecisionSaved(saved);
        }

        /// <summary>
        /// "Later reviewed at the next board (listed automatically)": the case goes on the earliest planned meeting with room,
        /// whatever its cut-off (a P1 case needs no late reason, <see cref="Domain.Meetings.Meeting.AddCase"/>), the same rule
        /// and write as scheduling it by hand. A case already on an agenda stays there; a case not ready for the board
        /// (a draft, or decided before) stays for the coordinator, whose dashboard lists it.
        /// </summary>
        async Task ListForReviewAsync(BoardDecision plan, Guid actor, DateTimeOffset now, CancellationToken ct)
        {
            var tumorCase = await db.Cases.FirstAsync(x => x.Id == plan.CaseId, ct);
            if (tumorCase.Status != CaseStatus.ReadyForBoard) return;
            var next = await NextMeetingWithRoom.FindAsync(db, Urgency.Urgent, now, ct);
            if (next is null) return;
            var meeting = await MeetingAccess.LoadForChangeAsync(db, next.Id, null, ct);
            meeting.AddCase(tumorCase, $"Review of the emergency plan outside a meeting (decision version {plan.Number})", actor, now, TriageLevel.P1);
        }
    }
}
