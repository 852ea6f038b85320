using Microsoft.AspNetCore.Identity;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Accounts;

/// <summary>
/// Identity's password validator for what an attacker tries first (<see cref="PasswordScreen"/>): common passwords and those
/// built on them, patterns, the account's own name or e-mail address, the application's name. Identity runs it on every
/// password that is set (create, reset, change); <see cref="AccountRules.IdentityPassword{T}"/> runs it in validation first.
/// </summary>
public sealed class GuessablePasswordValidator : IPasswordValidator<AppUser>
{
    public const string Advice = "Choose a longer passphrase of unrelated words.";

    public static string Describe(PasswordWeakness weakness) => weakness switch
    {
        PasswordWeakness.Common =>
            $"This password is one of the 10,000 most used passwords, or one of them with a few characters added. {Advice}",
        PasswordWeakness.Pattern =>
            $"This password is a predictable pattern (a repetition, or a run along the keyboard, the alphabet or the digits). {Advice}",
        PasswordWeakness.PersonalInfo => "The password must not contain the account's name, e-mail address or e-mail user name.",
        PasswordWeakness.ApplicationName => "The password must not contain the name of the application.",
        _ => throw new ArgumentOutOfRangeException(nameof(weakness)),
    };

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);   // Identity's length rule answers
        var weaknesses = PasswordScreen.Check(password, [user.DisplayName, user.Email, user.UserName]);
        return Task.FromResult(weaknesses.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed([.. weaknesses.Select(w => new IdentityError { Code = $"Password{w}", Description = Describe(w) })]));
    }
}
