using System.Net;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Http;

[Collection(AppCollection.Name)]
public sealed class SecurityHeadersTests(AppFixture app) : DatabaseTest(app)
{
    static string Header(HttpResponseMessage r, string name) =>
        r.Headers.TryGetValues(name, out var v) ? string.Join(", ", v) : throw new ShouldAssertException($"No {name} header.");

    static void ShouldCarryTheSecurityHeaders(HttpResponseMessage response)
    {
        var csp = Header(response, "Content-Security-Policy").Split(';', StringSplitOptions.TrimEntries);
        csp.ShouldContain("frame-ancestors 'none'");
        var scriptSrc = csp.Where(d => d.StartsWith("script-src ")).ShouldHaveSingleItem();
        scriptSrc.ShouldNotContain("'unsafe-inline'");
        scriptSrc.ShouldNotContain("'unsafe-eval'");
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
        Header(response, "Referrer-Policy").ShouldNotBeNullOrWhiteSpace();
        response.Headers.Contains("Server").ShouldBeFalse();
        response.Headers.CacheControl?.NoStore.ShouldBe(true);
    }

    [Theory]
    [InlineData("/api/v1/cases")]
    [InlineData("/api/v1/patients")]
    public async Task An_api_response_carries_the_security_headers_and_is_never_cached(string url)
    {
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldCarryTheSecurityHeaders(response);
    }

    [Fact]
    public async Task An_api_error_carries_them_too()
    {
        using var client = await app.ClientAsync(null);
        using var response = await client.GetAsync("/api/v1/cases");
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        ShouldCarryTheSecurityHeaders(response);
    }

    [Fact]
    public async Task The_sign_in_page_carries_the_security_headers()
    {
        using var client = await app.ClientAsync(null);
        using var response = await client.GetAsync("/Account/SignIn");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        ShouldCarryTheSecurityHeaders(response);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("<script>");   // no inline script the CSP would block
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/openapi/v1.json")]
    public async Task Health_and_the_openapi_document_answer_anonymously(string url)
    {
        using var client = await app.ClientAsync(null);
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync();
        if (url.StartsWith("/health")) body.ShouldBe("Healthy");
        else body.ShouldContain("/api/v1/cases/{caseId}/withdraw");
    }
}
