using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.Web.Http;
using TumorBoard.Web.Errors;

namespace TumorBoard.IntegrationTests.Http;

/// <summary>
/// The app on a real Kestrel port with one extra route that fails the way a bug would (its exception message quotes the
/// request's credentials): server errors are problem+json that echo nothing, and the request limits answer with a body
/// where the app can see the request.
/// </summary>
public sealed class ErrorResponseApp : IAsyncLifetime
{
    public const string ThrowingPath = "/api/v1/test-only/throws";
    public const string CookieSecret = "cookie-secret-4711";
    public const string HeaderSecret = "header-secret-0815";

    TumorBoardApp app = null!;
    public WebApplicationFactory<Program> Factory { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public string Token { get; private set; } = "";

    public async Task InitializeAsync()
    {
        app = new TumorBoardApp(await TestPostgres.CreateDatabaseAsync());
        Factory = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddTransient<IStartupFilter, ThrowingRoute>()));
        BaseUrl = Factory.StartOnKestrel();
        using var client = KestrelServer.Client(BaseUrl);
        using var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = AppFixture.Coordinator, password = AppFixture.Password });
        Token = (await token.ReadAsync()).GetProperty("accessToken").GetString()!;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await app.DisposeAsync();
    }

    public HttpClient Client(bool signedIn = true)
    {
        var client = KestrelServer.Client(BaseUrl);
        if (signedIn) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    /// <summary>A client with a token for <paramref name="email"/>.</summary>
    public async Task<HttpClient> ClientAsync(string email)
    {
        var client = KestrelServer.Client(BaseUrl);
        using var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = AppFixture.Password });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await token.ReadAsync()).GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>Runs after the app's own pipeline, inside its exception handler: only requests no endpoint took reach it.</summary>
    sealed class ThrowingRoute : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((context, following) => context.Request.Path.StartsWithSegments(ThrowingPath)
                ? throw new InvalidOperationException(
                    $"A bug quoting the request: {context.Request.Headers.Authorization} {context.Request.Headers.Cookie} {context.Request.Headers["X-Trace-Me"]}")
                : following(context));
        };
    }
}

