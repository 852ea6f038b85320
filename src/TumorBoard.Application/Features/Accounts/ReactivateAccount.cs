using Mediator;
using Microsoft.AspNetCore.Identity;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Accounts;

public static class ReactivateAccount
{
    [RequiresRole(Roles.Administrator)]
    public sealed record Command(Guid Id) : ICommand<Unit>;

    public sealed class Handler(TumorBoardDbContext db, UserManager<AppUser> users) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(command.Id.ToString()) ?? throw NotFoundException.For("Account", command.Id);
            if (user.IsActive) return Unit.Value;

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            user.IsActive = true;
            (await users.UpdateAsync(user)).ThrowIfFailed("Id");
            (await users.ResetAccessFailedCountAsync(user)).ThrowIfFailed("Id");
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }
}
