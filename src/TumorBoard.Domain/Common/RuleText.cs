using System.Collections;
using System.Globalization;
using System.Resources;

namespace TumorBoard.Domain.Common;

/// <summary>
/// A business rule's message as a resource key and its arguments (issue #15, section 1): RuleTexts.resx holds the English
/// (the neutral resources, byte for byte what the exceptions said before), RuleTexts.de/.fr/.it.resx the translations,
/// composite format strings with {0}, {1} …. <see cref="English"/> is what <see cref="Exception.Message"/> carries (logs,
/// the audit trail, stored text, tests that assert English); <see cref="Local"/> is the text in
/// <see cref="CultureInfo.CurrentUICulture"/> for the person who reads it (problem+json <c>detail</c>, page messages).
/// Arguments: an <see cref="Enum"/> reads as <see cref="DisplayWords.InSentence(Enum)"/> in English and
/// <see cref="DisplayWords.LocalInSentence"/> locally (<see cref="Word"/> and <see cref="Name"/> choose another form); a
/// nested <see cref="RuleText"/> reads in the same language; dates and numbers are formatted in the invariant culture in
/// English and, in German, French and Italian, dates as dd.MM.yyyy.
/// </summary>
public sealed class RuleText
{
    public const string BaseName = "TumorBoard.Domain.Common.RuleTexts";

    public static readonly ResourceManager Resources = new(BaseName, typeof(RuleText).Assembly);

    public RuleText(string key, params object?[] arguments)
    {
        Key = key;
        Arguments = arguments;
    }

    public string Key { get; }

    public IReadOnlyList<object?> Arguments { get; }

    /// <summary>The English text (invariant culture): the exception's <see cref="Exception.Message"/>.</summary>
    public string English => Format(null);

    /// <summary>The text in the current UI culture (English for any language without translations).</summary>
    public string Local() => Format(Language());

    public override string ToString() => English;

    /// <summary>An enumeration member as <see cref="DisplayWords.Of(Enum)"/> writes it (capitalised) in English and
    /// <see cref="DisplayWords.Local(Enum)"/> locally.</summary>
    public static object Word(Enum value) => new Words(value, Capitalised: true);

    /// <summary>An enumeration member that the English text names by its C# name (as the message always did), and the
    /// local text in words (<see cref="DisplayWords.LocalInSentence"/>).</summary>
    public static object Name(Enum value) => new Words(value, Capitalised: false, MemberName: true);

    /// <summary>Items joined by <paramref name="separator"/> (a string, or a <see cref="RuleText"/> such as "Word.Or"), the
    /// separator and each item formatted like an argument.</summary>
    public static object List(object separator, IEnumerable items) => new Joined(separator, items.Cast<object?>().ToArray());

    /// <summary>The languages with translations besides English.</summary>
    public static IReadOnlyList<string> TranslatedLanguages => DisplayWords.TranslatedLanguages;

    /// <summary>The entries written for exactly this language ("" = the English, neutral resources), without fallback.</summary>
    public static IReadOnlyDictionary<string, string> EntriesOf(string language)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        var culture = language.Length == 0 ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(language);
        if (Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false) is { } set)
            foreach (DictionaryEntry entry in set)
                if (entry.Value is string text) entries[(string)entry.Key] = text;
        return entries;
    }

    sealed record Words(Enum Value, bool Capitalised, bool MemberName = false);

    sealed record Joined(object Separator, object?[] Items);

    static string? Language()
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return TranslatedLanguages.Contains(language) ? language : null;
    }

    string Format(string? language)
    {
        var culture = language is null ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(language);
        var text = Resources.GetString(Key, culture)
            ?? throw new InvalidOperationException($"The rule messages have no text \"{Key}\".");
        var provider = language is null ? CultureInfo.InvariantCulture : CultureInfo.CurrentCulture;
        return string.Format(provider, text, Arguments.Select(a => Argument(a, language)).ToArray());
    }

    static object? Argument(object? argument, string? language) => argument switch
    {
        RuleText nested => language is null ? nested.English : nested.Local(),
        Words { MemberName: true } w => language is null ? w.Value.ToString() : DisplayWords.LocalInSentence(w.Value),
        Words { Capitalised: true } w => language is null ? DisplayWords.Of(w.Value) : DisplayWords.Local(w.Value),
        Words w => language is null ? DisplayWords.InSentence(w.Value) : DisplayWords.LocalInSentence(w.Value),
        Enum e => language is null ? DisplayWords.InSentence(e) : DisplayWords.LocalInSentence(e),
        Joined j => string.Join(Argument(j.Separator, language)?.ToString(), j.Items.Select(i => Argument(i, language))),
        DateOnly d when language is not null => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
        DateTime d when language is not null => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
        DateTimeOffset d when language is not null => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
        _ => argument,
    };
}

/// <summary>An exception whose message is a <see cref="RuleText"/> (null where a caller still passes a plain string).</summary>
public interface IRuleTextException
{
    RuleText? Text { get; }
}
