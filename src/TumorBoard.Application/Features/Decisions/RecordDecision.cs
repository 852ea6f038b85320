using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Scores;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Decisions;

/// <summary>
/// A decision version as saved, read in the write's own transaction before it commits (so an answer that fails leaves
/// nothing saved): its id, its number for the case, its row version (ETag) and the whole view the API answers with.
/// Not an <see cref="Common.Audit.ICaseReadResult"/>: writing a decision is not recorded as reading it.
/// </summary>
public sealed record DecisionSaved(DecisionView View)
{
    public Guid Id => View.Id;
    public int Number => View.Number;
    public uint Version => View.Version;
}

/// <summary>
/// Records the board's decision for a case on the agenda of a running meeting, as a draft for positions and the chair's
/// signature. The meeting's chair or a coordinator writes it; every precondition is checked (409 naming what is unmet).
/// </summary>
public static class RecordDecision
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist)]
    public sealed record Command : ICommand<DecisionSaved>
    {
        public Guid MeetingId { get; init; }
        public Guid ItemId { get; init; }
        public DecisionContent Content { get; init; } = new();
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(BoardClock clock, TumorBoardDbContext db, RadiosensitivityTable table)
        {
            RuleFor(c => c.Content).NotNull().SetValidator(new DecisionContentValidator(clock));
            NomsConcordanceRule.Add(this, c => c.Content,
                (c, db) => db.AgendaItems.Where(i => i.Id == c.ItemId && i.MeetingId == c.MeetingId).Select(i => i.CaseId), db, table);
        }
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock, RadiosensitivityTable table)
        : ICommandHandler<Command, DecisionSaved>
    {
        public async ValueTask<DecisionSaved> Handle(Command c, CancellationToken ct)
        {
            var meeting = await MeetingAccess.LoadForChangeAsync(db, c.MeetingId, null, ct);
            MeetingAccess.RequireCoordinatorOrChair(user, meeting);
            var item = DecisionAccess.Item(meeting, c.ItemId);
            await DecisionAccess.RequirePreconditionsAsync(db, meeting, item, ct);
            await DecisionAccess.RequireNoDraftAsync(db, item.CaseId, ct);
            var inputs = await DecisionAccess.InputsAsync(db, table, item.CaseId, item.Id, c.Content, ct);
            var author = await DecisionAccess.MemberAsync(db, user, ct);
            var decision = BoardDecision.Record(new DecisionTarget(item.CaseId, meeting.Id, item.Id),
                await DecisionAccess.NextNumberAsync(db, item.CaseId, ct), c.Content, inputs, author, clock.UtcNow);
            db.Decisions.Add(decision);
            return new DecisionSaved(await db.SaveChangesThenReadAsync(() => GetDecision.LoadAsync(db, decision.Id, clock, ct), ct));
        }
    }
}
