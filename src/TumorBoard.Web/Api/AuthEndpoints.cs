using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TumorBoard.Web.Infrastructure;

namespace TumorBoard.Web.Api;

public static class AuthEndpoints
{
    public sealed record TokenRequest(string? Email, string? Password);
    public sealed record TokenResponse(string AccessToken, int ExpiresIn, string TokenType = "Bearer");

    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");
        auth.MapPost("/token", IssueToken).WithName("IssueToken").AllowAnonymous().RequireRateLimiting(IdentitySetup.SignInPolicy);
        return auth;
    }

    static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueToken(TokenRequest request, Authenticator authenticator)
    {
        var user = await authenticator.CheckAsync(request.Email, request.Password);
        if (user is null)
            return TypedResults.Problem(title: "Sign-in failed", detail: Authenticator.FailureMessage,
                statusCode: StatusCodes.Status401Unauthorized);
        var (token, expiresIn) = await authenticator.IssueTokenAsync(user);
        return TypedResults.Ok(new TokenResponse(token, expiresIn));
    }
}
