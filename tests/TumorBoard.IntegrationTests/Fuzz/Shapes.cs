using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TumorBoard.IntegrationTests.Fuzz;

/// <summary>What a field or parameter holds: enough to generate a plausible value, and to know which ways to break it.</summary>
public abstract record Shape;

/// <summary>A JSON string; <see cref="Format"/> as OpenAPI names it (uuid, date, date-time, time) or null for free text.</summary>
public sealed record TextShape(string? Format = null) : Shape
{
    public bool IsFreeText => Format is null;
}

public sealed record IntegerShape : Shape;
public sealed record NumberShape : Shape;
public sealed record BooleanShape : Shape;
public sealed record EnumShape(IReadOnlyList<string> Names) : Shape;
public sealed record ListShape(Shape Item) : Shape;
public sealed record ObjectShape(IReadOnlyList<FieldShape> Fields) : Shape;
public sealed record AnyShape : Shape;
public sealed record FieldShape(string Name, Shape Shape);

public static class Shapes
{
    /// <summary>The shape System.Text.Json gives a CLR type under the API's options (camelCase, enums by name).</summary>
    public static Shape FromType(Type type) => FromType(type, []);

    static Shape FromType(Type type, HashSet<Type> open)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return new TextShape();
        if (type == typeof(Guid)) return new TextShape("uuid");
        if (type == typeof(DateOnly)) return new TextShape("date");
        if (type == typeof(DateTime) || type == typeof(DateTimeOffset)) return new TextShape("date-time");
        if (type == typeof(TimeOnly) || type == typeof(TimeSpan)) return new TextShape("time");
        if (type == typeof(bool)) return new BooleanShape();
        if (type.IsEnum) return new EnumShape(Enum.GetNames(type));
        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
            || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte)) return new IntegerShape();
        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float)) return new NumberShape();
        if (type == typeof(object) || type == typeof(JsonElement) || type.Namespace == "System.Text.Json.Nodes") return new AnyShape();
        if (typeof(IDictionary).IsAssignableFrom(type) || type.GetInterfaces().Any(i => i.IsGenericType
            && i.GetGenericTypeDefinition() == typeof(IDictionary<,>))) return new ObjectShape([]);
        if (type.IsArray) return new ListShape(FromType(type.GetElementType()!, open));
        if (type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            is { } enumerable) return new ListShape(FromType(enumerable.GetGenericArguments()[0], open));
        if (!open.Add(type)) return new AnyShape();   // a recursive type: stop here
        var fields = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.SetMethod is { IsPublic: true }
                && p.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.Always })
            .Select(p => new FieldShape(p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                FromType(p.PropertyType, open)))
            .ToArray();
        open.Remove(type);
        return new ObjectShape(fields);
    }

    /// <summary>The shape an OpenAPI 3.1 schema describes (refs resolved against <paramref name="schemas"/>).</summary>
    public static Shape FromSchema(JsonElement schema, JsonElement schemas, int depth = 0)
    {
        if (depth > 12) return new AnyShape();
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return schemas.TryGetProperty(name, out var target) ? FromSchema(target, schemas, depth + 1) : new AnyShape();
        }
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
            if (schema.TryGetProperty(combinator, out var alternatives))
                foreach (var alternative in alternatives.EnumerateArray())
                    if (!IsNullOnly(alternative)) return FromSchema(alternative, schemas, depth + 1);
        if (schema.TryGetProperty("enum", out var values))
            return new EnumShape(values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToArray());
        var type = TypeOf(schema);
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return type switch
        {
            "string" => new TextShape(format is "uuid" or "date" or "date-time" or "time" ? format : null),
            "integer" => new IntegerShape(),
            "number" => new NumberShape(),
            "boolean" => new BooleanShape(),
            "array" => new ListShape(schema.TryGetProperty("items", out var items) ? FromSchema(items, schemas, depth + 1) : new AnyShape()),
            "object" or null when schema.TryGetProperty("properties", out _) => new ObjectShape(schema.GetProperty("properties")
                .EnumerateObject().Select(p => new FieldShape(p.Name, FromSchema(p.Value, schemas, depth + 1))).ToArray()),
            _ => new AnyShape(),
        };
    }

    /// <summary>"type": "x" or "type": ["null", "x"]: the first type that is not null.</summary>
    static string? TypeOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type)) return null;
        if (type.ValueKind == JsonValueKind.String) return type.GetString();
        return type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null");
    }

    static bool IsNullOnly(JsonElement schema) => schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null";

    /// <summary>The field names of an object shape, for comparing two descriptions of one body.</summary>
    public static IReadOnlySet<string> FieldNames(Shape shape) =>
        shape is ObjectShape o ? o.Fields.Select(f => f.Name).ToHashSet() : new HashSet<string>();

    /// <summary>Every shape inside <paramref name="shape"/> (itself included), depth first.</summary>
    public static IEnumerable<Shape> All(Shape shape)
    {
        yield return shape;
        IEnumerable<Shape> inner = shape switch
        {
            ListShape l => [l.Item],
            ObjectShape o => o.Fields.Select(f => f.Shape),
            _ => Enumerable.Empty<Shape>(),
        };
        foreach (var s in inner.SelectMany(All)) yield return s;
    }
}
