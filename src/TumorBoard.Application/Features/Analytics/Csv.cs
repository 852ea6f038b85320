using System.Globalization;

namespace TumorBoard.Application.Features.Analytics;

/// <summary>
/// RFC 4180 fields and records: CRLF after every record, a field quoted when it holds a comma, a quote, CR or LF, quotes
/// doubled. Numbers and dates in the invariant culture, instants as ISO 8601 UTC (pathways.md §2: de-CH would write
/// thousands with U+2019).
/// </summary>
public static class Csv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
    }

    public static string Field(object? value) => value switch
    {
        null => "",
        string s => Field(s),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateTime t => DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => Field(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => Field(value.ToString()),
    };

    public static Task WriteRecordAsync(TextWriter writer, IEnumerable<object?> fields) =>
        writer.WriteAsync(string.Join(",", fields.Select(Field)) + "\r\n");
}
