using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace TumorBoard.Web.Forms;

/// <summary>
/// A page text whose placeholders take HTML, such as a <c>time</c> element of <see cref="LocalTime.Tag"/>:
/// <c>@T["registered {0} by {1}"].With(LocalTime.Tag(at), name)</c>. The text and the plain arguments are HTML-encoded
/// (numbers and dates in the page's culture); <see cref="IHtmlContent"/> arguments are written as they are.
/// </summary>
public static class LocalizedHtml
{
    public static IHtmlContent With(this LocalizedString format, params object?[] args)
    {
        var encoder = HtmlEncoder.Default;
        var parts = args.Select(a => a switch
        {
            null => "",
            IHtmlContent html => Html(html),
            IFormattable f => encoder.Encode(f.ToString(null, CultureInfo.CurrentCulture)),
            _ => encoder.Encode(a.ToString() ?? ""),
        }).ToArray<object?>();
        return new HtmlString(string.Format(CultureInfo.CurrentCulture, encoder.Encode(format.Value), parts));
    }

    /// <summary>A page text as it reads inside a sentence: German keeps its capital (nouns are capitalised), English, French
    /// and Italian lower-case a capitalised first word ("Meeting" -> "meeting"), as DisplayWords.LocalInSentence does.
    /// One key serves both uses: keys differing only in case cannot live in one resource file.</summary>
    public static string InSentence(this LocalizedString words)
    {
        var text = words.Value;
        return CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "de" || text.Length < 2 || !char.IsUpper(text[0]) || char.IsUpper(text[1])
            ? text : char.ToLower(text[0], CultureInfo.CurrentCulture) + text[1..];
    }

    static string Html(IHtmlContent content)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
