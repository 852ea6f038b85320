using System.Globalization;
using System.Text.Json.Nodes;

namespace TumorBoard.IntegrationTests.Fuzz;

/// <summary>
/// Values a well-behaved client would send, so that a request gets past binding and validation except where it is
/// broken on purpose: the test data's own values by field name when they fit the shape, ids of real records (of one
/// place when possible), dates near today, small numbers, valid enum names.
/// </summary>
public sealed class PlausibleValues(FuzzWorld world, Draw draw, IReadOnlyDictionary<string, Guid> place)
{
    static readonly string[] Texts = ["Decompression and stabilisation?", "Requested by the referring clinician.", "T5 lesion, mechanical pain", "Fuzz"];

    public JsonNode? For(Shape shape, string name, int depth = 0)
    {
        if (shape is TextShape { Format: "uuid" } && draw.Chance(0.8)) return Id(name).ToString();
        if (world.Examples.TryGetValue(name, out var examples) && draw.Chance(0.85))
        {
            var fitting = examples.Where(e => Fits(e, shape)).ToArray();
            if (fitting.Length > 0) return draw.Pick(fitting).DeepClone();
        }
        return shape switch
        {
            TextShape { Format: "uuid" } => Id(name).ToString(),
            TextShape { Format: "date" } => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(draw.Int(-30, 30))).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TextShape { Format: "date-time" } => DateTimeOffset.UtcNow.AddDays(draw.Int(1, 10)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            TextShape { Format: "time" } => "10:30:00",
            TextShape when name.Contains("email", StringComparison.OrdinalIgnoreCase) => $"fuzz.{draw.Int(0, 99999)}@example.org",
            TextShape when name.Contains("password", StringComparison.OrdinalIgnoreCase) => $"Fuzz-Passphrase-{draw.Int(1000, 9999)}",
            TextShape => draw.Pick(Texts),
            IntegerShape => draw.Int(0, 5),
            NumberShape => draw.Int(1, 30),
            BooleanShape => draw.Chance(0.5),
            EnumShape e when e.Names.Count > 0 => draw.Pick(e.Names),
            ListShape l when depth < 6 => new JsonArray([.. Enumerable.Range(0, draw.Int(1, 2)).Select(_ => For(l.Item, Singular(name), depth + 1))]),
            ObjectShape o when depth < 6 => new JsonObject(o.Fields.Select(f => KeyValuePair.Create(f.Name, For(f.Shape, f.Name, depth + 1)))),
            _ => "x",
        };
    }

    /// <summary>The id a name asks for: from the place this request is about, else any record of that kind.</summary>
    public Guid Id(string name)
    {
        var kind = FuzzWorld.KindOf(name);
        if (kind is not null && place.TryGetValue(kind, out var id) && draw.Chance(0.8)) return id;
        if (kind is not null && world.Ids.TryGetValue(kind, out var ids) && ids.Length > 0) return draw.Pick(ids);
        return draw.Chance(0.5) ? draw.Pick(world.Ids.Values.SelectMany(i => i).ToArray()) : draw.Guid();
    }

    static string Singular(string name) => name.EndsWith("Ids") ? name[..^1] : name;

    /// <summary>Whether an example value is of the shape (so a field that shares a name with another use case's keeps its type).</summary>
    public static bool Fits(JsonNode? value, Shape shape) => (shape, value) switch
    {
        (_, null) => false,
        (AnyShape, _) => true,
        (TextShape { Format: "uuid" }, JsonValue v) => v.TryGetValue<string>(out var s) && System.Guid.TryParse(s, out _),
        (TextShape { Format: "date" }, JsonValue v) => v.TryGetValue<string>(out var s) && DateOnly.TryParseExact(s, "yyyy-MM-dd", out _),
        (TextShape { Format: "date-time" }, JsonValue v) => v.TryGetValue<string>(out var s) && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, out _),
        (TextShape, JsonValue v) => v.TryGetValue<string>(out _),
        (EnumShape e, JsonValue v) => v.TryGetValue<string>(out var s) && e.Names.Contains(s),
        (IntegerShape, JsonValue v) => v.GetValueKind() == System.Text.Json.JsonValueKind.Number && !v.ToJsonString().Contains('.'),
        (NumberShape, JsonValue v) => v.GetValueKind() == System.Text.Json.JsonValueKind.Number,
        (BooleanShape, JsonValue v) => v.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False,
        (ListShape l, JsonArray a) => a.All(i => Fits(i, l.Item)),
        (ObjectShape o, JsonObject obj) => obj.All(p => o.Fields.FirstOrDefault(f => f.Name == p.Key) is { } f && (p.Value is null || Fits(p.Value, f.Shape))),
        _ => false,
    };
}
