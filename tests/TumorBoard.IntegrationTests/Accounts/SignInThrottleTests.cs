using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.Web.Auth;

namespace TumorBoard.IntegrationTests.Accounts;

/// <summary>
/// Sign-in attempts are limited per account and per client address, counted in PostgreSQL (so across instances), with
/// the client address taken from X-Forwarded-For only when the peer is a configured reverse proxy. Each test has its own
/// app and database with a budget of 3 attempts per window.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class SignInThrottleTests
{
    const string Peer = "X-Test-Peer-Address";
    const string Proxy = "10.0.0.5";

    /// <summary>The app with a small budget; a request's TCP peer address is whatever its <see cref="Peer"/> header says.</summary>
    static async Task<(TumorBoardApp App, WebApplicationFactory<Program> Factory)> AppAsync(Dictionary<string, string?>? settings = null,
        string? connectionString = null)
    {
        var all = new Dictionary<string, string?> { ["RateLimiting:SignInPermitLimit"] = "3", ["RateLimiting:SignInWindowSeconds"] = "300" };
        foreach (var (k, v) in settings ?? []) all[k] = v;
        var app = new TumorBoardApp(connectionString ?? await TestPostgres.CreateDatabaseAsync(), all);
        var factory = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new PeerAddressFilter())));
        return (app, factory);
    }

    sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                if (http.Request.Headers.TryGetValue(Peer, out var peer)) http.Connection.RemoteIpAddress = IPAddress.Parse(peer!);
                return nextMiddleware(http);
            });
            next(app);
        };
    }

    static async Task<HttpResponseMessage> TokenAsync(HttpClient client, string email, string peer = Proxy, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = JsonContent.Create(new { email, password = "Not-the-password-1" }),
        };
        request.Headers.Add(Peer, peer);
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    static string Someone() => $"someone-{Guid.NewGuid():N}@example.test";

    static async Task ShouldBeThrottledAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        text.ShouldContain("\"status\":429");
        response.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 300);
    }

    [Fact]
    public async Task Without_a_configured_proxy_x_forwarded_for_is_ignored_and_clients_share_the_peer_address()
    {
        var (app, factory) = await AppAsync();
        await using var _ = app;
        await using var __ = factory;
        using var client = factory.CreateClient();

        for (var i = 1; i <= 3; i++)
            (await TokenAsync(client, Someone(), forwardedFor: $"203.0.113.{i}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await ShouldBeThrottledAsync(await TokenAsync(client, Someone(), forwardedFor: "203.0.113.4"));
        // Another direct client still has its own budget.
        (await TokenAsync(client, Someone(), peer: "192.0.2.77")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Behind_a_configured_proxy_each_forwarded_client_address_has_its_own_limit()
    {
        var (app, factory) = await AppAsync(new() { ["ReverseProxy:KnownProxies:0"] = Proxy });
        await using var _ = app;
        await using var __ = factory;
        using var client = factory.CreateClient();

        for (var i = 0; i < 3; i++)
            (await TokenAsync(client, Someone(), forwardedFor: "203.0.113.1")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await ShouldBeThrottledAsync(await TokenAsync(client, Someone(), forwardedFor: "203.0.113.1"));
        (await TokenAsync(client, Someone(), forwardedFor: "203.0.113.2")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_forwarded_address_from_a_peer_outside_the_configured_networks_is_not_believed()
    {
        var (app, factory) = await AppAsync(new() { ["ReverseProxy:KnownNetworks:0"] = "10.0.0.0/30" });
        await using var _ = app;
        await using var __ = factory;
        using var client = factory.CreateClient();

        // 10.0.0.9 is not a proxy: its X-Forwarded-For is the client's own claim, and it is counted as 10.0.0.9.
        for (var i = 1; i <= 3; i++)
            (await TokenAsync(client, Someone(), peer: "10.0.0.9", forwardedFor: $"198.51.100.{i}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await ShouldBeThrottledAsync(await TokenAsync(client, Someone(), peer: "10.0.0.9", forwardedFor: "198.51.100.4"));
        // 10.0.0.2 is inside the network: the address it forwards is believed.
        (await TokenAsync(client, Someone(), peer: "10.0.0.2", forwardedFor: "198.51.100.4")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task One_account_is_limited_whatever_address_the_attempts_come_from()
    {
        var (app, factory) = await AppAsync(new() { ["ReverseProxy:KnownProxies:0"] = Proxy });
        await using var _ = app;
        await using var __ = factory;
        using var client = factory.CreateClient();

        for (var i = 1; i <= 3; i++)
            (await TokenAsync(client, AppFixture.Coordinator, forwardedFor: $"203.0.113.{i}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await ShouldBeThrottledAsync(await TokenAsync(client, AppFixture.Coordinator, forwardedFor: "203.0.113.4"));
        await ShouldBeThrottledAsync(await TokenAsync(client, " COORDINATOR@demo.tumorboard ", forwardedFor: "203.0.113.5"));
        (await TokenAsync(client, AppFixture.Clinician, forwardedFor: "203.0.113.4")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_limit_holds_across_two_instances_sharing_the_database()
    {
        var (first, firstFactory) = await AppAsync();
        await using var _ = first;
        await using var __ = firstFactory;
        using var one = firstFactory.CreateClient();
        (await TokenAsync(one, AppFixture.Coordinator)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);   // starts and migrates
        var (second, secondFactory) = await AppAsync(connectionString: first.ConnectionString);
        await using var ___ = second;
        await using var ____ = secondFactory;
        using var two = secondFactory.CreateClient();

        (await TokenAsync(two, AppFixture.Coordinator, peer: "192.0.2.1")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await TokenAsync(one, AppFixture.Coordinator, peer: "192.0.2.2")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await ShouldBeThrottledAsync(await TokenAsync(two, AppFixture.Coordinator, peer: "192.0.2.3"));
    }

    [Fact]
    public async Task The_sign_in_page_is_shown_unlimited_and_a_post_past_the_limit_shows_why()
    {
        var (app, factory) = await AppAsync();
        await using var _ = app;
        await using var __ = factory;
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        for (var i = 0; i < 8; i++) (await client.GetAsync("/Account/SignIn")).StatusCode.ShouldBe(HttpStatusCode.OK);
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await PageClient.PostFormAsync(client, "/Account/SignIn",
                new() { ["Input.Email"] = AppFixture.Coordinator, ["Input.Password"] = "Not-the-password-1" });
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await wrong.Content.ReadAsStringAsync()).ShouldContain(WebUtility.HtmlEncode(Authenticator.FailureMessage));
        }

        using var throttled = await PageClient.PostFormAsync(client, "/Account/SignIn",
            new() { ["Input.Email"] = AppFixture.Coordinator, ["Input.Password"] = AppFixture.Password });

        throttled.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        throttled.Headers.RetryAfter.ShouldNotBeNull();
        var html = await throttled.Content.ReadAsStringAsync();
        html.ShouldContain(WebUtility.HtmlEncode(SignInThrottle.Message));
        html.ShouldContain("name=\"Input.Email\"");   // the form again, to try later
        // Not signed in, even with the right password.
        (throttled.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []).ShouldNotContain(c => c.StartsWith("TumorBoard.Auth"));
    }

    [Fact]
    public async Task Counters_of_ended_windows_are_purged()
    {
        var (app, factory) = await AppAsync();
        await using var _ = app;
        await using var __ = factory;
        using var client = factory.CreateClient();
        (await TokenAsync(client, Someone())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await TokenAsync(client, Someone())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await using (var conn = new NpgsqlConnection(app.ConnectionString))
        {
            await conn.OpenAsync();
            // Age the first attempt's rows (one account, the shared address) into a window that ended long ago.
            await using var age = new NpgsqlCommand("UPDATE sign_in_windows SET window_start = window_start - interval '1 hour'", conn);
            await age.ExecuteNonQueryAsync();
        }
        (await TokenAsync(client, Someone())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await using var scope = factory.Services.CreateAsyncScope();
        var purged = await scope.ServiceProvider.GetRequiredService<SignInThrottle>().PurgeAsync(default);

        purged.ShouldBe(3);   // two accounts and the address of the old window
        var left = await scope.ServiceProvider.GetRequiredService<TumorBoard.Application.Persistence.TumorBoardDbContext>()
            .SignInWindows.CountAsync();
        left.ShouldBe(2);     // the new window: one account, the address
    }

    [Fact]
    public async Task The_antiforgery_cookie_is_secure_outside_development()
    {
        var (app, factory) = await AppAsync();
        await using var _ = app;
        await using var __ = factory;
        using (var development = factory.CreateClient())
        {
            using var page = await development.GetAsync("/Account/SignIn");
            page.StatusCode.ShouldBe(HttpStatusCode.OK);
            AntiforgeryCookie(page).ShouldNotContain("secure", Case.Insensitive);   // plain http://localhost in Development
        }
        await using var production = app.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        using var signIn = await client.GetAsync("/Account/SignIn");

        signIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cookie = AntiforgeryCookie(signIn);
        cookie.ShouldContain("secure", Case.Insensitive);
        cookie.ShouldContain("httponly", Case.Insensitive);
    }

    static string AntiforgeryCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
}
