using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using TumorBoard.Domain.Common;

namespace TumorBoard.IntegrationTests.Pages;

/// <summary>One rendered page: where it was found, as whom, and its HTML.</summary>
public sealed record RenderedPage(string Role, string Url, string From, string Html);

/// <summary>
/// Renders the pages a role reaches (from start pages, following every internal link it is shown), keeps them for the
/// HTML checker (<c>TUMORBOARD_RENDERED_PAGES</c>, which <c>tools/html-check/check-pages.sh</c> validates with the Nu HTML
/// checker) and reads what a person sees on them: the text and the attributes a browser shows (title, alt, placeholder,
/// aria-label, button values).
/// </summary>
public static partial class RenderedPages
{
    /// <summary><paramref name="culture"/>: asked for in every request's query string (the first in the choice of language,
    /// so neither a language saved on the shared test accounts nor a cookie decides).</summary>
    public static async Task<IReadOnlyList<RenderedPage>> CrawlAsync(HttpClient client, string role, IEnumerable<string> starts, int max = 200,
        string? culture = null)
    {
        var pages = new List<RenderedPage>();
        var queue = new Queue<(string Url, string From)>(starts.Select(s => (s, "start")));
        var seen = new HashSet<string>(queue.Select(q => q.Url));
        while (queue.Count > 0 && pages.Count < max)
        {
            var (url, from) = queue.Dequeue();
            using var response = await client.GetAsync(culture is null ? url : url + (url.Contains('?') ? "&" : "?") + "culture=" + culture);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var html = await response.Content.ReadAsStringAsync();
            pages.Add(new RenderedPage(role, url, from, html));
            foreach (Match m in Href().Matches(html))
            {
                var link = WebUtility.HtmlDecode(m.Groups["url"].Value);
                if (link.StartsWith("/api/", StringComparison.Ordinal) || link.StartsWith("/Account/SignOut", StringComparison.Ordinal)
                    || (culture is not null && link.Contains("culture=", StringComparison.Ordinal))) continue;
                if (seen.Add(link)) queue.Enqueue((link, url));
            }
        }
        return pages;
    }

    /// <summary>Writes the pages to <c>$TUMORBOARD_RENDERED_PAGES</c> (when set) as <c>role--path.html</c> for the HTML checker.</summary>
    public static void Keep(IEnumerable<RenderedPage> pages)
    {
        var folder = Environment.GetEnvironmentVariable("TUMORBOARD_RENDERED_PAGES");
        if (string.IsNullOrWhiteSpace(folder)) return;
        Directory.CreateDirectory(folder);
        foreach (var p in pages)
            File.WriteAllText(Path.Combine(folder, $"{FileName(p.Role)}--{FileName(p.Url)}.html"), p.Html);
    }

    static string FileName(string s)
    {
        var name = NotFileSafe().Replace(s.Trim('/'), "_");
        return name.Length == 0 ? "home" : name.Length > 150 ? name[..150] : name;
    }

    public static IHtmlDocument Parse(string html, List<string>? errors = null)
    {
        var parser = new HtmlParser();
        // The parse error event's type is internal to AngleSharp's HTML namespace: read its message by name.
        if (errors is not null) parser.Error += (_, e) => errors.Add(e.GetType().GetProperty("Message")?.GetValue(e)?.ToString() ?? e.Type);
        return parser.ParseDocument(html);
    }

    /// <summary>The text a person sees or hears: the body's text without scripts and templates, the title, and the attributes
    /// a browser shows.</summary>
    public static string VisibleText(IHtmlDocument doc)
    {
        foreach (var hidden in doc.QuerySelectorAll("script, style, template").ToList()) hidden.Remove();
        var parts = new List<string> { doc.Title ?? "" };
        if (doc.Body is { } body)
        {
            parts.Add(body.TextContent);
            foreach (var e in body.QuerySelectorAll("[title], [alt], [placeholder], [aria-label], input[type=submit][value], input[type=button][value]"))
                foreach (var name in new[] { "title", "alt", "placeholder", "aria-label", "value" })
                    if (e.GetAttribute(name) is { } value && (name != "value" || e is IHtmlInputElement)) parts.Add(value);
        }
        return string.Join("\n", parts);
    }

