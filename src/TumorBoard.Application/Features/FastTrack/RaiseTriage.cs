using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Mscc;
using TumorBoard.Domain.Security;
using TumorBoard.Application.Common.Validation;

namespace TumorBoard.Application.Features.FastTrack;

/// <summary>
/// The coordinator raises a case's triage above the derived class, with a reason (pathways.md §1.1): never lowers it.
/// The raise is kept on the case's track and audited; the clocks follow the class in force.
/// </summary>
public static class RaiseTriage
{
    [RequiresRole(Roles.Coordinator)]
    public sealed record Command : ICommand<GetFastTrack.Result>
    {
        public Guid CaseId { get; init; }
        /// <summary>Required: P2 or P1, above the class in force.</summary>
        public TriageLevel? Triage { get; init; }
        [MultiLine]
        public string Reason { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TumorBoardDbContext db)
        {
            RuleFor(c => c.Triage).NotNull().WithText("ChooseClassRaiseTriage").IsInEnum();
            RuleFor(c => c.Reason).NotEmpty().WithText("SayWhyTriageRaised").MaximumLength(MsccTrack.ReasonMaxLength);
            // "Raise, never lower" is the record's rule too (MsccTrack.Raise); checked here so the form shows it under the field.
            RuleFor(c => c.Triage).CustomAsync(async (to, context, ct) =>
                {
                    var now = await db.MsccTracks.AsNoTracking().Where(t => t.CaseId == context.InstanceToValidate.CaseId)
                        .Select(t => (TriageLevel?)t.Triage).FirstOrDefaultAsync(ct) ?? TriageLevel.Routine;
                    if (to <= now)
                        context.AddFailure(nameof(Command.Triage),
                            ValidationTexts.Format("Triage_OnlyRaised", DisplayWords.Of(now)));
                })
                .When(c => c.Triage is { } t && Enum.IsDefined(t));
        }
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock) : ICommandHandler<Command, GetFastTrack.Result>
    {
        public async ValueTask<GetFastTrack.Result> Handle(Command c, CancellationToken ct)
        {
            var tumorCase = await db.Cases.FindAsync([c.CaseId], ct) ?? throw NotFoundException.For("Case", c.CaseId);
            var track = await db.MsccTracks.FindAsync([c.CaseId], ct);
            if (track is null)
            {
                track = MsccTrack.Start(tumorCase.Id);
                db.MsccTracks.Add(track);
            }
            track.Raise(c.Triage!.Value, c.Reason, user.RequiredId, await MsccActor.NameAsync(db, user, ct), clock.UtcNow);
            return await db.SaveChangesThenReadAsync(() => GetFastTrack.LoadAsync(db, clock, c.CaseId, ct), ct);
        }
    }
}

static class MsccActor
{
    public static async Task<string> NameAsync(TumorBoardDbContext db, ICurrentUser user, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == user.RequiredId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? user.DisplayName ?? "";
}
