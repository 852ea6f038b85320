using FluentValidation;
using Mediator;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Mscc;
using TumorBoard.Domain.Security;
using TumorBoard.Application.Common.Validation;

namespace TumorBoard.Application.Features.FastTrack;

/// <summary>
/// Gives the coded reason a pathway clock was breached (pathways.md §1.3): patient unfit, imaging capacity, patient
/// declined, transfer, or other with a text. Only a breached clock takes one; a newer reason supersedes and keeps the older.
/// </summary>
public static class ExplainBreach
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist)]
    public sealed record Command : ICommand<GetFastTrack.Result>
    {
        public Guid CaseId { get; init; }
        public MsccClockName? Clock { get; init; }
        public BreachReason? Reason { get; init; }
        [MultiLine]
        public string? Text { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Clock).NotNull().WithText("ChooseClock").IsInEnum();
            RuleFor(c => c.Reason).NotNull().WithText("ChooseWhyClockWasBreached").IsInEnum();
            RuleFor(c => c.Text).NotEmpty().When(c => c.Reason == BreachReason.Other).WithText("DescribeOtherReason");
            RuleFor(c => c.Text).MaximumLength(MsccBreachExplanation.TextMaxLength);
        }
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock) : ICommandHandler<Command, GetFastTrack.Result>
    {
        public async ValueTask<GetFastTrack.Result> Handle(Command c, CancellationToken ct)
        {
            var track = await db.MsccTracks.FindAsync([c.CaseId], ct);
            if (track is null) _ = await db.Cases.FindAsync([c.CaseId], ct) ?? throw NotFoundException.For("Case", c.CaseId);
            var found = track?.Clocks.FirstOrDefault(k => k.Name == c.Clock);
            if (found is null || found.StateAt(clock.UtcNow) != ClockState.Breached)
                throw new DomainConflictException(new RuleText("Mscc.NotBreached", c.Clock!.Value));
            db.MsccBreachExplanations.Add(new MsccBreachExplanation(c.CaseId, c.Clock!.Value, c.Reason!.Value, c.Text,
                user.RequiredId, await MsccActor.NameAsync(db, user, ct), clock.UtcNow));
            return await db.SaveChangesThenReadAsync(() => GetFastTrack.LoadAsync(db, clock, c.CaseId, ct), ct);
        }
    }
}
