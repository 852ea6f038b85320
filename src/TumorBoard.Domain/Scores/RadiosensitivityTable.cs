using System.Text.Json;
using System.Text.Json.Serialization;
using TumorBoard.Domain.Clinical;

namespace TumorBoard.Domain.Scores;

/// <summary>Radiosensitivity to conventional EBRT (scores.md §3.2). Unknown = radiation oncology must classify.</summary>
public enum Radiosensitivity { Sensitive, Resistant, Unknown }

/// <summary>One table row. <see cref="Verified"/> false = UNVERIFIED in scores.md §3.2: usable only as a flagged pre-fill.</summary>
public sealed record RadiosensitivityEntry(Radiosensitivity Radiosensitivity, bool Verified, string Source);

/// <summary>
/// Histology -> radiosensitivity, as deployment DATA (scores.md §3.2: pre-fill, overridable, 2013-era).
/// The default ships as the embedded resource Scores/radiosensitivity.default.json; a deployment can supply
/// its own JSON of the same shape via <see cref="FromJson"/>. Histologies absent from a table are Unknown.
/// </summary>
public sealed class RadiosensitivityTable
{
    public const string DefaultResourceName = "TumorBoard.Domain.Scores.radiosensitivity.default.json";

    private static readonly Lazy<RadiosensitivityTable> LazyDefault = new(() => FromJson(DefaultJson()));

    private static readonly JsonSerializerOptions ParseOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly Dictionary<PrimaryHistology, RadiosensitivityEntry> _entries;

    private RadiosensitivityTable(string version, Dictionary<PrimaryHistology, RadiosensitivityEntry> entries)
    {
        Version = version;
        _entries = entries;
    }

    /// <summary>The shipped default table.</summary>
    public static RadiosensitivityTable Default => LazyDefault.Value;

    /// <summary>Free-text version of the table (stored with a suggestion for auditability).</summary>
    public string Version { get; }

    public IReadOnlyDictionary<PrimaryHistology, RadiosensitivityEntry> Entries => _entries;

    /// <summary>The text of the embedded default JSON.</summary>
    public static string DefaultJson()
    {
        using var stream = typeof(RadiosensitivityTable).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {DefaultResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Parses a table: { "version": "...", "entries": { "&lt;PrimaryHistology name&gt;": { "radiosensitivity":
    /// "Sensitive|Resistant|Unknown", "verified": bool (default false), "source": "..." } } }.
    /// Throws <see cref="FormatException"/> on an unknown histology name, a missing class or source.
    /// </summary>
    public static RadiosensitivityTable FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        TableDto dto;
        try
        {
            dto = JsonSerializer.Deserialize<TableDto>(json, ParseOptions) ?? throw new FormatException("Empty table.");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Invalid radiosensitivity table JSON: {ex.Message}", ex);
        }

        var entries = new Dictionary<PrimaryHistology, RadiosensitivityEntry>();
        foreach (var (key, row) in dto.Entries ?? [])
        {
            if (!Enum.TryParse<PrimaryHistology>(key, out var histology) || histology.ToString() != key)
                throw new FormatException($"'{key}' is not a PrimaryHistology name.");
            if (row.Radiosensitivity is not { } cls || !Enum.IsDefined(cls))
                throw new FormatException($"Entry '{key}' has no valid radiosensitivity.");
            if (string.IsNullOrWhiteSpace(row.Source))
                throw new FormatException($"Entry '{key}' has no source.");
            entries[histology] = new RadiosensitivityEntry(cls, row.Verified ?? false, row.Source);
        }
        return new RadiosensitivityTable(dto.Version ?? "unversioned", entries);
    }

    /// <summary>The entry for a histology; Unknown when the table does not list it (scores.md §3.2: never default).</summary>
    public RadiosensitivityEntry Lookup(PrimaryHistology histology) =>
        _entries.TryGetValue(histology, out var entry)
            ? entry
            : new RadiosensitivityEntry(Radiosensitivity.Unknown, false, "not listed in the radiosensitivity table");

    private sealed record TableDto(string? Version, Dictionary<string, EntryDto>? Entries);

    private sealed record EntryDto(Radiosensitivity? Radiosensitivity, bool? Verified, string? Source);
}
