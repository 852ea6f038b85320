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
    public sealed record Command(Guid CaseId) : ICommand<uint>
    {
        /// <summary>Optional: when given, the case must still be at this version.</summary>
        public uint? ExpectedVersion { get; init; }
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, uint>
    {
        public async ValueTask<uint> Handle(Command command, CancellationToken ct)
        {
            var tumorCase = await db.Cases.FindAsync([command.CaseId], ct) ?? throw NotFoundException.For("Case", command.CaseId);
            if (command.ExpectedVersion is { } v && v != tumorCase.Version) throw new StaleVersionException("case");
            tumorCase.MarkReady(user.RequiredId, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return tumorCase.Version;
        }
    }
}
