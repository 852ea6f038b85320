using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Http.BadInput;

/// <summary>Issue #10 item 8: an enum takes only its documented names, in the query string and in bodies alike.</summary>
public sealed class BadEnumTests(AppFixture app) : BadInputTest(app)
{
    static Type Element(Type t) => Nullable.GetUnderlyingType(t.IsArray ? t.GetElementType()! : t) ?? (t.IsArray ? t.GetElementType()! : t);

    IEnumerable<(ApiOperation Op, QueryParameter Parameter)> QueryEnums() =>
        Operations.SelectMany(op => op.Query.Where(q => Element(q.Type).IsEnum).Select(q => (op, q)));

    [Theory]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("1,2")]
    [InlineData("NotAName")]
    [InlineData(" {0}")]
    [InlineData("{0},{1}")]
    public async Task Refuses_anything_but_a_documented_name_for_every_enum_in_the_query_string(string pattern)
    {
        var client = await ClientAsync();
        List<string> failures = [];
        foreach (var (op, parameter) in QueryEnums())
        {
            var names = Enum.GetNames(Element(parameter.Type));
            var value = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, names[0], names[^1]);
            using var response = await ApiSurface.SendAsync(client, op, null, $"{parameter.Name}={Uri.EscapeDataString(value)}");
            var key = JsonNamingPolicy.CamelCase.ConvertName(parameter.Name);
            if (await NamesFieldAsync(response, key, only: true) is { Length: > 0 } problem) failures.Add($"{op} ?{parameter.Name}={value}: {problem}");
            else if (!(await MessagesAsync(response, key)).Any(m => m.Contains(names[^1]))) failures.Add($"{op} ?{parameter.Name}={value}: the names are not listed");
        }
        ShouldAllPass(failures, QueryEnums().Count());
        QueryEnums().Count().ShouldBeGreaterThanOrEqualTo(5);   // cases status/urgency/histology, meetings status, next-with-room urgency
    }

    [Fact]
    public async Task Takes_every_documented_name_in_the_query_string_and_no_other_spelling()
    {
        var client = await ClientAsync();
        List<string> failures = [];
        var count = 0;
        foreach (var (op, parameter) in QueryEnums())
            foreach (var name in Enum.GetNames(Element(parameter.Type)))
            {
                count++;
                using var response = await ApiSurface.SendAsync(client, op, null, $"{parameter.Name}={name}");
                if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.NoContent))
                    failures.Add($"{op} ?{parameter.Name}={name}: answered {(int)response.StatusCode}");
                // Binding matches names by case, as the check does: another spelling is a 400 naming the parameter (upper case
                // for a name that is lower case already: the export's kind=decisions).
                var other = name.ToLowerInvariant() != name ? name.ToLowerInvariant() : name.ToUpperInvariant();
                using var lower = await ApiSurface.SendAsync(client, op, null, $"{parameter.Name}={other}");
                if (await NamesFieldAsync(lower, JsonNamingPolicy.CamelCase.ConvertName(parameter.Name), only: true) is { Length: > 0 } problem)
                    failures.Add($"{op} ?{parameter.Name}={other}: {problem}");
            }
        ShouldAllPass(failures, count);
    }

    IEnumerable<(ApiOperation Op, BodyField Field, bool InList)> BodyEnums() =>
        Operations.SelectMany(op => op.BodyFields
            .Where(f => f.Kind == FieldKind.Enum || f is { Kind: FieldKind.List, ItemKind: FieldKind.Enum })
            .Select(f => (op, f, f.Kind == FieldKind.List)));

    public static TheoryData<string> BadBodyValues => ["\"1\"", "\"-1\"", "1", "\"NotAName\"", "\"\"", "true", "{}"];

    [Theory]
    [MemberData(nameof(BadBodyValues))]
    public async Task Refuses_anything_but_a_documented_name_for_every_enum_in_every_body(string json)
    {
        var client = await ClientAsync();
        List<string> failures = [];
        foreach (var (op, field, inList) in BodyEnums())
        {
            var value = JsonNode.Parse(json);
            using var response = await ApiSurface.SendAsync(client, op, op.Body(field, inList ? new JsonArray(value) : value));
            var key = inList ? field.Key + "[0]" : field.Key;
            if (await NamesFieldAsync(response, key, only: true) is { Length: > 0 } problem) failures.Add($"{op} {key} = {json}: {problem}");
        }
        ShouldAllPass(failures, BodyEnums().Count());
    }
}