    /// <summary>
    /// The raw codes a page must not show: Domain enum member names that are not ordinary words (several words run together,
    /// or letters and digits: "ConventionalEbrt", "MoreThan12Months", "Grade1a") and have words of their own in
    /// <see cref="DisplayWords"/>; rule codes in UPPER_SNAKE case; internal references ("scores.md §3.3", "UNVERIFIED").
    /// </summary>
    public static IReadOnlyList<string> RawCodes(string text)
    {
        var found = new List<string>();
        foreach (Match m in Words().Matches(text))
            if (EnumNames.Contains(m.Value)) found.Add($"enum member name \"{m.Value}\"");
        foreach (Match m in UpperSnake().Matches(text)) found.Add($"rule code \"{m.Value}\"");
        if (text.Contains('§')) found.Add("a section sign (§): an internal reference");
        foreach (Match m in MarkdownFile().Matches(text)) found.Add($"an internal document \"{m.Value}\"");
        if (text.Contains("UNVERIFIED", StringComparison.Ordinal)) found.Add("\"UNVERIFIED\"");
        return [.. found.Distinct()];
    }

    /// <summary>Every member name of every Domain enumeration that is not an ordinary word and that the vocabulary words otherwise.</summary>
    public static readonly IReadOnlySet<string> EnumNames = typeof(DisplayWords).Assembly.GetTypes()
        .Where(t => t.IsEnum && t.Namespace?.StartsWith("TumorBoard.Domain", StringComparison.Ordinal) == true)
        .SelectMany(t => Enum.GetValues(t).Cast<Enum>())
        .Where(v => NotAWord().IsMatch(v.ToString()) && DisplayWords.Of(v) != v.ToString())
        .Select(v => v.ToString())
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Problems an HTML checker reports that a parse finds too: parse errors, duplicate ids, references to ids that
    /// are not on the page, <c>time</c> values HTML does not allow (more than three fractional digits, no zone).</summary>
    public static IReadOnlyList<string> HtmlProblems(string html)
    {
        var errors = new List<string>();
        var doc = Parse(html, errors);
        var problems = errors.Select(e => $"parse error: {e}").ToList();
        var ids = doc.All.Where(e => e.Id is { Length: > 0 }).GroupBy(e => e.Id!).ToList();
        problems.AddRange(ids.Where(g => g.Count() > 1).Select(g => $"duplicate id \"{g.Key}\""));
        var known = ids.Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var e in doc.QuerySelectorAll("label[for]"))
            if (!known.Contains(e.GetAttribute("for")!)) problems.Add($"label for=\"{e.GetAttribute("for")}\" names no element");
        foreach (var attr in new[] { "aria-labelledby", "aria-describedby", "aria-controls", "list" })
            foreach (var e in doc.QuerySelectorAll($"[{attr}]"))
                foreach (var id in e.GetAttribute(attr)!.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    if (!known.Contains(id)) problems.Add($"{attr}=\"{id}\" names no element");
        foreach (var e in doc.QuerySelectorAll("time[datetime]"))
            if (!TimeValue().IsMatch(e.GetAttribute("datetime")!)) problems.Add($"<time datetime=\"{e.GetAttribute("datetime")}\"> is not an HTML date or time");
        return problems;
    }

    [GeneratedRegex(@"<a\b[^>]*\shref=""(?<url>/(?!/)(?!css/|js/|lib/)[^""#]*)")]
    private static partial Regex Href();

    [GeneratedRegex(@"[^A-Za-z0-9._-]+")]
    private static partial Regex NotFileSafe();

    [GeneratedRegex(@"\b[A-Za-z][A-Za-z0-9]*\b")]
    private static partial Regex Words();

    /// <summary>Two capitalised parts run together, or letters and digits together.</summary>
    [GeneratedRegex(@"^[A-Z][a-z]+(?:[A-Z0-9][a-z0-9]*)+$")]
    private static partial Regex NotAWord();

    [GeneratedRegex(@"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b")]
    private static partial Regex UpperSnake();

    [GeneratedRegex(@"\b[\w-]+\.md\b")]
    private static partial Regex MarkdownFile();

    /// <summary>A valid date, or a global date and time with seconds and at most three fractional digits and a zone.</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")]
    private static partial Regex TimeValue();
}
