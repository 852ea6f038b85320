using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Scores;
using TumorBoard.Domain.Security;
using TumorBoard.Application.Common.Validation;

namespace TumorBoard.Application.Features.Decisions;

/// <summary>
/// Amends the current signed decision: a new draft version with the changed content and the reason, to be signed again by
/// a chair. The signed version is untouched until the amendment is signed; then it shows as superseded (DH-2, DH-5).
/// </summary>
public static class AmendDecision
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist)]
    public sealed record Command : ICommand<DecisionSaved>
    {
        /// <summary>The signed decision being amended.</summary>
        public Guid DecisionId { get; init; }
        [MultiLine]
        public string Reason { get; init; } = "";
        public DecisionContent Content { get; init; } = new();
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(BoardClock clock, TumorBoardDbContext db, RadiosensitivityTable table)
        {
            RuleFor(c => c.Reason).NotEmpty().WithText("GiveReasonAmendment").MaximumLength(BoardDecision.ReasonMaxLength);
            RuleFor(c => c.Content).NotNull().SetValidator(new DecisionContentValidator(clock));
            NomsConcordanceRule.Add(this, c => c.Content, (c, db) => db.Decisions.Where(d => d.Id == c.DecisionId).Select(d => d.CaseId), db, table);
        }
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock, RadiosensitivityTable table)
        : ICommandHandler<Command, DecisionSaved>
    {
        public async ValueTask<DecisionSaved> Handle(Command c, CancellationToken ct)
        {
            var signed = await DecisionAccess.LoadAsync(db, c.DecisionId, null, ct);
            if (signed.IsEmergencyPlan) await DecisionAccess.RequireEmergencyPlanAuthorAsync(db, user, ct);
            else
            {
                var meeting = await db.Meetings.FirstAsync(m => m.Id == signed.MeetingId, ct);
                await DecisionAccess.RequireEditorAsync(db, user, meeting, signed.CaseId, amendment: true, ct);
            }
            var status = await db.Cases.Where(x => x.Id == signed.CaseId).Select(x => x.Status).FirstAsync(ct);
            if (CaseStatuses.IsEnded(status))
                throw new DomainConflictException(new RuleText("Decision.CaseEndedNoAmend", RuleText.Name(status)));
            if (!OutcomeRules.MayAmend(signed.Outcome, c.Content.Outcome))
                throw new DomainConflictException(new RuleText("Decision.AmendOutcomeKind"));
            // Compared in the canonical form: the stored jsonb text comes back with its keys reordered and spaced.
            if (DecisionJson.Serialize(c.Content.Normalized()) == DecisionJson.Serialize(signed.Content))
                throw new DomainConflictException(new RuleText("Decision.AmendNoChange"));
            await DecisionAccess.RequireNoDraftAsync(db, signed.CaseId, ct);
            // Read the status again after the draft check: a draft (another amendment, a later discussion) signed in between
            // superseded this version, and an amendment of it could then never be signed nor make way for another draft.
            await db.Entry(signed).ReloadAsync(ct);
            var author = await DecisionAccess.MemberAsync(db, user, ct);
            var now = clock.UtcNow;
            var amendment = signed.StartAmendment(await DecisionAccess.NextNumberAsync(db, signed.CaseId, ct), c.Reason, author, now);
            var inputs = await DecisionAccess.InputsAsync(db, table, signed.CaseId, signed.AgendaItemId, c.Content, ct);
            // The board's suggestion and waivers stay those of the meeting the decision was made in.
            amendment.Revise(c.Content, inputs with { NomsSuggestionJson = signed.NomsSuggestionJson, Waivers = signed.Waivers }, author, now);
            db.Decisions.Add(amendment);
            return new DecisionSaved(await db.SaveChangesThenReadAsync(() => GetDecision.LoadAsync(db, amendment.Id, clock, ct), ct));
        }
    }
}
