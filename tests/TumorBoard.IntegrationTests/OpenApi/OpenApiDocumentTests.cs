using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.OpenApi;

/// <summary>
/// Issue #12 items 2–4 and 7: the served document declares the bearer token, every problem response, a summary and a
/// description for every operation and tag, enums as named strings and formats for ids and dates. Each check runs over
/// every operation of the document, so an endpoint added without them fails here. It also writes the document to
/// tools/openapi/openapi.json, which tools/openapi/lint.sh (run by .ci/run) lints with Redocly.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OpenApiDocumentTests(AppFixture app)
{
    static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonNode document) =>
        from path in document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        select (path.Key, operation.Key.ToUpperInvariant(), operation.Value!.AsObject());

    [Fact]
    public async Task Writes_the_served_document_for_the_linter()
    {
        using var client = await app.ClientAsync(null);
        var text = await client.GetStringAsync("/openapi/v1.json");
        var document = JsonNode.Parse(text)!;
        document["openapi"]!.GetValue<string>().ShouldStartWith("3.1");
        var servers = document["servers"]!.AsArray().Select(s => s!["url"]!.GetValue<string>()).ToList();
        servers.ShouldNotBeEmpty();
        servers.ShouldAllBe(url => !url.EndsWith('/'));

        var folder = Path.Combine(RepositoryRoot(), "tools", "openapi");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "openapi.json"), text);
    }

    [Fact]
    public async Task Every_operation_needs_the_bearer_token_but_those_its_endpoint_opens_to_anyone()
    {
        var document = await OpenApiSchemaNameTests.DocumentAsync(app);
        var scheme = document["components"]!["securitySchemes"]!["bearer"]!;
        scheme["type"]!.GetValue<string>().ShouldBe("http");
        scheme["scheme"]!.GetValue<string>().ShouldBe("bearer");
        scheme["description"]!.GetValue<string>().ShouldContain("cookie");

        var anonymous = app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName).OfType<string>().ToHashSet();
        var operations = Operations(document).ToList();
        operations.Count.ShouldBeGreaterThan(70);
        foreach (var (path, method, operation) in operations)
        {
            var id = operation["operationId"]!.GetValue<string>();
            var schemes = operation["security"]?.AsArray().SelectMany(r => r!.AsObject().Select(p => p.Key)).ToList();
            if (anonymous.Contains(id)) schemes.ShouldBeEmpty($"{method} {path} is open to anyone");
            else schemes.ShouldBe(["bearer"], $"{method} {path} needs the token");
        }
        anonymous.ShouldContain("IssueToken");
    }

    [Fact]
    public async Task Every_operation_has_words_a_success_and_problem_details_for_its_errors()
    {
        var document = await OpenApiSchemaNameTests.DocumentAsync(app);
        var tags = document["tags"]!.AsArray().ToDictionary(t => t!["name"]!.GetValue<string>(), t => t!["description"]?.GetValue<string>());
        List<string> missing = [];
        foreach (var (path, method, operation) in Operations(document))
        {
            var at = $"{method} {path}";
            if (string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>())) missing.Add($"{at}: summary");
            if (string.IsNullOrWhiteSpace(operation["description"]?.GetValue<string>())) missing.Add($"{at}: description (ApiWords.Operations)");
            foreach (var tag in operation["tags"]?.AsArray() ?? [])
                if (string.IsNullOrWhiteSpace(tags.GetValueOrDefault(tag!.GetValue<string>()))) missing.Add($"{at}: words for tag {tag} (ApiWords.Tags)");
            var responses = operation["responses"]!.AsObject();
            if (!responses.Any(r => r.Key.StartsWith('2'))) missing.Add($"{at}: a success response");
            foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
            {
                var schema = response!["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>();
                var expected = status == "400" ? "#/components/schemas/HttpValidationProblemDetails" : "#/components/schemas/ProblemDetails";
                if (schema != expected) missing.Add($"{at} {status}: application/problem+json {expected}");
            }
            foreach (var status in new[] { "400", "503" })
                if (!responses.ContainsKey(status)) missing.Add($"{at}: {status}");
        }
        missing.ShouldBeEmpty();

        var validation = document["components"]!["schemas"]!["HttpValidationProblemDetails"]!;
        validation["properties"]!["errors"]!["additionalProperties"]!["type"]!.ToJsonString().ShouldContain("array");
        validation["description"]!.GetValue<string>().ShouldContain("camelCase");
    }

    [Fact]
    public async Task Versioned_changes_list_If_Match_and_writes_list_Idempotency_Key()
    {
        var document = await OpenApiSchemaNameTests.DocumentAsync(app);
        var operations = Operations(document).ToDictionary(o => o.Operation["operationId"]!.GetValue<string>());
        static IEnumerable<string> Headers(JsonObject o) =>
            (o["parameters"]?.AsArray() ?? []).Where(p => p!["in"]!.GetValue<string>() == "header").Select(p => p!["name"]!.GetValue<string>());

        var update = operations["UpdateCase"].Operation;
        Headers(update).ShouldContain("If-Match");
        Headers(update).ShouldContain("Idempotency-Key");
        new[] { "200", "400", "401", "403", "404", "409", "412", "422", "428" }.ShouldBeSubsetOf(update["responses"]!.AsObject().Select(r => r.Key));
        var position = operations["RecordPosition"].Operation;   // retries on its own: no version asked
        Headers(position).ShouldNotContain("If-Match");
        position["responses"]!.AsObject().Select(r => r.Key).ShouldNotContain("428");
        var list = operations["ListCases"].Operation;
        Headers(list).ShouldBeEmpty();
        list["responses"]!.AsObject().Select(r => r.Key).ShouldNotContain("409");
        foreach (var (_, method, operation) in operations.Values)
            if (method is "POST" or "PUT" && operation["security"]!.AsArray().Count > 0)
                Headers(operation).ShouldContain("Idempotency-Key");
    }

    [Fact]
    public async Task Enums_are_named_strings_with_the_clinics_words_and_ids_and_dates_have_formats()
    {
        var document = await OpenApiSchemaNameTests.DocumentAsync(app);
        var schemas = document["components"]!["schemas"]!;
        var status = schemas["CaseStatus"]!;
        status["type"]!.ToJsonString().ShouldContain("string");
        status["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ShouldContain("ReadyForBoard");
        status["description"]!.GetValue<string>().ShouldContain("`ReadyForBoard` (Ready for board)");

        // A nullable enumeration property says so itself; the component lists the members only (lint: no null member of a string enum).
        var frankel = schemas["RegisterCaseCommand"]!["properties"]!["frankel"]!["oneOf"]!.AsArray().Select(o => o!.ToJsonString()).ToList();
        frankel.ShouldContain("""{"type":"null"}""");
        frankel.ShouldContain("""{"$ref":"#/components/schemas/FrankelGrade"}""");
        schemas["FrankelGrade"]!["enum"]!.AsArray().ShouldAllBe(v => v != null);
        schemas["FrankelGrade"]!["type"]!.GetValue<string>().ShouldBe("string");

        var details = schemas["CaseDetails"]!["properties"]!;
        details["id"]!["format"]!.GetValue<string>().ShouldBe("uuid");
        details["createdAt"]!["format"]!.GetValue<string>().ShouldBe("date-time");
        schemas["CasePatientSummary"]!["properties"]!["dateOfBirth"]!["format"]!.GetValue<string>().ShouldBe("date");
    }

    [Fact]
    public async Task Problems_declare_their_trace_id_and_fields_left_out_when_empty_are_not_required()
    {
        var document = await OpenApiSchemaNameTests.DocumentAsync(app);
        var schemas = document["components"]!["schemas"]!;
        foreach (var problem in new[] { "ProblemDetails", "HttpValidationProblemDetails" })
            schemas[problem]!["properties"]!["traceId"]!["type"]!.GetValue<string>().ShouldBe("string", problem);

        // The conversion answers either { ecog } or { karnofskyMin, karnofskyMax }: none of the three is always there.
        var required = (schemas["ConvertPerformanceStatusResult"]!["required"]?.AsArray() ?? [])
            .Select(n => n!.GetValue<string>()).ToList();
        required.ShouldNotContain("ecog");
        required.ShouldNotContain("karnofskyMin");
        required.ShouldNotContain("karnofskyMax");

        // A property that is null until something happens says so (oneOf null), as the board view's draft and current version.
        foreach (var name in new[] { "draft", "current" })
            schemas["BoardViewDecisionState"]!["properties"]![name]!.ToJsonString().ShouldContain("""{"type":"null"}""", Case.Sensitive, name);

        // What the server answers: the omitted field is absent, and what is still required is there.
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        var answer = await client.PostAsJsonAsync("/api/v1/scores/performance-status", new { ecog = 1 });
        answer.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!.AsObject();
        body.ContainsKey("ecog").ShouldBeFalse();
        foreach (var name in required) body.ContainsKey(name).ShouldBeTrue(name);
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TumorBoard.sln"))) return dir.FullName;
        throw new InvalidOperationException("No TumorBoard.sln above " + AppContext.BaseDirectory);
    }
}
