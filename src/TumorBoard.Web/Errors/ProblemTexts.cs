using System.Collections;
using System.Globalization;
using System.Resources;
using Microsoft.AspNetCore.Mvc;

namespace TumorBoard.Web.Errors;

/// <summary>
/// The problem+json <c>title</c> and fixed <c>detail</c> sentences in the caller's language (issue #15, section 1):
/// ProblemTexts.resx (English, the neutral resources: byte for byte what the API wrote before) and
/// ProblemTexts.de/.fr/.it.resx, read in <see cref="CultureInfo.CurrentUICulture"/>. Only the words change: the
/// <c>type</c>, <c>status</c>, <c>errors</c> keys and every other member stay as they are.
/// Our own problems name their key (<see cref="Get"/>); the titles ASP.NET Core writes itself (404/405 of the
/// status-code pages, "Unsupported Media Type" …) and the other fixed titles of the app are translated by
/// <see cref="Localize(ProblemDetails)"/>, which recognises a title or detail by its English text.
/// </summary>
public static class ProblemTexts
{
    public const string BaseName = "TumorBoard.Web.Errors.ProblemTexts";

    public static readonly ResourceManager Resources = new(BaseName, typeof(ProblemTexts).Assembly);

    public static string Get(string key) =>
        Resources.GetString(key, CultureInfo.CurrentUICulture)
        ?? throw new InvalidOperationException($"The problem details have no text \"{key}\".");

    public static string? Find(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture);

    public static string Format(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, Get(key), args);

    /// <summary>English text -> key, from the neutral resources (the first key wins where two share a text).</summary>
    static readonly Lazy<IReadOnlyDictionary<string, string>> KeysByEnglish = new(() =>
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var neutral = Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!;
        foreach (var entry in neutral.Cast<DictionaryEntry>().OrderBy(e => (string)e.Key, StringComparer.Ordinal))
            if (entry.Value is string text && !text.Contains('{')) keys.TryAdd(text, (string)entry.Key);
        return keys;
    });

    /// <summary>The text in the caller's language when <paramref name="english"/> is one of ours; otherwise as given.</summary>
    public static string? Translate(string? english) =>
        english is not null && KeysByEnglish.Value.TryGetValue(english, out var key) ? Get(key) : english;

    /// <summary>Translates a problem's fixed title and detail in place (nothing else is touched).</summary>
    public static void Localize(ProblemDetails problem)
    {
        problem.Title = Translate(problem.Title);
        problem.Detail = Translate(problem.Detail);
    }

    /// <summary>
    /// For <c>AddProblemDetails(o => o.CustomizeProblemDetails = ProblemTexts.Customize)</c>: the default writer
    /// fills in the RFC title first, then calls this.
    /// </summary>
    public static void Customize(ProblemDetailsContext context) => Localize(context.ProblemDetails);
}
