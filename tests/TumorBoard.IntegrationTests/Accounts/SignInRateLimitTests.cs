using System.Net;
using System.Net.Http.Json;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Accounts;

/// <summary>Its own app and database, with a small sign-in budget (the shared app allows many attempts).</summary>
[Collection(RunsAlone.Name)]
public sealed class SignInRateLimitTests
{
    [Fact]
    public async Task The_fourth_token_request_within_the_window_gets_429_with_problem_details()
    {
        await using var app = new TumorBoardApp(await TestPostgres.CreateDatabaseAsync(),
            new Dictionary<string, string?> { ["RateLimiting:SignInPermitLimit"] = "3" });
        var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
            (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@example.test", password = "Whatever-password" }))
                .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var fourth = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@example.test", password = "Whatever-password" });
        fourth.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        fourth.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await fourth.Content.ReadAsStringAsync()).ShouldContain("\"status\":429");
    }
}
