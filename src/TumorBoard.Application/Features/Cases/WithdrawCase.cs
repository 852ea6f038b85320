using FluentValidation;
using Mediator;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Security;
using TumorBoard.Application.Common.Validation;

namespace TumorBoard.Application.Features.Cases;

public static class WithdrawCase
{
    [RequiresRole(Roles.Coordinator)]
    public sealed record Command : ICommand<GetCase.Result>
    {
        public Guid CaseId { get; init; }
        [MultiLine]
        public string Reason { get; init; } = "";
        public VersionMatch? ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).NotEmpty().WithText("GiveReasonWithdrawingCase").MaximumLength(1000);
        }
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock) : ICommandHandler<Command, GetCase.Result>
    {
        public async ValueTask<GetCase.Result> Handle(Command command, CancellationToken ct)
        {
            var tumorCase = await db.Cases.FindAsync([command.CaseId], ct) ?? throw NotFoundException.For("Case", command.CaseId);
            if (command.ExpectedVersion is { } v && !v.Matches(tumorCase.Version)) throw new StaleVersionException("case");
            tumorCase.Withdraw(command.Reason, user.RequiredId, clock.UtcNow);
            return await db.SaveChangesThenReadAsync(() => GetCase.LoadAsync(db, tumorCase.Id, ct), ct);
        }
    }
}
