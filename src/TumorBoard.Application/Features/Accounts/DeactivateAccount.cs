using Mediator;
using Microsoft.AspNetCore.Identity;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Accounts;

/// <summary>Accounts are never deleted: deactivation stops sign-in and ends every cookie and token the account holds.</summary>
public static class DeactivateAccount
{
    [RequiresRole(Roles.Administrator)]
    public sealed record Command(Guid Id) : ICommand<Unit>;

    public sealed class Handler(TumorBoardDbContext db, UserManager<AppUser> users, ICurrentUser me) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(command.Id.ToString()) ?? throw NotFoundException.For("Account", command.Id);
            if (user.Id == me.Id) throw new DomainConflictException(new RuleText("Account.NotOwnDeactivation"));
            if (!user.IsActive) return Unit.Value;

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            user.IsActive = false;
            // Saves IsActive and renews the stamp: ActiveAccountMiddleware refuses the old cookie and token.
            (await users.UpdateSecurityStampAsync(user)).ThrowIfFailed("Id");
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }
}
