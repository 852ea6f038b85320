using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;
using static TumorBoard.IntegrationTests.Fhir.FhirRecords;

namespace TumorBoard.IntegrationTests.Fhir;

/// <summary>
/// The FHIR import under bad records: the general fuzzer (Fuzz/ApiFuzzTests) reaches only the body's top level, the one
/// field the document shows (<c>resourceType</c>); here a valid Bundle (Patient + Condition) is damaged at a random element,
/// deep inside, in one of many ways, and sent to <c>POST /api/v1/patients/$import</c>. Property: never a 5xx; a 400 is
/// problem+json naming <c>resource</c> with its issues; a 2xx is a patient registered or found; nothing half-written.
/// Fixed seed (TUMORBOARD_FHIR_FUZZ_SEED replays another), at most TUMORBOARD_FHIR_FUZZ_COUNT records (default 150).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class FhirImportFuzzTests(AppFixture app) : DatabaseTest(app)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        WarmUpValidator(app);
    }

    [Fact]
    public async Task Damaged_records_get_a_400_naming_the_resource_or_import_never_a_server_error()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("TUMORBOARD_FHIR_FUZZ_SEED"), out var s) ? s : 20261202;
        var count = int.TryParse(Environment.GetEnvironmentVariable("TUMORBOARD_FHIR_FUZZ_COUNT"), out var c) && c > 0 ? c : 150;
        var random = new Random(seed);
        var valid = Json(Bundle(Patient(mrn: "FUZZ-1"), PrimaryTumour()));
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        List<string> failures = [];
        var statuses = new SortedDictionary<int, int>();
        var answers201 = 0;

        for (var i = 0; i < count && failures.Count < 10; i++)
        {
            var (body, what) = Damage(random, valid);
            using var content = new ByteArrayContent(body);
            content.Headers.TryAddWithoutValidation("Content-Type", "application/fhir+json");
            using var response = await client.PostAsync("/api/v1/patients/$import", content);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var text = await response.Content.ReadAsStringAsync();
            if (status == 201) answers201++;
            if (Broken(status, response.Content.Headers.ContentType?.MediaType, text) is { } why)
                failures.Add($"#{i} (seed {seed}) {what}: {why}\n  {Encoding.UTF8.GetString(body)[..Math.Min(body.Length, 400)]}");
        }

        failures.ShouldBeEmpty(string.Join("\n", failures) + $"\nanswers: {string.Join(" ", statuses.Select(x => $"{x.Key}:{x.Value}"))}");
        statuses.Keys.ShouldContain(400);
        // Every patient came with a 201 (the 200s found one); at most one per distinct MRN the damage left readable.
        (await app.QueryDbAsync(db => db.Patients.CountAsync())).ShouldBe(answers201);
        (await app.VerifyAuditTrailAsync()).Valid.ShouldBeTrue();
    }

    static string? Broken(int status, string? media, string text)
    {
        if (status >= 500) return $"answered {status}: {text[..Math.Min(text.Length, 600)]}";
        if (status is 200 or 201) return null;
        if (status != 400) return $"answered {status}";
        if (media != "application/problem+json") return $"400 as {media}";
        var problem = JsonDocument.Parse(text).RootElement;
        if (problem.ErrorKeys() is not ["resource"]) return $"400 naming [{string.Join(", ", problem.ErrorKeys())}]: {text[..Math.Min(text.Length, 400)]}";
        if (!problem.TryGetProperty("issues", out var issues) || issues.GetArrayLength() == 0) return "400 without issues";
        return null;
    }

    // ---- damage ------------------------------------------------------------------------------------------------------

    sealed record Spot(JsonNode? Node, Action<JsonNode?> Set, Action? Remove, string Path);

    static (byte[] Body, string What) Damage(Random random, string valid)
    {
        if (random.Next(8) == 0) return RawDamage(random, valid);
        var root = JsonNode.Parse(valid)!;
        var spots = new List<Spot>();
        Walk(root, v => root = v!, null, "$", spots);
        var spot = spots[random.Next(spots.Count)];
        var (value, what) = Replacement(random, spot.Node);
        if (what == "removed" && spot.Remove is { } remove) remove();
        else spot.Set(value);
        var text = root?.ToJsonString() ?? "null";
        return (Encoding.UTF8.GetBytes(text.Replace("\"__LONE_SURROGATE__\"", "\"half \\ud800 a pair\"")), $"{what} at {spot.Path}");
    }

    static void Walk(JsonNode? node, Action<JsonNode?> set, Action? remove, string path, List<Spot> into)
    {
        into.Add(new Spot(node, set, remove, path));
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, _) in o.ToList())
                    Walk(o[key], v => o[key] = v, () => o.Remove(key), $"{path}.{key}", into);
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    var at = i;
                    Walk(a[at], v => a[at] = v, () => a.RemoveAt(at), $"{path}[{at}]", into);
                }
                break;
        }
    }

    static readonly string[] ResourceTypes = ["Patient", "Bundle", "Condition", "Observation", "OperationOutcome", "Basic", "patient", "Unknown", ""];

    static (JsonNode? Value, string What) Replacement(Random random, JsonNode? current)
    {
        JsonNode? Deep(int depth)
        {
            JsonNode node = new JsonObject { ["url"] = "http://example.org/x", ["valueString"] = "x" };
            for (var i = 0; i < depth; i++) node = new JsonObject { ["url"] = "http://example.org/x", ["extension"] = new JsonArray(node) };
            return node;
        }
        return random.Next(22) switch
        {
            0 => (null, "null"),
            1 => (1, "a number"),
            2 => (JsonNode.Parse("-1.5e300"), "a huge number"),
            3 => (true, "a boolean"),
            4 => ("", "an empty string"),
            5 => (new string('x', random.Next(2) == 0 ? 10_000 : 500_000), "a long string"),
            6 => (new JsonObject(), "an empty object"),
            7 => (new JsonArray(), "an empty array"),
            8 => (new JsonArray((JsonNode?)null), "an array holding null"),
            9 => (Deep(random.Next(20, 80)), "deeply nested extensions"),
            10 => (new JsonObject { ["unexpected"] = 1 }, "an object with an unknown element"),
            11 => ("Mus\u0007ter\u0000", "control characters"),
            12 => ("__LONE_SURROGATE__", "an unpaired surrogate"),
            13 => (random.Next(2) == 0 ? "2026-02-30" : "1961-04-12T25:61:00Z", "an impossible date"),
            14 => (ResourceTypes[random.Next(ResourceTypes.Length)], "another resource type name"),
            15 => (new JsonObject { ["resourceType"] = ResourceTypes[random.Next(ResourceTypes.Length)] }, "an empty resource"),
            16 => (current is JsonArray a && a.Count > 0 ? new JsonArray([.. Enumerable.Range(0, random.Next(2, 2_000)).Select(_ => a[0]?.DeepClone())]) : "x", "a repeated entry"),
            17 => (JsonNode.Parse("""{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient"}}]}"""), "a nested Bundle"),
            18 => (JsonNode.Parse("""[{"reference":"#p"},{"reference":"Patient/../../x"},{"reference":"urn:uuid:not-a-uuid"}]"""), "odd references"),
            19 => (JsonNode.Parse("""{"coding":[{"system":"http://snomed.info/sct","code":"254837009"},{"system":"http://hl7.org/fhir/sid/icd-10","code":"C61"}]}"""), "codings that disagree"),
            20 => ("<div xmlns=\"http://www.w3.org/1999/xhtml\"><script>alert(1)</script></div>", "markup"),
            _ => (null, "removed"),
        };
    }

    static (byte[] Body, string What) RawDamage(Random random, string valid)
    {
        var at = random.Next(valid.Length);
        return random.Next(7) switch
        {
            0 => (Encoding.UTF8.GetBytes(valid[..at]), "truncated"),
            1 => ([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(valid)], "a byte order mark"),
            2 => ([.. Encoding.UTF8.GetBytes(valid[..at]), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(valid[at..])], "invalid UTF-8"),
            3 => (Encoding.UTF8.GetBytes(valid.Replace("\"gender\"", "\"gender\":\"male\",\"gender\"")), "a property twice"),
            4 => (Encoding.UTF8.GetBytes(valid + valid), "two records"),
            5 => (Encoding.Unicode.GetBytes(valid), "UTF-16"),
            _ => (Encoding.UTF8.GetBytes("[" + valid + "]"), "a record in an array"),
        };
    }
}
