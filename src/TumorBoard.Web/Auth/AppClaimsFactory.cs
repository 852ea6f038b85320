using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;

namespace TumorBoard.Web.Auth;

/// <summary>Adds the display name, the discipline and the chosen language to the principal Identity builds (cookie and bearer alike).</summary>
public sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimNames.DisplayName, user.DisplayName));
        if (user.Discipline is { } d) identity.AddClaim(new Claim(ClaimNames.Discipline, d.ToString()));
        if (user.PreferredCulture is { Length: > 0 } culture) identity.AddClaim(new Claim(ClaimNames.Culture, culture));
        return identity;
    }
}
