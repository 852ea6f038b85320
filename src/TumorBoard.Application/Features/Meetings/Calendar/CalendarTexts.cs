using System.Globalization;
using System.Resources;

namespace TumorBoard.Application.Features.Meetings.Calendar;

/// <summary>
/// The fixed words of the .ics files (SUMMARY, DESCRIPTION, the calendar's name) in German, French, Italian or English:
/// CalendarTexts.resx (English, the neutral resources) and CalendarTexts.de/.fr/.it.resx. The machine fields (UID,
/// DTSTART, STATUS …) never change with the language.
/// </summary>
public static class CalendarTexts
{
    static readonly ResourceManager Resources =
        new("TumorBoard.Application.Features.Meetings.Calendar.CalendarTexts", typeof(CalendarTexts).Assembly);

    /// <summary>The board's languages; any other culture (or none) writes English.</summary>
    static readonly string[] Languages = ["de", "fr", "it"];

    /// <summary>The resources' culture for a culture name ("de-CH" → de); null, empty or unknown → English.</summary>
    public static CultureInfo Culture(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return CultureInfo.InvariantCulture;
        try
        {
            var language = CultureInfo.GetCultureInfo(name).TwoLetterISOLanguageName;
            return Languages.Contains(language) ? CultureInfo.GetCultureInfo(language) : CultureInfo.InvariantCulture;
        }
        catch (CultureNotFoundException) { return CultureInfo.InvariantCulture; }
    }

    public static string Get(string key, CultureInfo language) =>
        Resources.GetString(key, language) ?? throw new InvalidOperationException($"The calendar has no text \"{key}\".");

    public static string Format(string key, CultureInfo language, params object[] args) =>
        string.Format(language, Get(key, language), args);
}
