using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Web.Errors;

namespace TumorBoard.Web.Auth;

/// <summary>
/// On every authenticated request: the account must still be active and its security stamp unchanged
/// (deactivation, a role change or a password reset renews the stamp). A confirmation is cached per user id and stamp
/// for Auth:AccountCheckSeconds (<see cref="AccountCheckCache"/>): one users query per account and interval, not per
/// request; a change saved in this process drops the entry at once. Otherwise the request continues as
/// anonymous and a cookie is removed, so a deactivated account can use neither its cookie nor a token it holds.
/// While the database is down the check throws, and the request answers 503 (problem+json on the API, the error page
/// elsewhere): a token is never honoured unchecked. The error page shown for that outage skips the check, as anonymous.
/// </summary>
public sealed class ActiveAccountMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, TumorBoardDbContext db, IOptions<IdentityOptions> identity, AccountCheckCache checks)
    {
        if (context.Features.Get<IExceptionHandlerFeature>() is { } failed && DatabaseOutage.Is(failed.Error))
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
        else if (context.User.Identity?.IsAuthenticated == true)
        {
            var idText = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
            var stamp = context.User.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
            var ok = Guid.TryParse(idText, out var id) && stamp is not null
                && (checks.IsConfirmed(id, stamp) || await ConfirmAsync(db, checks, id, stamp, context.RequestAborted));
            if (!ok)
            {
                if (!context.Request.Path.StartsWithSegments("/api"))
                    await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
        }
        await next(context);
    }

    static async Task<bool> ConfirmAsync(TumorBoardDbContext db, AccountCheckCache checks, Guid id, string stamp, CancellationToken ct)
    {
        if (!await db.Users.AsNoTracking().AnyAsync(u => u.Id == id && u.IsActive && u.SecurityStamp == stamp, ct)) return false;
        checks.Confirm(id, stamp);
        return true;
    }
}
