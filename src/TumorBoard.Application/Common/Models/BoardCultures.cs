using System.Globalization;

namespace TumorBoard.Application.Common.Models;

/// <summary>
/// The languages the pages, prints and problem details speak (issue #15; README "Languages"): Swiss German, French and
/// Italian, and English. APIs, CSV and FHIR stay in the invariant culture whatever the request's language.
/// </summary>
public static class BoardCultures
{
    public const string German = "de-CH";
    public const string French = "fr-CH";
    public const string Italian = "it-CH";
    public const string English = "en";

    /// <summary>The cultures in the order the language menu lists them.</summary>
    public static readonly IReadOnlyList<string> Supported = [German, French, Italian, English];

    /// <summary>The supported culture a name stands for ("de-ch" -> "de-CH"), or null when it is none of them.</summary>
    public static string? Find(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : Supported.FirstOrDefault(c => string.Equals(c, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Each culture's name in its own language, as the menu shows it.</summary>
    public static string NativeName(string culture) => culture switch
    {
        German => "Deutsch",
        French => "Français",
        Italian => "Italiano",
        _ => "English",
    };

    /// <summary>Whether a culture is English or the invariant culture: English resources, ISO dates and invariant numbers
    /// on pages (BoardTime, Localisation.InvariantFormattingForApiAndEnglish).</summary>
    public static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" || culture.Name.Length == 0;
}