public sealed class ErrorResponseTests(ErrorResponseApp server) : IClassFixture<ErrorResponseApp>
{
    [Theory]
    [InlineData(null)]
    [InlineData("application/json")]
    [InlineData("text/html")]
    [InlineData("application/xml")]
    public async Task An_unexpected_error_on_the_api_is_a_500_problem_with_a_trace_id_that_echoes_nothing_from_the_request(string? accept)
    {
        using var client = server.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, ErrorResponseApp.ThrowingPath);
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        request.Headers.Add("Cookie", $"tb-session={ErrorResponseApp.CookieSecret}");
        request.Headers.Add("X-Trace-Me", ErrorResponseApp.HeaderSecret);
        using var response = await client.SendAsync(request);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError);
        problem.GetProperty("traceId").GetString().ShouldNotBeNullOrWhiteSpace();
        var text = problem.ToString();
        foreach (var secret in new[] { server.Token, ErrorResponseApp.CookieSecret, ErrorResponseApp.HeaderSecret, "InvalidOperationException", "A bug" })
            text.ShouldNotContain(secret);
    }

    [Fact]
    public async Task The_developer_exception_page_is_replaced_by_one_that_echoes_nothing()
    {
        var filters = server.Factory.Services.GetServices<IDeveloperPageExceptionFilter>().ToArray();
        filters.ShouldContain(f => f is NoEchoDeveloperPageFilter);
        var filter = filters.OfType<NoEchoDeveloperPageFilter>().Single();

        foreach (var (path, error, status, contentType) in new (string, Exception, int, string)[]
        {
            ("/api/v1/cases", new InvalidOperationException("quoting " + ErrorResponseApp.HeaderSecret), 500, "application/problem+json"),
            ("/api/v1/cases", new NpgsqlException("down", new SocketException((int)SocketError.ConnectionRefused)), 503, "application/problem+json"),
            ("/Cases", new InvalidOperationException("quoting " + ErrorResponseApp.HeaderSecret), 500, "text/plain"),
        })
        {
            await using var scope = server.Factory.Services.CreateAsyncScope();
            var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
            http.Request.Path = path;
            http.Request.Headers.Authorization = "Bearer " + server.Token;
            http.Request.Headers.Cookie = "tb-session=" + ErrorResponseApp.CookieSecret;
            http.Request.Headers["X-Trace-Me"] = ErrorResponseApp.HeaderSecret;
            var body = new MemoryStream();
            http.Response.Body = body;

            await filter.HandleExceptionAsync(new ErrorContext(http, error), _ => throw new ShouldAssertException("the developer page was called"));

            http.Response.StatusCode.ShouldBe(status, path);
            http.Response.ContentType!.ShouldStartWith(contentType);
            if (status == 503) http.Response.Headers.RetryAfter.ToString().ShouldBe(DatabaseOutage.RetryAfterSeconds.ToString());
            var text = Encoding.UTF8.GetString(body.ToArray());
            text.ShouldNotBeEmpty();
            foreach (var secret in new[] { server.Token, ErrorResponseApp.CookieSecret, ErrorResponseApp.HeaderSecret, "quoting" })
                text.ShouldNotContain(secret);
        }
    }

    [Fact]
    public async Task A_request_target_over_the_limit_is_a_414_problem_and_beyond_kestrels_limit_an_empty_414()
    {
        using var client = server.Client();
        var overAppLimit = new string('a', RequestLimitsMiddleware.MaxTargetLength);
        await (await client.GetAsync($"/api/v1/cases?text={overAppLimit}")).ShouldBeProblemAsync(HttpStatusCode.RequestUriTooLong);

        var (status, body) = await RawAsync($"GET /api/v1/cases?text={new string('a', 2 * RequestLimitsMiddleware.MaxTargetLength)} HTTP/1.1\r\nHost: x\r\n\r\n");
        status.ShouldBe(414);
        body.ShouldBeEmpty();   // Kestrel's own refusal: documented in the README, no hook gives it a body
    }

    [Fact]
    public async Task Request_headers_over_the_limit_are_a_431_problem_and_beyond_kestrels_limit_an_empty_431()
    {
        using var client = server.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/cases");
        request.Headers.Add("X-Padding", new string('a', RequestLimitsMiddleware.MaxHeadersTotalSize));
        await (await client.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.RequestHeaderFieldsTooLarge);

        var (status, body) = await RawAsync($"GET /api/v1/cases HTTP/1.1\r\nHost: x\r\nX-Padding: {new string('a', 2 * RequestLimitsMiddleware.MaxHeadersTotalSize)}\r\n\r\n");
        status.ShouldBe(431);
        body.ShouldBeEmpty();
    }

    public static TheoryData<string, int> KestrelRefusals() => new()
    {
        { "GET /api/v1/cases/%00 HTTP/1.1\r\nHost: x\r\n\r\n", 400 },
        { "GET /api/v1/ca\0ses HTTP/1.1\r\nHost: x\r\n\r\n", 400 },
        { "GET /api/v1/cases HTTP/1.1\r\nHost: x\r\nX-Bad: a\0b\r\n\r\n", 400 },
        { "GET /api/v1/cases HTTP/1.1\r\nHost: x\r\nX-Name: M\u00fcller\r\n\r\n", 400 },
        { "GET /api/v1/cases HTTP/1.1\r\n\r\n", 400 },
        { "GET /api/v1/cases HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n", 400 },
        { "GET /api/v1/cases HTTP/1.1\r\nHost: x\r\n" + string.Concat(Enumerable.Range(0, 101).Select(i => $"X-H{i}: v\r\n")) + "\r\n", 431 },
    };

    [Theory]
    [MemberData(nameof(KestrelRefusals))]
    public async Task A_request_kestrel_refuses_is_answered_before_the_app_with_an_empty_body(string request, int expected)
    {
        var (status, body) = await RawAsync(request);
        status.ShouldBe(expected);
        body.ShouldBeEmpty();   // Kestrel's own answer: documented in the README, no hook gives it a body
        using var client = server.Client();
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("iso-8859-1")]
    [InlineData("utf-16")]
    public async Task A_json_body_in_another_charset_than_utf8_is_a_415_problem(string charset)
    {
        using var client = server.Client();
        using var content = new StringContent("""{"ecog":1}""", Encoding.UTF8);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", $"application/json; charset={charset}");
        var problem = await (await client.PostAsync("/api/v1/scores/performance-status", content)).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        problem.ToString().ShouldNotContain(charset);
    }

    [Theory]
    [InlineData("\"utf-8\"")]
    [InlineData("UTF8")]
    public async Task A_utf8_charset_however_spelt_is_read(string charset)
    {
        using var client = server.Client();
        using var content = new StringContent("""{"ecog":1}""", Encoding.UTF8);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", $"application/json; charset={charset}");
        using var response = await client.PostAsync("/api/v1/scores/performance-status", content);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(0xFFFE)]
    [InlineData(0xFFFF)]
    [InlineData(0xFDD0)]
    public async Task An_email_that_is_not_valid_unicode_finds_no_account_instead_of_failing(int codePoint)
    {
        var noncharacter = ((char)codePoint).ToString();
        using var client = server.Client(signedIn: false);
        var email = AppFixture.Coordinator + noncharacter;
        using var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = AppFixture.Password });
        await token.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        using var admin = await server.ClientAsync(AppFixture.Admin);
        using var created = await admin.PostAsJsonAsync("/api/v1/accounts", new
        {
            email = $"new{noncharacter}@example.org", displayName = "New Account", roles = new[] { "Clinician" }, password = "A-long-enough-passphrase-1",
        });
        ((int)created.StatusCode).ShouldBeLessThan(500, await created.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_a_413_problem()
    {
        using var client = server.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/patients") { Content = new ByteArrayContent([]) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Content.Headers.ContentLength = 40L * 1024 * 1024;   // over Kestrel's 30 MB; never sent: Expect: 100-continue
        request.Headers.ExpectContinue = true;
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    /// <summary>Sends bytes no HttpClient would and reads the answer until Kestrel closes the connection.</summary>
    async Task<(int Status, string Body)> RawAsync(string request)
    {
        var uri = new Uri(server.BaseUrl);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        using var reader = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await stream.CopyToAsync(reader, timeout.Token);
        var text = Encoding.Latin1.GetString(reader.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        split.ShouldBeGreaterThan(0, text);
        return (int.Parse(text.Split(' ')[1]), text[(split + 4)..]);
    }
}
