using System.Globalization;
using System.Resources;
using TumorBoard.Domain.Clinical;

namespace TumorBoard.Domain.Common;

/// <summary>
/// The same vocabulary in the user's language, for what a page, the printed report or the PDF SHOWS: DisplayWords.de/.fr/.it.resx
/// (neutral languages, so de-CH reads de), keyed "{Enumeration}.{Member}", "Code.{code}", "Source.{version}" and
/// "Input.{field}", each entry's comment naming its source. <see cref="CultureInfo.CurrentUICulture"/> chooses the language;
/// English (the dictionaries above) for "en", for any other culture, and for a key a file lacks.
/// Text that is stored, hashed or sent through the API, FHIR or CSV keeps using <see cref="Of(Enum)"/>, <see cref="Code"/>,
/// <see cref="Source"/> and <see cref="Input"/>, which stay English whatever the culture.
/// </summary>
public static partial class DisplayWords
{
    static readonly ResourceManager Translations = new("TumorBoard.Domain.Common.DisplayWords", typeof(DisplayWords).Assembly);

    /// <summary>The languages that have resources besides English.</summary>
    public static IReadOnlyList<string> TranslatedLanguages { get; } = ["de", "fr", "it"];

    /// <summary>For display only: the words of a member in the user's language (<see cref="Of(Enum)"/> is the English,
    /// stored one).</summary>
    public static string Local(Enum value) => Translated(EnumKey(value)) ?? Of(value);

    /// <summary>For display only: the words of a member in the user's language, or <paramref name="none"/> when the value is
    /// not recorded.</summary>
    public static string Local<T>(T? value, string none = NotRecorded) where T : struct, Enum => value is { } v ? Local(v) : none;

    /// <summary>For display only: the words as they read inside a sentence in the user's language. German keeps the capital
    /// (nouns are capitalised); English, French and Italian lower-case a capitalised first word as <see cref="InSentence(Enum)"/>
    /// does.</summary>
    public static string LocalInSentence(Enum value) =>
        Language() == "de" && Translated(EnumKey(value)) is { } german ? german : InSentence(Local(value));

    /// <summary>For display only: a NOMS code in words in the user's language (<see cref="Code"/> is the English one the
    /// rationale stores).</summary>
    public static string LocalCode(string? code, string none = NotRecorded) =>
        string.IsNullOrEmpty(code) ? none : Translated($"Code.{code}") ?? Code(code, none);

    /// <summary>For display only: the literature a score version rests on, the score's name in the user's language.</summary>
    public static string LocalSource(string version) => Translated($"Source.{version}") ?? Source(version);

    /// <summary>For display only: a missing score input in the user's language, as read inside a sentence.</summary>
    public static string LocalInput(string field) => Translated($"Input.{field}") ?? Input(field);

    /// <summary>Every resource key the vocabulary needs in each translated language (for the completeness test).</summary>
    public static IEnumerable<string> TranslationKeys() =>
        Enums.Where(e => !CodeEnumerations.Contains(e.Key))
            .SelectMany(e => e.Value.Keys.Select(member => $"{e.Key.Name}.{member}"))
            .Concat(CodeWords.Keys.Select(code => $"Code.{code}"))
            .Concat(Sources.Keys.Select(version => $"Source.{version}"))
            .Concat(Inputs.Keys.Select(field => $"Input.{field}"));

    /// <summary>The entries written for exactly this language, without falling back to English (for the completeness test).</summary>
    public static IReadOnlyDictionary<string, string> TranslationsOf(string language)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        var set = Translations.GetResourceSet(CultureInfo.GetCultureInfo(language), createIfNotExists: true, tryParents: false);
        if (set is null) return entries;
        foreach (System.Collections.DictionaryEntry entry in set)
            if (entry.Value is string text) entries[(string)entry.Key] = text;
        return entries;
    }

    /// <summary>The enumerations whose words are the clinic's codes themselves (no translation).</summary>
    static readonly Type[] CodeEnumerations = [typeof(SpinalLevel), typeof(FrankelGrade), typeof(AsiaGrade)];

    static string EnumKey(Enum value) => $"{value.GetType().Name}.{value}";

    static string? Language()
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return TranslatedLanguages.Contains(language) ? language : null;
    }

    static string? Translated(string key) =>
        Language() is { } language
        && Translations.GetResourceSet(CultureInfo.GetCultureInfo(language), createIfNotExists: true, tryParents: false)?.GetString(key)
            is { Length: > 0 } text
            ? text
            : null;
}
