using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace TumorBoard.Web.Shared;

/// <summary>
/// A small server-rendered bar chart (issue §2 of #14 "Charts"): an SVG with role="img", its own &lt;title&gt; and &lt;desc&gt;
/// (named by aria-labelledby), black bars on white with a black outline and the value written above each bar, so it reads
/// the same printed in black and white and without colour. The page shows the data table beside it; no script, no library.
/// </summary>
public static class SvgBarChart
{
    const int Width = 640, Height = 240, Left = 48, Right = 12, Top = 20, Bottom = 56;

    public sealed record Bar(string Label, double Value, string Text);

    /// <param name="id">Unique on the page; the title and desc ids derive from it.</param>
    /// <param name="max">The top of the scale (1 for proportions); the largest value when null.</param>
    public static IHtmlContent Render(string id, string title, string description, IReadOnlyList<Bar> bars, double? max = null)
    {
        var e = (string s) => WebUtility.HtmlEncode(s);
        var top = max ?? Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        var sb = new StringBuilder();
        sb.Append(Inv($"<svg id=\"{id}\" class=\"chart\" role=\"img\" viewBox=\"0 0 {Width} {Height}\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">"));
        sb.Append($"<title id=\"{id}-title\">{e(title)}</title><desc id=\"{id}-desc\">{e(description)}</desc>");
        sb.Append(Inv($"<line x1=\"{Left}\" y1=\"{Top + plotH}\" x2=\"{Width - Right}\" y2=\"{Top + plotH}\" stroke=\"#000\" stroke-width=\"1\"/>"));
        sb.Append(Inv($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Top + plotH}\" stroke=\"#000\" stroke-width=\"1\"/>"));
        sb.Append(Inv($"<text x=\"{Left - 4}\" y=\"{Top + 4}\" text-anchor=\"end\" font-size=\"11\" fill=\"#000\">{e(Scale(top, max))}</text>"));
        sb.Append(Inv($"<text x=\"{Left - 4}\" y=\"{Top + plotH}\" text-anchor=\"end\" font-size=\"11\" fill=\"#000\">0</text>"));
        if (bars.Count == 0)
            sb.Append(Inv($"<text x=\"{Left + plotW / 2}\" y=\"{Top + plotH / 2}\" text-anchor=\"middle\" font-size=\"13\" fill=\"#000\">No data in the period</text>"));
        var slot = bars.Count == 0 ? plotW : (double)plotW / bars.Count;
        var barW = Math.Max(2, slot * 0.6);
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var h = top <= 0 ? 0 : Math.Clamp(b.Value / top, 0, 1) * plotH;
            var x = Left + i * slot + (slot - barW) / 2;
            var y = Top + plotH - h;
            sb.Append(Inv($"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{barW:0.#}\" height=\"{h:0.#}\" fill=\"#333\" stroke=\"#000\" stroke-width=\"1\"><title>{e(b.Label)}: {e(b.Text)}</title></rect>"));
            sb.Append(Inv($"<text x=\"{x + barW / 2:0.#}\" y=\"{y - 4:0.#}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#000\">{e(b.Text)}</text>"));
            sb.Append(Inv($"<text x=\"{x + barW / 2:0.#}\" y=\"{Top + plotH + 16}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#000\">{e(Short(b.Label))}</text>"));
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    static string Scale(double top, double? max) =>
        max == 1 ? "100%" : top.ToString("0.##", CultureInfo.InvariantCulture);

    static string Short(string label) => label.Length <= 14 ? label : label[..13] + "…";

    static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
