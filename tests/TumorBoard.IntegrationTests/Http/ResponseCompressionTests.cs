using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Http;

/// <summary>HTML and JSON (problem+json too) are sent Brotli- or gzip-compressed to clients that accept it, as they are.</summary>
[Collection(AppCollection.Name)]
public sealed class ResponseCompressionTests(AppFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    static async Task<(string? Encoding, string Body, string? Type)> GetAsync(HttpClient client, string url, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        using var response = await client.SendAsync(request);
        var encoding = response.Content.Headers.ContentEncoding.SingleOrDefault();
        await using var raw = await response.Content.ReadAsStreamAsync();
        await using Stream body = encoding switch
        {
            "br" => new BrotliStream(raw, CompressionMode.Decompress),
            "gzip" => new GZipStream(raw, CompressionMode.Decompress),
            null => raw,
            _ => throw new InvalidOperationException($"Unexpected Content-Encoding {encoding}"),
        };
        using var reader = new StreamReader(body, Encoding.UTF8);
        return (encoding, await reader.ReadToEndAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Json_is_brotli_compressed_when_accepted_and_reads_back_the_same()
    {
        for (var i = 0; i < 3; i++) await TestData.RegisterCaseAsync(app);
        using var client = await app.ClientAsync(AppFixture.Coordinator);

        var plain = await GetAsync(client, "/api/v1/cases", null);
        var brotli = await GetAsync(client, "/api/v1/cases", "br, gzip");
        var gzip = await GetAsync(client, "/api/v1/cases", "gzip");

        plain.Encoding.ShouldBeNull();
        (brotli.Encoding, brotli.Type).ShouldBe(("br", "application/json"));
        gzip.Encoding.ShouldBe("gzip");
        JsonDocument.Parse(brotli.Body).RootElement.GetRawText().ShouldBe(JsonDocument.Parse(plain.Body).RootElement.GetRawText());
        JsonDocument.Parse(gzip.Body).RootElement.GetRawText().ShouldBe(JsonDocument.Parse(plain.Body).RootElement.GetRawText());
    }

    [Fact]
    public async Task Pages_and_problem_details_are_compressed_too()
    {
        using var anonymous = await app.ClientAsync(null);

        var page = await GetAsync(anonymous, "/Account/SignIn", "gzip");
        (page.Encoding, page.Type).ShouldBe(("gzip", "text/html"));
        page.Body.ShouldContain("<form");

        var problem = await GetAsync(anonymous, "/api/v1/cases", "br");
        (problem.Encoding, problem.Type).ShouldBe(("br", "application/problem+json"));
        JsonDocument.Parse(problem.Body).RootElement.GetProperty("status").GetInt32().ShouldBe((int)HttpStatusCode.Unauthorized);
    }
}
