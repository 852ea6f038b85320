using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace TumorBoard.UnitTests.Scores;

/// <summary>The serializer settings the web layer uses (camelCase, enums as member names).</summary>
internal static class ScoreJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static JsonNode ToNode<T>(T value) => JsonNode.Parse(JsonSerializer.Serialize(value, Options))!;

    public static void ShouldEqualJson(this JsonNode actual, string expectedJson) =>
        JsonNode.DeepEquals(actual, JsonNode.Parse(expectedJson))
            .ShouldBeTrue($"actual JSON was {actual.ToJsonString()}");
}
