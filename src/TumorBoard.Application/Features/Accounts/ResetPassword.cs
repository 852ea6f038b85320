using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Accounts;

/// <summary>An administrator sets a new password (the person forgot theirs); the account is unlocked and signed out everywhere.</summary>
public static class ResetPassword
{
    [RequiresRole(Roles.Administrator)]
    public sealed record Command : ICommand<Unit>
    {
        [JsonIgnore] public Guid Id { get; init; }
        public string NewPassword { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(UserManager<AppUser> users) =>
            RuleFor(c => c.NewPassword).IdentityPassword(users, c => users.FindByIdAsync(c.Id.ToString()));
    }

    public sealed class Handler(TumorBoardDbContext db, UserManager<AppUser> users) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(command.Id.ToString()) ?? throw NotFoundException.For("Account", command.Id);

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // RemovePassword renews the security stamp, so existing cookies and tokens stop working.
            (await users.RemovePasswordAsync(user)).ThrowIfFailed(nameof(Command.NewPassword));
            (await users.AddPasswordAsync(user, command.NewPassword)).ThrowIfFailed(nameof(Command.NewPassword));
            (await users.SetLockoutEndDateAsync(user, null)).ThrowIfFailed(nameof(Command.NewPassword));
            (await users.ResetAccessFailedCountAsync(user)).ThrowIfFailed(nameof(Command.NewPassword));
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }
}
