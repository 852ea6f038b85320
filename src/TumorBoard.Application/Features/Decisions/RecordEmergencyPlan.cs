using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Mscc;
using TumorBoard.Domain.Scores;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Decisions;

/// <summary>
/// An emergency plan outside a meeting for a P1 case of the MSCC fast track (issue #14 part 1, pathways.md §1): a decision of
/// kind EmergencyPlan with the same content and validation as a board decision, written as a draft by a specialist in
/// neurosurgery or radiation oncology, then signed by both disciplines (<see cref="SignEmergencyPlan"/>). Only a case whose
/// triage in force is P1 gets one (409 otherwise); versions, amendments, history, FHIR and audit are a board decision's.
/// </summary>
public static class RecordEmergencyPlan
{
    [RequiresRole(Roles.Specialist)]
    public sealed record Command : ICommand<DecisionSaved>
    {
        public Guid CaseId { get; init; }
        public DecisionContent Content { get; init; } = new();
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(BoardClock clock, TumorBoardDbContext db, RadiosensitivityTable table)
        {
            RuleFor(c => c.Content).NotNull().SetValidator(new DecisionContentValidator(clock));
            NomsConcordanceRule.Add(this, c => c.Content, (c, db) => db.Cases.Where(x => x.Id == c.CaseId).Select(x => x.Id), db, table);
        }
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock, RadiosensitivityTable table)
        : ICommandHandler<Command, DecisionSaved>
    {
        public async ValueTask<DecisionSaved> Handle(Command c, CancellationToken ct)
        {
            var status = await db.Cases.Where(x => x.Id == c.CaseId).Select(x => (CaseStatus?)x.Status).FirstOrDefaultAsync(ct)
                ?? throw NotFoundException.For("Case", c.CaseId);
            var author = await DecisionAccess.RequireEmergencyPlanAuthorAsync(db, user, ct);
            if (CaseStatuses.IsEnded(status))
                throw new DomainConflictException(new RuleText("Emergency.CaseEnded", RuleText.Name(status)));
            var triage = await db.MsccTracks.Where(t => t.CaseId == c.CaseId).Select(t => (TriageLevel?)t.Triage).FirstOrDefaultAsync(ct)
                ?? TriageLevel.Routine;
            if (triage != TriageLevel.P1)
                throw new DomainConflictException(new RuleText("Emergency.OnlyP1", RuleText.Word(triage)));
            await DecisionAccess.RequireNoDraftAsync(db, c.CaseId, ct);
            var inputs = await DecisionAccess.InputsAsync(db, table, c.CaseId, null, c.Content, ct);
            var plan = BoardDecision.RecordEmergencyPlan(c.CaseId, await DecisionAccess.NextNumberAsync(db, c.CaseId, ct), c.Content, inputs,
                author, clock.UtcNow);
            db.Decisions.Add(plan);
            return new DecisionSaved(await db.SaveChangesThenReadAsync(() => GetDecision.LoadAsync(db, plan.Id, clock, ct), ct));
        }
    }
}
