using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Common.Validation;
using TumorBoard.Application.Persistence;

namespace TumorBoard.Application.Features.Accounts;

/// <summary>
/// The signed-in user chooses the language of their pages (issue #15, part 1): remembered on the account, so every browser
/// they sign in from opens in it; the page also sets the culture cookie and renews the sign-in so the choice applies at
/// once. Audited like every change of an account.
/// </summary>
public static class SetOwnLanguage
{
    [RequiresSignIn]
    public sealed record Command : ICommand<Unit>
    {
        /// <summary>de-CH, fr-CH, it-CH or en.</summary>
        public string Culture { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Culture).Must(c => BoardCultures.Find(c) is not null)
                .WithText("Account_ChooseLanguage", string.Join(", ", BoardCultures.Supported));
        }
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser me) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == me.RequiredId, ct)
                ?? throw new UnauthorizedAccessException("Sign-in required.");
            var culture = BoardCultures.Find(command.Culture)!;
            if (user.PreferredCulture == culture) return Unit.Value;
            user.PreferredCulture = culture;
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
