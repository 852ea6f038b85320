using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.Security;
using TumorBoard.Application.Common.Validation;

namespace TumorBoard.Application.Features.Decisions;

/// <summary>
/// The chair signs a draft decision after re-entering the password (DH-3, DH-4, DH-7). A decision made in a meeting is
/// signed by that meeting's chair with every precondition met; what signing does to the case is the outcome's row in
/// <see cref="DecisionOutcomeRules"/>: the case becomes Decided and its assessments lock, or, when the board asked for more
/// information, the case is re-listed on the next planned meeting with room. An amendment is
/// signed by the chair of the meeting that made the amended decision, or by the chair of a running meeting with the case on its
/// agenda (<see cref="DecisionPreconditions.MayApproveAmendment"/>), and supersedes the version it amends. The previous current decision is superseded in the same
/// transaction; the database's one-current-decision index settles any race (409).
/// </summary>
public static class SignDecision
{
    [RequiresRole(Roles.Specialist)]
    public sealed record Command : ICommand<DecisionSaved>
    {
        public Guid DecisionId { get; init; }
        public string Password { get; init; } = "";
        /// <summary>Optional: the draft version the chair read (If-Match); when given it must still be current (412).</summary>
        public VersionMatch? ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Password).NotEmpty().WithText("ReEnterYourPasswordSign");
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock, ISignatureCheck signatures)
        : ICommandHandler<Command, DecisionSaved>
    {
        public async ValueTask<DecisionSaved> Handle(Command c, CancellationToken ct)
        {
            // First, before anything is tracked: a failed attempt is saved (lockout counting) by the check itself.
            if (!await signatures.PasswordMatchesAsync(user.RequiredId, c.Password, ct))
                throw new ValidationException([new ValidationFailure(nameof(Command.Password), ValidationTexts.Get("Sign_PasswordIncorrect"))]);

            var decision = await DecisionAccess.LoadAsync(db, c.DecisionId, c.ExpectedVersion, ct);
            if (decision.IsEmergencyPlan)
                throw new DomainConflictException(new RuleText("Decision.EmergencyNotByChair"));
            if (decision.Status != DecisionStatus.Draft)
                throw new DomainConflictException(new RuleText("Decision.AlreadySigned", decision.Number, decision.Status));
            var loaded = decision.Version;
            try
            {
                return await SignAsync(decision, ct);
            }
            catch (Exception e) when (e is DomainConflictException or DbUpdateException and not DbUpdateConcurrencyException)
            {
                // Refused by state that a request committing after the load produced (another signature of this very draft,
                // met as a domain rule, a unique index or a guard trigger): the same lost race as a stale version a moment
                // later, so the same answer — 412 with a precondition, 409 without.
                var stored = await db.Decisions.AsNoTracking().Where(d => d.Id == decision.Id).Select(d => d.Version).FirstAsync(ct);
                if (stored == loaded) throw;
                if (c.ExpectedVersion is not null) throw new StaleVersionException("decision");
                throw new DomainConflictException(new RuleText("Decision.SignRace", decision.Number));
            }
        }

        async Task<DecisionSaved> SignAsync(BoardDecision decision, CancellationToken ct)
        {
            var meeting = await db.Meetings.FirstAsync(m => m.Id == decision.MeetingId!.Value, ct);
            var chair = await DecisionAccess.MemberAsync(db, user, ct);
            var current = await db.Decisions.FirstOrDefaultAsync(d => d.CaseId == decision.CaseId && d.Status == DecisionStatus.Signed, ct);
            TumorBoardCase? tumorCase = null;
            if (decision.IsAmendment)
            {
                await DecisionAccess.RequireAmendmentApproverAsync(db, chair.Id, meeting, decision.CaseId, "sign", ct);
                if (current?.Id != decision.AmendsId)
                    throw new DomainConflictException(new RuleText("Decision.AmendedNoLongerCurrent"));
            }
            else
            {
                DecisionPreconditions.RequireChair(meeting, chair.Id);
                await DecisionAccess.RequirePreconditionsAsync(db, meeting, DecisionAccess.Item(meeting, decision.AgendaItemId!.Value), ct);
                tumorCase = await db.Cases.FirstAsync(x => x.Id == decision.CaseId, ct);
            }

            var now = clock.UtcNow;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (current is not null)
            {
                // Superseded first, so the unique "one signed decision per case" index holds at every statement.
                current.SupersedeBy(decision, now);
                await db.SaveChangesAsync(ct);
            }
            decision.Sign(chair, now);
            if (tumorCase is not null)
            {
                var rules = DecisionOutcomeRules.For(decision.Outcome);
                meeting.RecordDecision(decision.AgendaItemId!.Value, tumorCase, rules.RelistsCase, chair.Id, now);
                if (rules.RelistsCase) await RelistAsync(meeting, tumorCase, decision, chair.Id, now, ct);
                if (rules.LocksAssessments)
                    foreach (var assessment in await db.Assessments.Where(a => a.CaseId == tumorCase.Id).ToListAsync(ct))
                        assessment.Lock(now);
            }
            await db.SaveChangesAsync(ct);
            var saved = await GetDecision.LoadAsync(db, decision.Id, clock, ct);
            await tx.CommitAsync(ct);
            return new DecisionSaved(saved);
        }

        /// <summary>An outcome that re-lists ("more information needed"): the case goes onto the next planned meeting with room (practice.md (d)11).</summary>
        async Task RelistAsync(Meeting current, TumorBoardCase tumorCase, BoardDecision decision, Guid actor, DateTimeOffset now, CancellationToken ct)
        {
            var next = await db.Meetings
                .Where(m => m.Status == MeetingStatus.Planned && m.StartsAt > current.StartsAt && m.AgendaCount < m.Capacity)
                .OrderBy(m => m.StartsAt).FirstOrDefaultAsync(ct);
            if (next is null) return;   // stays ReadyForBoard: the coordinator's dashboard lists it to schedule
            var needed = string.Join(", ", decision.Content.InformationNeeded).ToLowerInvariant();
            next.AddCase(tumorCase, $"Re-listed by the board: more information needed ({needed})", actor, now);
        }
    }
}
