using System.Text.Json;
using TumorBoard.Domain.Common;

namespace TumorBoard.Domain.Assessments;

/// <summary>One field that differs between two versions; Old or New is null when the field was absent or null.</summary>
public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>What changed between two versions' content: their JSON flattened to paths ("lesions[0].pain") and compared.</summary>
public static class VersionDiff
{
    public static IReadOnlyList<FieldChange> Between(string oldJson, string newJson)
    {
        return FieldDiff.Changed(Flatten(oldJson), Flatten(newJson))
            .Select(c => new FieldChange(c.Key, c.Before, c.After))
            .OrderBy(c => c.Field, StringComparer.Ordinal)
            .ToList();
    }

    public static Dictionary<string, string?> Flatten(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        Walk(doc.RootElement, "", fields);
        return fields;
    }

    static void Walk(JsonElement e, string path, Dictionary<string, string?> fields)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject()) Walk(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}", fields);
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in e.EnumerateArray()) Walk(item, $"{path}[{i++}]", fields);
                break;
            case JsonValueKind.Null:
                break;   // null and absent read the same
            case JsonValueKind.String:
                fields[path] = e.GetString();
                break;
            default:
                fields[path] = e.GetRawText();
                break;
        }
    }
}
