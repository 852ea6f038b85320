using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Accounts;

public static class UpdateAccount
{
    [RequiresRole(Domain.Security.Roles.Administrator)]
    public sealed record Command : ICommand<GetAccount.Result>, IAccountFields
    {
        /// <summary>From the route (API) or the page's hidden field.</summary>
        [JsonIgnore] public Guid Id { get; init; }
        public string DisplayName { get; init; } = "";
        public string[] Roles { get; init; } = [];
        public Discipline? Discipline { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => Include(new AccountFieldsValidator());
    }

    /// <summary>Answers with the account as saved, read inside the same transaction before it commits.</summary>
    public sealed class Handler(TumorBoardDbContext db, UserManager<AppUser> users, ICurrentUser me, TimeProvider clock)
        : ICommandHandler<Command, GetAccount.Result>
    {
        public async ValueTask<GetAccount.Result> Handle(Command command, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(command.Id.ToString()) ?? throw NotFoundException.For("Account", command.Id);
            var wanted = AccountRules.Normalize(command.Roles);
            if (user.Id == me.Id && !wanted.Contains(Roles.Administrator))
                throw new DomainConflictException("You cannot remove your own Administrator role.");

            var current = await users.GetRolesAsync(user);
            var accessChanged = user.Discipline != command.Discipline || !current.Order().SequenceEqual(wanted.Order());

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            user.DisplayName = command.DisplayName.Trim();
            user.Discipline = command.Discipline;
            (await users.UpdateAsync(user)).ThrowIfFailed(nameof(Command.DisplayName));
            var remove = current.Except(wanted).ToArray();
            if (remove.Length > 0) (await users.RemoveFromRolesAsync(user, remove)).ThrowIfFailed(nameof(Command.Roles));
            var add = wanted.Except(current).ToArray();
            if (add.Length > 0) (await users.AddToRolesAsync(user, add)).ThrowIfFailed(nameof(Command.Roles));
            // Existing cookies and tokens carry the old roles: renewing the stamp makes them stop working.
            if (accessChanged) (await users.UpdateSecurityStampAsync(user)).ThrowIfFailed(nameof(Command.Roles));
            var saved = await GetAccount.LoadAsync(db, user.Id, clock, ct);
            await tx.CommitAsync(ct);
            return saved;
        }
    }
}
