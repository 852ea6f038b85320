using System.Net;
using System.Text.RegularExpressions;

namespace TumorBoard.IntegrationTests.Infrastructure;

/// <summary>
/// The fields a browser without JavaScript would post from one rendered form: inputs (checked boxes and radios only),
/// selected options, textareas, hidden fields and the antiforgery token, in document order. Enough for Razor's output.
/// </summary>
public sealed partial class HtmlForm
{
    readonly List<KeyValuePair<string, string>> fields;

    HtmlForm(List<KeyValuePair<string, string>> fields) => this.fields = fields;

    /// <summary>The form whose opening tag contains <paramref name="marker"/> (an id or a data attribute).</summary>
    public static HtmlForm Of(string html, string marker)
    {
        var start = html.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0) throw new InvalidOperationException($"No form with {marker} on the page.");
        start = html.LastIndexOf("<form", start, StringComparison.Ordinal);
        var end = html.IndexOf("</form>", start, StringComparison.Ordinal);
        var form = html[start..end];
        List<KeyValuePair<string, string>> found = [];
        foreach (Match m in Element().Matches(form))
        {
            var attributes = Attributes(m.Groups["attrs"].Value);
            if (!attributes.TryGetValue("name", out var name) || attributes.ContainsKey("disabled")) continue;
            switch (m.Groups["tag"].Value)
            {
                case "input":
                    var type = attributes.GetValueOrDefault("type", "text");
                    if (type is "submit" or "button" or "reset") continue;
                    if (type is "checkbox" or "radio" && !attributes.ContainsKey("checked")) continue;
                    found.Add(new(name, attributes.GetValueOrDefault("value", type is "checkbox" or "radio" ? "on" : "")));
                    break;
                case "select":
                    foreach (Match o in Option().Matches(m.Groups["body"].Value))
                    {
                        var option = Attributes(o.Groups["attrs"].Value);
                        if (option.ContainsKey("selected"))
                            found.Add(new(name, option.GetValueOrDefault("value", WebUtility.HtmlDecode(o.Groups["text"].Value))));
                    }
                    break;
                case "textarea":
                    found.Add(new(name, WebUtility.HtmlDecode(m.Groups["body"].Value.TrimStart('\r', '\n'))));
                    break;
            }
        }
        return new HtmlForm(found);
    }

    /// <summary>
    /// Where a browser posts the form whose opening tag contains <paramref name="marker"/> with its plain submit button: its
    /// <c>action</c>, or <paramref name="pageAddress"/> (the page's own address, query included) when it has none.
    /// </summary>
    public static string ActionOf(string html, string marker, string pageAddress)
    {
        var at = html.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException($"No form with {marker} on the page.");
        var start = html.LastIndexOf("<form", at, StringComparison.Ordinal);
        var tag = html[start..(html.IndexOf('>', at) + 1)];
        var action = Regex.Match(tag, "\\saction=\"([^\"]*)\"");
        return action.Success ? WebUtility.HtmlDecode(action.Groups[1].Value) : pageAddress;
    }

    /// <summary>Every value posted under <paramref name="name"/>.</summary>
    public IReadOnlyList<string> Values(string name) => [.. fields.Where(f => f.Key == name).Select(f => f.Value)];

    public string? Value(string name) => Values(name).FirstOrDefault();

    /// <summary>Replaces the field's values (none: the field is not posted).</summary>
    public HtmlForm Set(string name, params string[] values)
    {
        fields.RemoveAll(f => f.Key == name);
        fields.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
        return this;
    }

    public IReadOnlyList<string> Names => [.. fields.Select(f => f.Key).Distinct()];

    public Task<HttpResponseMessage> PostAsync(HttpClient client, string path) =>
        client.PostAsync(path, new FormUrlEncodedContent(fields));

    static Dictionary<string, string> Attributes(string text) =>
        Attribute().Matches(text).ToDictionary(a => a.Groups["name"].Value,
            a => WebUtility.HtmlDecode(a.Groups["value"].Success ? a.Groups["value"].Value : a.Groups["name"].Value), StringComparer.Ordinal);

    [GeneratedRegex("<(?<tag>input)(?<attrs>[^>]*)>|<(?<tag>select|textarea)(?<attrs>[^>]*)>(?<body>.*?)</(select|textarea)>", RegexOptions.Singleline)]
    private static partial Regex Element();

    [GeneratedRegex("<option(?<attrs>[^>]*)>(?<text>[^<]*)</option>")]
    private static partial Regex Option();

    [GeneratedRegex("(?<name>[a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:=\"(?<value>[^\"]*)\")?")]
    private static partial Regex Attribute();
}
