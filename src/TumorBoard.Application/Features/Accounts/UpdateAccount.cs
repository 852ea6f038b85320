using System.Text.Json.Serialization;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Identity;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Security;
using TumorBoard.Application.Common.Validation;

namespace TumorBoard.Application.Features.Accounts;

/// <summary>
/// An administrator changes an account's name, roles and discipline. A change of roles or discipline needs a reason and
/// is audited in words (who, whose account, before, after, why); nobody changes their own roles (403: the record-level rule
/// "not on yourself", which another administrator may do, rather than a conflict in the account's state).
/// </summary>
public static class UpdateAccount
{
    public const int ReasonMaxLength = 500;

    [RequiresRole(Domain.Security.Roles.Administrator)]
    public sealed record Command : ICommand<GetAccount.Result>, IAccountFields
    {
        /// <summary>From the route (API) or the page's hidden field.</summary>
        [JsonIgnore] public Guid Id { get; init; }
        /// <summary>
        /// The version the edit is based on (If-Match). Optional, unlike patients and cases: accounts had no version before,
        /// and clients written then still send none; a stale one is refused (412).
        /// </summary>
        [JsonIgnore] public VersionMatch? ExpectedVersion { get; init; }
        public string DisplayName { get; init; } = "";
        public string[] Roles { get; init; } = [];
        public Discipline? Discipline { get; init; }
        /// <summary>Why the roles or the discipline change: required then, and kept in the audit trail.</summary>
        public string? RoleChangeReason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            Include(new AccountFieldsValidator());
            RuleFor(c => c.RoleChangeReason).MaximumLength(ReasonMaxLength);
        }
    }

    /// <summary>Answers with the account as saved, read inside the same transaction before it commits.</summary>
    public sealed class Handler(TumorBoardDbContext db, UserManager<AppUser> users, ICurrentUser me, AuditScope scope, TimeProvider clock)
        : ICommandHandler<Command, GetAccount.Result>
    {
        public async ValueTask<GetAccount.Result> Handle(Command command, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(command.Id.ToString()) ?? throw NotFoundException.For("Account", command.Id);
            if (command.ExpectedVersion is { } expected && !expected.Matches(user.Version)) throw new StaleVersionException("account");
            var wanted = AccountRules.Normalize(command.Roles);
            var current = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToArray();
            var rolesChanged = !current.SequenceEqual(wanted.Order(StringComparer.Ordinal));
            var accessChanged = rolesChanged || user.Discipline != command.Discipline;
            if (accessChanged && user.Id == me.Id)
                throw new ForbiddenException(new RuleText("Account.NotOwnRoles"));
            var reason = command.RoleChangeReason?.Trim();
            if (accessChanged && string.IsNullOrEmpty(reason))
                throw new ValidationException([new ValidationFailure(nameof(Command.RoleChangeReason),
                    ValidationTexts.Get("Accounts_RoleChangeReason"))]);

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var disciplineChange = user.Discipline == command.Discipline
                ? null : new AccountRules.ValueChange<string?>(user.Discipline?.ToString(), command.Discipline?.ToString());
            user.DisplayName = command.DisplayName.Trim();
            user.Discipline = command.Discipline;
            // The user row's concurrency stamp serialises racing updates of one account (the later one gets a 409).
            var updated = await users.UpdateAsync(user);
            if (command.ExpectedVersion is not null && updated.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
                throw new StaleVersionException("account");   // the race lost at the save, by a request that named its version
            updated.ThrowIfFailed(nameof(Command.DisplayName));
            var remove = current.Except(wanted).ToArray();
            if (remove.Length > 0) (await users.RemoveFromRolesAsync(user, remove)).ThrowIfFailed(nameof(Command.Roles));
            var add = wanted.Except(current).ToArray();
            if (add.Length > 0) (await users.AddToRolesAsync(user, add)).ThrowIfFailed(nameof(Command.Roles));
            if (accessChanged)
            {
                // Queued just before the stamp's save, which writes it, inside this transaction with the role rows.
                db.QueueRolesAudit(me, scope, clock, user.Id, "Modified", new AccountRules.RolesChange(
                    new([.. current], [.. wanted.Order(StringComparer.Ordinal)]), disciplineChange, reason));
                // Existing cookies and tokens carry the old roles: renewing the stamp makes them stop working.
                (await users.UpdateSecurityStampAsync(user)).ThrowIfFailed(nameof(Command.Roles));
            }
            var saved = await GetAccount.LoadAsync(db, user.Id, clock, ct);
            await tx.CommitAsync(ct);
            return saved;
        }
    }
}
