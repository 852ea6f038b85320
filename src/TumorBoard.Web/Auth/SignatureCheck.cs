using Microsoft.AspNetCore.Identity;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;

namespace TumorBoard.Web.Auth;

/// <summary>
/// Password re-entry for a signature: Identity's own check, counting failures towards lockout (5 in 15 minutes), and
/// refusing locked or deactivated accounts.
/// </summary>
public sealed class SignatureCheck(UserManager<AppUser> users, SignInManager<AppUser> signIn) : ISignatureCheck
{
    public async Task<bool> PasswordMatchesAsync(Guid userId, string password, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || !user.IsActive) return false;
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        return result.Succeeded;
    }
}
