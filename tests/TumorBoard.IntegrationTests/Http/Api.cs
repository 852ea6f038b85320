using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Http;

/// <summary>What HTTP tests share: the JSON the API speaks, problem+json checks, If-Match requests.</summary>
public static class Api
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static JsonContent Body(object value) => JsonContent.Create(value, value.GetType(), options: Json);

    public static async Task<JsonElement> ReadAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>Asserts an RFC 9457 body with the given status and a title; returns it.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(text).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        text.ShouldNotContain("   at ");   // never a stack trace
        return problem;
    }

    public static string[] ErrorKeys(this JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToArray();

    public static HttpRequestMessage Request(HttpMethod method, string url, object? body = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : Body(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    public static string ETag(this HttpResponseMessage response) =>
        response.Headers.ETag?.ToString() ?? throw new ShouldAssertException("The response has no ETag.");

    /// <summary>A patient and a complete draft case, registered through the pipeline.</summary>
    public static Task<(Guid PatientId, Guid CaseId)> CaseAsync(AppFixture app) => TestData.RegisterCaseAsync(app);

    public static async Task<string> CurrentETagAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return response.ETag();
    }
}
