using System.Text.Json.Nodes;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Http.BadInput;

/// <summary>Issue #10 item 8: a JSON body that gives a field twice is refused (400 naming it), never "the last one wins".</summary>
public sealed class DuplicateKeyTests(AppFixture app) : BadInputTest(app)
{
    /// <summary>The body with its last property written once more (same name, or the name in another case).</summary>
    static string Twice(JsonObject body, Func<string, string> rename)
    {
        var json = body.ToJsonString();
        return json.Length <= 2 ? json : json.TrimEnd('}') + "," + Repeat(body, rename) + "}";
    }

    static string Repeat(JsonObject body, Func<string, string> rename)
    {
        var (name, value) = body.Last();
        return $"\"{rename(name)}\":{value?.ToJsonString() ?? "null"}";
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Refuses_a_field_given_twice_in_every_body_naming_it(bool otherCase)
    {
        var before = await ApiSurface.FingerprintAsync(App);
        var client = await ClientAsync();
        List<string> failures = [];
        var count = 0;
        foreach (var op in Operations.Where(o => o.BodyType is not null))
        {
            var field = op.BodyFields.First(f => f.Path.Count == 1);
            count++;
            var body = new JsonObject { [field.Path[0].Name] = Sample(field) };
            using var response = await ApiSurface.SendAsync(client, op, Twice(body, n => otherCase ? n.ToUpperInvariant() : n));
            // The second spelling is the one named: in another case it is reported as sent ("DISPLAYNAME" -> "displayname").
            var key = otherCase ? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(field.Key.ToUpperInvariant()) : field.Key;
            if (await NamesFieldAsync(response, op, key, only: true) is { Length: > 0 } problem) failures.Add($"{op} {field.Key} twice: {problem}");
        }
        ShouldAllPass(failures, count);
        (await ApiSurface.FingerprintAsync(App)).ShouldBe(before);
    }

    [Fact]
    public async Task Refuses_a_field_given_twice_inside_a_nested_part_and_a_list_entry()
    {
        var client = await ClientAsync();
        using var content = await client.PostAsync($"/api/v1/meetings/{Guid.NewGuid()}/agenda/{Guid.NewGuid()}/decision", Json(
            """{"content":{"rationale":"Separation surgery first.","outcome":"TreatmentRecommendation","rationale":"SBRT alone."}}"""));
        (await NamesFieldAsync(content, "content.rationale", only: true)).ShouldBeEmpty();
        (await MessagesAsync(content, "content.rationale")).ShouldHaveSingleItem().ShouldContain("more than once");

        using var lesion = await client.PutAsync($"/api/v1/cases/{Guid.NewGuid()}/assessments/neurosurgery/draft", Json(
            """{"lesions":[{"indexLevel":"T4","escc":"1a","indexLevel":"T5"}]}"""));
        (await NamesFieldAsync(lesion, "lesions[0].indexLevel", only: true)).ShouldBeEmpty();
    }

    static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    /// <summary>A value of the field's type that binds (so that only the repetition is wrong).</summary>
    static JsonNode? Sample(BodyField field) => field.Kind switch
    {
        FieldKind.Text => "text",
        FieldKind.Date => "2026-01-01",
        FieldKind.Instant => "2026-01-01T10:00:00Z",
        FieldKind.Enum => Enum.GetNames(Nullable.GetUnderlyingType(field.Type) ?? field.Type)[0],
        FieldKind.List => new JsonArray(),
        FieldKind.Part => new JsonObject(),
        _ when (Nullable.GetUnderlyingType(field.Type) ?? field.Type) == typeof(bool) => false,
        _ when (Nullable.GetUnderlyingType(field.Type) ?? field.Type) == typeof(Guid) => Guid.NewGuid().ToString(),
        _ => 1,
    };
}
