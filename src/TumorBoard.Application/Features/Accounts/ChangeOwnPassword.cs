using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Application.Common.Validation;

namespace TumorBoard.Application.Features.Accounts;

/// <summary>
/// The signed-in user changes their password. The security stamp is renewed, so other sessions and tokens end;
/// the page signs the user in again, an API client requests a new token.
/// </summary>
public static class ChangeOwnPassword
{
    [RequiresSignIn]
    public sealed record Command : ICommand<Unit>
    {
        public string CurrentPassword { get; init; } = "";
        public string NewPassword { get; init; } = "";
        public string ConfirmNewPassword { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(UserManager<AppUser> users, ICurrentUser me)
        {
            RuleFor(c => c.CurrentPassword).NotEmpty().WithText("EnterYourCurrentPassword");
            RuleFor(c => c.NewPassword).IdentityPassword(users, _ => me.Id is { } id ? users.FindByIdAsync(id.ToString()) : Task.FromResult<AppUser?>(null));
            RuleFor(c => c.ConfirmNewPassword).Equal(c => c.NewPassword).WithText("TwoNewPasswordsDiffer");
        }
    }

    public sealed class Handler(UserManager<AppUser> users, ICurrentUser me) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(me.RequiredId.ToString()) ?? throw new UnauthorizedAccessException("Sign-in required.");
            // One save: the new hash and the renewed stamp. A wrong current password lands on CurrentPassword.
            (await users.ChangePasswordAsync(user, command.CurrentPassword, command.NewPassword))
                .ThrowIfFailed(nameof(Command.NewPassword));
            return Unit.Value;
        }
    }
}
