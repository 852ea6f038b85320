using System.Globalization;
using Microsoft.Extensions.Localization;
using TumorBoard.Web.Texts;

namespace TumorBoard.Web.Reports;

/// <summary>
/// The page texts in English whatever the request's culture: Ui.resx is keyed by the English text, so the key is the text.
/// For outputs that stay English (the API's report PDF, read without a page's localizer).
/// </summary>
public sealed class EnglishTexts : IStringLocalizer<Ui>
{
    public static EnglishTexts Instance { get; } = new();

    public LocalizedString this[string name] => new(name, English(name));

    public LocalizedString this[string name, params object[] arguments] =>
        new(name, string.Format(CultureInfo.InvariantCulture, English(name), arguments));

    /// <summary>A key's English words: the key, without the "|context" of a second translation ("signed|in a sentence").</summary>
    static string English(string name) => name.Split('|')[0];

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
}
