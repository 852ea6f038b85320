using Microsoft.AspNetCore.Http.HttpResults;
using TumorBoard.Web.Auth;

namespace TumorBoard.Web.Api;

public static class AuthEndpoints
{
    public sealed record TokenRequest(string? Email, string? Password);
    public sealed record TokenResponse(string AccessToken, int ExpiresIn, string TokenType = "Bearer");

    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");
        auth.MapPost("/token", IssueToken).WithName("IssueToken").AllowAnonymous()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        return auth;
    }

    /// <summary>Limited per account and per client address (<see cref="SignInThrottle"/>): 429 with Retry-After past the limit.</summary>
    static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueToken(TokenRequest request, Authenticator authenticator,
        SignInThrottle throttle, HttpContext http)
    {
        var verdict = await throttle.AttemptAsync(request.Email, http.Connection.RemoteIpAddress, http.RequestAborted);
        if (!verdict.Allowed)
        {
            http.Response.Headers.RetryAfter = verdict.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(title: "Too many sign-in attempts",
                detail: $"{SignInThrottle.Message} Wait {verdict.RetryAfterSeconds} seconds before trying again.",
                statusCode: StatusCodes.Status429TooManyRequests);
        }
        var user = await authenticator.CheckAsync(request.Email, request.Password);
        if (user is null)
            return TypedResults.Problem(title: "Sign-in failed", detail: Authenticator.FailureMessage,
                statusCode: StatusCodes.Status401Unauthorized);
        var (token, expiresIn) = await authenticator.IssueTokenAsync(user);
        return TypedResults.Ok(new TokenResponse(token, expiresIn));
    }
}
