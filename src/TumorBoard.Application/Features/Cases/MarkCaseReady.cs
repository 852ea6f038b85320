using Mediator;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Cases;

public static class MarkCaseReady
{
    [RequiresRole(Roles.Coordinator)]
    public sealed record Command(Guid CaseId) : ICommand<GetCase.Result>
    {
        /// <summary>Optional: when given, the case must still be at this version.</summary>
        public VersionMatch? ExpectedVersion { get; init; }
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock) : ICommandHandler<Command, GetCase.Result>
    {
        public async ValueTask<GetCase.Result> Handle(Command command, CancellationToken ct)
        {
            var tumorCase = await db.Cases.FindAsync([command.CaseId], ct) ?? throw NotFoundException.For("Case", command.CaseId);
            if (command.ExpectedVersion is { } v && !v.Matches(tumorCase.Version)) throw new StaleVersionException("case");
            tumorCase.MarkReady(user.RequiredId, clock.UtcNow);
            return await db.SaveChangesThenReadAsync(() => GetCase.LoadAsync(db, tumorCase.Id, ct), ct);
        }
    }
}
