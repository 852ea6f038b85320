using System.Collections;
using System.Globalization;
using System.Resources;
using Microsoft.AspNetCore.Localization;
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
    public static void Customize(ProblemDetailsContext context)
    {
        using var _ = InRequestCulture(context.HttpContext);
        Localize(context.ProblemDetails);
    }

    /// <summary>
    /// Switches to the request's culture (RequestLocalizationMiddleware's <see cref="IRequestCultureFeature"/>) until
    /// disposed. Needed where a problem is written outside the middleware's own call: the exception handler and the
    /// status-code pages run before it in the pipeline, and a culture set further in does not flow back out to them.
    /// Without the feature (no request localisation) nothing changes.
    /// </summary>
    public static IDisposable InRequestCulture(HttpContext http)
    {
        if (http.Features.Get<IRequestCultureFeature>()?.RequestCulture is not { } request) return Restore.Nothing;
        var restore = new Restore(CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = request.Culture;
        CultureInfo.CurrentUICulture = request.UICulture;
        return restore;
    }

    sealed class Restore(CultureInfo? culture, CultureInfo? uiCulture) : IDisposable
    {
        public static readonly Restore Nothing = new(null, null);

        public void Dispose()
        {
            if (culture is not null) CultureInfo.CurrentCulture = culture;
            if (uiCulture is not null) CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
