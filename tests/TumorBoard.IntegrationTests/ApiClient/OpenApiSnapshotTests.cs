using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.ApiClient;

/// <summary>
/// The generated client (<c>ApiClient/Generated</c>) is generated from <c>ApiClient/openapi.json</c>, the served document
/// as it was when someone last ran <c>ApiClient/regenerate.sh</c>. This test fails when the served document has changed
/// since, so a change of the API cannot go without regenerating the client (and the workflow test then compiles against
/// what the API really is). With <c>TUMORBOARD_WRITE_OPENAPI_SNAPSHOT=1</c> (what the script sets) it writes the
/// snapshot instead.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OpenApiSnapshotTests(AppFixture app)
{
    public const string WriteVariable = "TUMORBOARD_WRITE_OPENAPI_SNAPSHOT";

    [Fact]
    public async Task The_checked_in_document_the_client_is_generated_from_is_the_served_one()
    {
        using var client = await app.ClientAsync(null);
        using var response = await client.GetAsync("/openapi/v1.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var served = Snapshot(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
        var path = SnapshotPath();

        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
            await File.WriteAllTextAsync(path, served.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");

        File.Exists(path).ShouldBeTrue($"{path} is missing: run tests/TumorBoard.IntegrationTests/ApiClient/regenerate.sh");
        var checkedIn = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        JsonNode.DeepEquals(served, checkedIn).ShouldBeTrue(
            "The served /openapi/v1.json differs from ApiClient/openapi.json, which the generated client was made from: run " +
            "tests/TumorBoard.IntegrationTests/ApiClient/regenerate.sh and commit the document and the client. First difference: " +
            FirstDifference(served, checkedIn, "$"));
    }

    /// <summary>The document without <c>servers</c>: the test host's address is not part of the contract.</summary>
    static JsonObject Snapshot(JsonObject document)
    {
        document.Remove("servers");
        return document;
    }

    /// <summary>The snapshot in the source tree (not the copy in bin), found from the test assembly upwards.</summary>
    public static string SnapshotPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TumorBoard.IntegrationTests.csproj")))
                return Path.Combine(dir.FullName, "ApiClient", "openapi.json");
        throw new InvalidOperationException("The integration test project's folder was not found above " + AppContext.BaseDirectory);
    }

    static string FirstDifference(JsonNode? a, JsonNode? b, string at)
    {
        if (a is JsonObject oa && b is JsonObject ob)
        {
            foreach (var key in oa.Select(p => p.Key).Union(ob.Select(p => p.Key)))
                if (!JsonNode.DeepEquals(oa[key], ob[key])) return FirstDifference(oa[key], ob[key], $"{at}.{key}");
        }
        else if (a is JsonArray aa && b is JsonArray ab && aa.Count == ab.Count)
        {
            for (var i = 0; i < aa.Count; i++)
                if (!JsonNode.DeepEquals(aa[i], ab[i])) return FirstDifference(aa[i], ab[i], $"{at}[{i}]");
        }
        return $"{at}: served {Short(a)}, checked in {Short(b)}";
    }

    static string Short(JsonNode? node) => node?.ToJsonString() is { } s ? s.Length > 200 ? s[..200] + "…" : s : "nothing";
}
