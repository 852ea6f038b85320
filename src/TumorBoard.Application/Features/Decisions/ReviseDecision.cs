using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Scores;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Decisions;

/// <summary>Changes a draft decision (never a signed one: that is an amendment). The version (If-Match) is required.</summary>
public static class ReviseDecision
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist)]
    public sealed record Command : ICommand<DecisionSaved>
    {
        public Guid DecisionId { get; init; }
        public DecisionContent Content { get; init; } = new();
        public VersionMatch? ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(BoardClock clock, TumorBoardDbContext db, RadiosensitivityTable table)
        {
            RuleFor(c => c.Content).NotNull().SetValidator(new DecisionContentValidator(clock));
            NomsConcordanceRule.Add(this, c => c.Content, (c, db) => db.Decisions.Where(d => d.Id == c.DecisionId).Select(d => d.CaseId), db, table);
        }
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock, RadiosensitivityTable table)
        : ICommandHandler<Command, DecisionSaved>
    {
        public async ValueTask<DecisionSaved> Handle(Command c, CancellationToken ct)
        {
            if (c.ExpectedVersion is null) throw new VersionRequiredException();
            var decision = await DecisionAccess.LoadAsync(db, c.DecisionId, c.ExpectedVersion, ct);
            if (decision.IsEmergencyPlan)
            {
                await DecisionAccess.RequireEmergencyPlanAuthorAsync(db, user, ct);
                if (decision.Status == DecisionStatus.Draft && decision.EmergencySignatures.Count > 0)
                    throw new DomainConflictException(new RuleText("Emergency.SignedContent", decision.EmergencySignatures[0].Discipline));
            }
            else
            {
                var meeting = await db.Meetings.FirstAsync(m => m.Id == decision.MeetingId, ct);
                await DecisionAccess.RequireEditorAsync(db, user, meeting, decision.CaseId, decision.IsAmendment, ct);
                if (!decision.IsAmendment && decision.Status == DecisionStatus.Draft)
                    await DecisionAccess.RequirePreconditionsAsync(db, meeting, DecisionAccess.Item(meeting, decision.AgendaItemId!.Value), ct);
            }
            var inputs = await DecisionAccess.InputsAsync(db, table, decision.CaseId, decision.AgendaItemId, c.Content, ct);
            decision.Revise(c.Content, decision.IsAmendment ? inputs with { NomsSuggestionJson = decision.NomsSuggestionJson, Waivers = decision.Waivers } : inputs,
                await DecisionAccess.MemberAsync(db, user, ct), clock.UtcNow);
            return new DecisionSaved(await db.SaveChangesThenReadAsync(() => GetDecision.LoadAsync(db, decision.Id, clock, ct), ct));
        }
    }
}
