using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Scores;

/// <summary>Posts raw JSON to the score API and reads the answer as a JSON tree (exact field names, enum strings).</summary>
static class ScoresApi
{
    public static async Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(AppFixture app, string calculator, string json,
        string? user = AppFixture.Clinician)
    {
        var client = await app.ClientAsync(user);
        var response = await client.PostAsync($"/api/v1/scores/{calculator}", new StringContent(json, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public static async Task<JsonNode> OkAsync(AppFixture app, string calculator, string json)
    {
        var (status, body) = await PostAsync(app, calculator, json);
        status.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
        return body!;
    }

    /// <summary>Asserts the whole body equals <paramref name="expected"/> (no extra or missing fields).</summary>
    public static void ShouldEqualJson(this JsonNode actual, string expected) =>
        JsonNode.DeepEquals(actual, JsonNode.Parse(expected)).ShouldBeTrue($"actual: {actual.ToJsonString()}");

    /// <summary>Asserts a 400 ValidationProblemDetails whose errors name exactly the given fields.</summary>
    public static async Task ShouldRejectAsync(AppFixture app, string calculator, string json, params string[] fields)
    {
        var (status, body) = await PostAsync(app, calculator, json);
        status.ShouldBe(HttpStatusCode.BadRequest, body?.ToJsonString());
        body!["status"]!.GetValue<int>().ShouldBe(400);
        var errors = body["errors"]!.AsObject();
        errors.Select(e => e.Key).OrderBy(k => k).ShouldBe(fields.OrderBy(f => f), body.ToJsonString());
        foreach (var (_, messages) in errors) messages!.AsArray().Count.ShouldBeGreaterThan(0);
    }
}
