using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TumorBoard.Web.Texts;

namespace TumorBoard.Web.Pages.Scores;

/// <summary>
/// The page texts (Texts/Ui*.resx) for the static helpers of the score and assessment pages (option lists, points, the
/// side-by-side facts, the live results), which no container builds: the same resources as the injected
/// <c>IStringLocalizer&lt;Ui&gt;</c>, read in <see cref="System.Globalization.CultureInfo.CurrentUICulture"/> at the time
/// of the call. <see cref="Markup"/> fills a translated sentence with HTML parts (a total in &lt;strong&gt;), so the
/// sentence stays whole in every language.
/// </summary>
public static partial class ScoreTexts
{
    public static IStringLocalizer T { get; } = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(Ui));

    /// <summary>The translated <paramref name="template"/> ("Total {0} of 18 — {1}") HTML-encoded, its placeholders replaced
    /// by <paramref name="parts"/> (HTML content as it is, anything else encoded).</summary>
    /// <remarks>Only &amp; &lt; &gt; " ' are escaped, so the page keeps its letters as written ("—", "→", "ä") as it did
    /// when the sentence was literal text of the view.</remarks>
    public static IHtmlContent Markup(LocalizedString template, params object?[] parts)
    {
        var html = new HtmlContentBuilder();
        var at = 0;
        foreach (Match m in Placeholder().Matches(template.Value))
        {
            html.AppendHtml(Escape(template.Value[at..m.Index]));
            var part = parts[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)];
            if (part is IHtmlContent content) html.AppendHtml(content);
            else html.AppendHtml(Escape(Convert.ToString(part, CultureInfo.CurrentCulture)));
            at = m.Index + m.Length;
        }
        html.AppendHtml(Escape(template.Value[at..]));
        return html;
    }

    /// <summary>An element with escaped text, for <see cref="Markup"/>: <c>Tag("strong", "9", "data-total")</c>.</summary>
    public static IHtmlContent Tag(string element, object? text, string? attribute = null) =>
        new HtmlString($"<{element}{(attribute is null ? "" : " " + attribute)}>{Escape(Convert.ToString(text, CultureInfo.CurrentCulture))}</{element}>");

    /// <summary>A link with escaped text, for <see cref="Markup"/>.</summary>
    public static IHtmlContent Link(string? href, string text) =>
        new HtmlString($"<a href=\"{Escape(href)}\">{Escape(text)}</a>");

    static string Escape(string? text) => (text ?? "").Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
