using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Validation;
using TumorBoard.Application.Persistence;

namespace TumorBoard.Web.Auth;

/// <summary>
/// Checks an email and password for the sign-in page and the token endpoint alike: lockout after repeated
/// failures, deactivated accounts refused, and one answer for every failure (unknown user, wrong password,
/// locked, deactivated), with a password hash computed even for an unknown user so timing does not tell them apart.
/// </summary>
public sealed class Authenticator(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IPasswordHasher<AppUser> hasher,
    IOptionsMonitor<BearerTokenOptions> bearer,
    TimeProvider clock)
{
    public const string FailureMessage = "The email or password is not correct, or the account cannot sign in now.";

    static readonly AppUser Nobody = new() { UserName = "nobody" };
    static readonly string NobodyHash = new PasswordHasher<AppUser>().HashPassword(Nobody, Guid.NewGuid().ToString());

    /// <summary>The account for this email and password, or null. Text no account can hold (control characters) is a 400 on its field.</summary>
    public async Task<AppUser?> CheckAsync(string? email, string? password)
    {
        TextRules.Require("Email", email);
        TextRules.Require("Password", password);
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null || !user.IsActive)
        {
            hasher.VerifyHashedPassword(Nobody, NobodyHash, password ?? "");
            return null;
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password ?? "", lockoutOnFailure: true);
        return result.Succeeded ? user : null;
    }

    /// <summary>An opaque bearer token (Data Protection, keys in PostgreSQL: valid on every instance).</summary>
    public async Task<(string Token, int ExpiresIn)> IssueTokenAsync(AppUser user)
    {
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var options = bearer.Get(IdentityConstants.BearerScheme);
        var now = clock.GetUtcNow();
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + options.BearerTokenExpiration };
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(principal.Identities.Select(i =>
            new ClaimsIdentity(i.Claims, IdentityConstants.BearerScheme, i.NameClaimType, i.RoleClaimType))),
            properties, IdentityConstants.BearerScheme);
        return (options.BearerTokenProtector.Protect(ticket), (int)options.BearerTokenExpiration.TotalSeconds);
    }
}
