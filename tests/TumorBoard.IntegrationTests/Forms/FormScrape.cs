using System.Net;
using System.Text.RegularExpressions;

namespace TumorBoard.IntegrationTests.Forms;

/// <summary>
/// What a browser would post from a rendered form: every named input (checkboxes and radios only when checked), the
/// selected options of every select, the text of every textarea; in document order, repeated names kept.
/// </summary>
public static partial class FormScrape
{
    /// <summary>The fields of the first form whose opening tag contains <paramref name="marker"/>.</summary>
    public static List<KeyValuePair<string, string>> Fields(string html, string marker)
    {
        var start = html.IndexOf("<form", html.IndexOf(marker, StringComparison.Ordinal) is var m and >= 0 ? FormStart(html, m) : -1,
            StringComparison.Ordinal);
        if (start < 0) throw new InvalidOperationException($"No form with {marker}.");
        var form = html[start..(html.IndexOf("</form>", start, StringComparison.Ordinal) + 7)];
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match e in Element().Matches(form))
        {
            var tag = e.Groups["tag"].Value;
            var attrs = e.Groups["attrs"].Value;
            if (Attr(attrs, "name") is not { } name) continue;
            switch (tag)
            {
                case "input":
                    var type = Attr(attrs, "type") ?? "text";
                    if (type is "submit" or "button" or "reset" or "image" or "file") continue;
                    if (type is "checkbox" or "radio" && !HasFlag(attrs, "checked")) continue;
                    fields.Add(new(name, Attr(attrs, "value") ?? (type is "checkbox" or "radio" ? "on" : "")));
                    break;
                case "textarea":
                    fields.Add(new(name, WebUtility.HtmlDecode(e.Groups["body"].Value).TrimStart('\n')));
                    break;
                case "select":
                    var options = OptionTag().Matches(e.Groups["body"].Value).ToList();
                    var chosen = options.Where(o => HasFlag(o.Groups[1].Value, "selected")).ToList();
                    if (chosen.Count == 0 && !HasFlag(attrs, "multiple") && options.Count > 0) chosen = [options[0]];
                    foreach (var o in chosen)
                        fields.Add(new(name, Attr(o.Groups[1].Value, "value") ?? WebUtility.HtmlDecode(o.Groups[2].Value.Trim())));
                    break;
            }
        }
        return fields;
    }

    /// <summary>Replaces (or adds) the value of <paramref name="name"/>.</summary>
    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> fields, string name, string value)
    {
        fields.RemoveAll(f => f.Key == name);
        fields.Add(new(name, value));
        return fields;
    }

    static int FormStart(string html, int markerAt) => html.LastIndexOf("<form", markerAt, StringComparison.Ordinal);

    static string? Attr(string attrs, string name) =>
        Regex.Match(attrs, $"(?:^|\\s){name}=\"([^\"]*)\"") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    static bool HasFlag(string attrs, string name) => Regex.IsMatch(attrs, $"(?:^|\\s){name}(?:=\"[^\"]*\")?(?=\\s|/|$)");

    [GeneratedRegex("<(?<tag>input|textarea|select)\\b(?<attrs>[^>]*)>(?:(?<body>.*?)</\\k<tag>>)?", RegexOptions.Singleline)]
    private static partial Regex Element();

    [GeneratedRegex("<option\\b([^>]*)>(.*?)</option>", RegexOptions.Singleline)]
    private static partial Regex OptionTag();
}
