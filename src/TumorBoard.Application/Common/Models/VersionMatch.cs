using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TumorBoard.Application.Common.Models;

/// <summary>
/// The row versions a change may be based on, as RFC 9110 §13.1.1 (If-Match) defines them: one version (the form's hidden
/// field, or <c>If-Match: "7"</c>), any of several (<c>If-Match: "7", "9"</c>, the list evaluated whole), or any current
/// version at all (<c>If-Match: *</c>: the record must exist, its version does not matter). <see cref="None"/> is a
/// precondition no version satisfies (only weak or foreign tags were sent: a weak tag never matches, strong comparison).
/// A missing precondition is a null <c>VersionMatch?</c> on the command: 428 where the change requires one.
/// </summary>
[TypeConverter(typeof(VersionMatchTypeConverter))]
[JsonConverter(typeof(VersionMatchJsonConverter))]
public readonly struct VersionMatch : IEquatable<VersionMatch>
{
    readonly uint[]? versions;
    readonly bool any;

    VersionMatch(uint[]? versions, bool any)
    {
        this.versions = versions;
        this.any = any;
    }

    /// <summary>If-Match: * — any current version.</summary>
    public static VersionMatch Any { get; } = new(null, any: true);

    /// <summary>A precondition that no version satisfies (412).</summary>
    public static VersionMatch None { get; } = new([], any: false);

    public static VersionMatch OneOf(IEnumerable<uint> versions) => new([.. versions.Distinct()], any: false);

    public bool IsAny => any;

    public IReadOnlyList<uint> Versions => versions ?? [];

    public bool Matches(uint current) => any || (versions?.Contains(current) ?? false);

    public static implicit operator VersionMatch(uint version) => new([version], any: false);

    /// <summary>"*", or the versions separated by commas (one version for a form's hidden field).</summary>
    public override string ToString() =>
        any ? "*" : string.Join(",", Versions.Select(v => v.ToString(CultureInfo.InvariantCulture)));

    public static bool TryParse(string? text, out VersionMatch match)
    {
        match = None;
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (text.Trim() == "*") { match = Any; return true; }
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var parsed = new List<uint>();
        foreach (var part in parts)
        {
            if (!uint.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var v)) return false;
            parsed.Add(v);
        }
        match = OneOf(parsed);
        return true;
    }

    // No == / != on purpose: with the implicit conversion from uint, "expected != entity.Version" would compile and be
    // wrong for * and lists. Compare with Matches.
    public bool Equals(VersionMatch other) => any == other.any && Versions.SequenceEqual(other.Versions);
    public override bool Equals(object? obj) => obj is VersionMatch other && Equals(other);
    public override int GetHashCode() => any ? 1 : Versions.Aggregate(17, (h, v) => h * 31 + (int)v);
}

/// <summary>The form's hidden version field binds to and renders from the plain number.</summary>
public sealed class VersionMatchTypeConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string s
            ? VersionMatch.TryParse(s, out var match) ? match : throw new FormatException($"'{s}' is not a record version.")
            : base.ConvertFrom(context, culture, value);

    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
        destinationType == typeof(string) && value is VersionMatch match ? match.ToString() : base.ConvertTo(context, culture, value, destinationType);
}

/// <summary>In a JSON body the version is the number the ETag carries (the API takes it from If-Match instead).</summary>
public sealed class VersionMatchJsonConverter : JsonConverter<VersionMatch>
{
    public override VersionMatch Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetUInt32(out var version) ? version
        : reader.TokenType == JsonTokenType.String && VersionMatch.TryParse(reader.GetString(), out var match) ? match
        : throw new JsonException("A record version is a number.");

    public override void Write(Utf8JsonWriter writer, VersionMatch value, JsonSerializerOptions options)
    {
        if (!value.IsAny && value.Versions.Count == 1) writer.WriteNumberValue(value.Versions[0]);
        else writer.WriteStringValue(value.ToString());
    }
}
