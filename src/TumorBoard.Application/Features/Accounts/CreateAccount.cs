using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Security;
using TumorBoard.Application.Common.Validation;

namespace TumorBoard.Application.Features.Accounts;

public static class CreateAccount
{
    [RequiresRole(Domain.Security.Roles.Administrator)]
    public sealed record Command : ICommand<GetAccount.Result>, IAccountFields
    {
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string[] Roles { get; init; } = [];
        public Discipline? Discipline { get; init; }
        /// <summary>The initial password, handed to the person by the administrator.</summary>
        public string Password { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(UserManager<AppUser> users)
        {
            Include(new AccountFieldsValidator());
            RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(256);
            RuleFor(c => c.Email)
                .MustAsync(async (email, _) => await users.FindByEmailAsync(email.Trim()) is null)
                .When(c => !string.IsNullOrWhiteSpace(c.Email))
                .WithText("AccountWithEmailAlreadyExists");
            RuleFor(c => c.Password).IdentityPassword(users, c => Task.FromResult<AppUser?>(
                new AppUser { Email = c.Email.Trim(), UserName = c.Email.Trim(), DisplayName = c.DisplayName.Trim() }));
        }
    }

    /// <summary>Answers with the account as saved, read inside the same transaction before it commits.</summary>
    public sealed class Handler(TumorBoardDbContext db, UserManager<AppUser> users, TimeProvider clock, ICurrentUser me, AuditScope scope)
        : ICommandHandler<Command, GetAccount.Result>
    {
        public async ValueTask<GetAccount.Result> Handle(Command command, CancellationToken ct)
        {
            var email = command.Email.Trim();
            var user = new AppUser
            {
                Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true,
                DisplayName = command.DisplayName.Trim(), Discipline = command.Discipline, CreatedAt = clock.GetUtcNow(),
            };
            var roles = AccountRules.Normalize(command.Roles);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            (await users.CreateAsync(user, command.Password)).ThrowIfFailed(nameof(Command.Password));
            // Queued just before the save that adds the roles, so it is written with them (or not at all).
            db.QueueRolesAudit(me, scope, clock, user.Id, "Added", new AccountRules.RolesChange(
                new([], [.. roles.Order(StringComparer.Ordinal)]), command.Discipline is { } d ? new(null, d.ToString()) : null, null));
            (await users.AddToRolesAsync(user, roles)).ThrowIfFailed(nameof(Command.Roles));
            var saved = await GetAccount.LoadAsync(db, user.Id, clock, ct);
            await tx.CommitAsync(ct);
            return saved;
        }
    }
}
