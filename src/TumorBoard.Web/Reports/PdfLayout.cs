using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace TumorBoard.Web.Reports;

/// <summary>
/// A small flow layout over PDFsharp for the report: A4 pages, text wrapped to its column (a word wider than the column,
/// such as a hash, is broken by characters), and page breaks only between whole lines. A block that fits on one page
/// (a table row, a labelled fact of up to about twelve lines) is moved whole to the next page rather than split; a longer
/// one (a long rationale) starts on the current page and continues line by line. A heading is never left alone at the foot
/// of a page: it is drawn only with the start of what follows it (a block of facts of up to about twelve lines, such as one
/// specialist's scores, whole; a table's header with its first row; the first lines of a paragraph). A table's header is
/// repeated on every page it continues on. The running header and the
/// footer with "Page n of m" are drawn afterwards (<see cref="DecisionReportPdf"/>), when the page count is known.
/// </summary>
public sealed class PdfLayout : IDisposable
{
    public static readonly double PageWidth = XUnit.FromMillimeter(210).Point, PageHeight = XUnit.FromMillimeter(297).Point;
    public const double Margin = 56, Top = 84, FooterSpace = 62;
    /// <summary>Blocks up to this height (about twelve lines) are never split over two pages.</summary>
    const double KeepTogether = 150;
    public static double Bottom => PageHeight - FooterSpace;
    public static double Left => Margin;
    public static double Width => PageWidth - 2 * Margin;

    static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    public static XFont Font(double size, bool bold = false) =>
        new(ReportFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);

    public static readonly XFont Body = Font(9), BodyBold = Font(9, bold: true), Small = Font(8), SmallBold = Font(8, bold: true),
        Heading = Font(11.5, bold: true), SubHeadingFont = Font(9.5, bold: true), Title = Font(15, bold: true);
    public static readonly XColor Ink = XColor.FromArgb(0x1a, 0x1a, 0x1a), Muted = XColor.FromArgb(0x55, 0x55, 0x55),
        Rule = XColor.FromArgb(0xb0, 0xb0, 0xb0), Shade = XColor.FromArgb(0xee, 0xee, 0xee), Warning = XColor.FromArgb(0x9a, 0x3b, 0x00);

    readonly PdfDocument document;
    XGraphics gfx = null!;
    /// <summary>Headings waiting for the block they head: drawn by <see cref="Place"/>, on the page where that block starts.</summary>
    readonly List<(double Height, Action Draw)> pending = [];
    const double SectionSpace = 8;

    public PdfLayout(PdfDocument document)
    {
        this.document = document;
        NewPage();
    }

    /// <summary>The top of the free space on the current page.</summary>
    public double Y { get; private set; }
    public XGraphics Graphics => gfx;
    bool AtTop => Y <= Top + 0.01;

    public static double LineHeight(XFont font) => Math.Round(font.Size * 1.32, 2);

    public void NewPage()
    {
        gfx?.Dispose();
        var page = document.AddPage();
        page.Size = PageSize.A4;
        gfx = XGraphics.FromPdfPage(page);
        Y = Top;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one.</summary>
    public void Keep(double height)
    {
        if (!AtTop && Y + height > Bottom) NewPage();
    }

    /// <summary>Moves below <paramref name="y"/> on this page (past an image drawn beside the text).</summary>
    public void Below(double y) => Y = Math.Max(Y, Math.Min(y, Bottom));

    public void Space(double height)
    {
        if (!AtTop) Y = Math.Min(Y + height, Bottom);
    }

    /// <summary>The lines of <paramref name="text"/> in a column of <paramref name="width"/> points; line breaks in the text are kept.</summary>
    public IReadOnlyList<string> Wrap(string text, XFont font, double width)
    {
        List<string> lines = [];
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (Measure(candidate, font) <= width) { line = candidate; continue; }
                if (line.Length > 0) lines.Add(line);
                line = word;
                while (Measure(line, font) > width)   // a word wider than the column: break it by characters
                {
                    var fit = 1;
                    while (fit < line.Length && Measure(line[..(fit + 1)], font) <= width) fit++;
                    lines.Add(line[..fit]);
                    line = line[fit..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    double Measure(string text, XFont font) => gfx.MeasureString(text, font).Width;

    /// <summary>A paragraph over the full width (or indented), breaking between lines only.</summary>
    /// <param name="keepWithNext">A short lead-in (the outcome above the plan's table): drawn, like a heading, only with
    /// the start of the next block.</param>
    public void Paragraph(string text, XFont? font = null, XColor? color = null, double indent = 0, double after = 4, bool keepWithNext = false)
    {
        font ??= Body;
        var lh = LineHeight(font);
        var brush = new XSolidBrush(color ?? Ink);
        var lines = Wrap(text, font, Width - indent);
        void Draw(bool breakBetweenLines)
        {
            foreach (var line in lines)
            {
                if (breakBetweenLines) Keep(lh);
                gfx.DrawString(line, font, brush, new XRect(Left + indent, Y, Width - indent, lh), XStringFormats.TopLeft);
                Y += lh;
            }
            Y += after;
        }
        if (keepWithNext && lines.Count * lh <= KeepTogether / 2)
        {
            pending.Add((lines.Count * lh + after, () => Draw(breakBetweenLines: false)));   // drawn whole, with the next block
            return;
        }
        Place(Math.Min(lines.Count, 3) * lh);
        Draw(breakBetweenLines: true);
    }

    /// <summary>A section heading; drawn with the start of the block that follows it (<see cref="Place"/>).</summary>
    public void SectionHeading(string text)
    {
        var lh = LineHeight(Heading);
        pending.Add((SectionSpace + lh + 6, () =>
        {
            Space(SectionSpace);
            gfx.DrawString(text, Heading, new XSolidBrush(Ink), new XRect(Left, Y, Width, lh), XStringFormats.TopLeft);
            Y += lh + 1;
            gfx.DrawLine(new XPen(Rule, 0.6), Left, Y, Left + Width, Y);
            Y += 5;
        }));
    }

    /// <summary>A subheading (one specialist's column); drawn with the start of the block that follows it.</summary>
    public void SubHeading(string text)
    {
        var lh = LineHeight(SubHeadingFont);
        pending.Add((lh + 1, () =>
        {
            gfx.DrawString(text, SubHeadingFont, new XSolidBrush(Ink), new XRect(Left, Y, Width, lh), XStringFormats.TopLeft);
            Y += lh + 1;
        }));
    }

    /// <summary>
    /// Makes room on this page for the waiting headings and <paramref name="first"/> points of the block after them (or
    /// starts a new page), then draws the headings. Without waiting headings it is <see cref="Keep"/>.
    /// </summary>
    void Place(double first)
    {
        Keep(pending.Sum(p => p.Height) + first);
        foreach (var (_, draw) in pending) draw();
        pending.Clear();
    }

    /// <summary>Labelled facts: the label in bold on the left, the value wrapped beside it.</summary>
    public void Facts(IEnumerable<(string Label, string Value)> facts, double labelWidth = 150)
    {
        double[] widths = [labelWidth, Width - labelWidth];
        XFont[] fonts = [BodyBold, Body];
        var rows = facts.ToList();
        // a short block (one specialist's scores, the clinical summary) stays whole, with its heading
        var total = rows.Sum(f => RowHeight(widths, [f.Label, f.Value], fonts, 1.5));
        if (total <= KeepTogether) Place(total);
        foreach (var (label, value) in rows)
            Row(widths, [label, value], fonts, shade: null, padding: 1.5, rule: false);
        Y += 3;
    }

    /// <summary>A table with a shaded header row repeated on each page; <paramref name="marked"/> rows are shaded as well.</summary>
    public void Table(double[] widths, string[] header, IEnumerable<string[]> rows, Func<int, bool>? marked = null)
    {
        var scale = Width / widths.Sum();
        widths = [.. widths.Select(w => w * scale)];
        XFont[] headerFonts = [.. header.Select(_ => SmallBold)], cellFonts = [.. header.Select(_ => Small)];
        void Header() => Row(widths, header, headerFonts, Shade, padding: 3, onNewPage: null);
        var list = rows.ToList();
        // the heading, the table's header and its first row go on one page
        Place(RowHeight(widths, header, headerFonts, 3) + (list.Count > 0 ? StartHeight(RowHeight(widths, list[0], cellFonts, 3), cellFonts, 3) : 0));
        Header();
        var i = 0;
        foreach (var row in list)
        {
            Row(widths, row, cellFonts, marked?.Invoke(i) == true ? Shade : null, padding: 3, onNewPage: Header);
            i++;
        }
        Y += 5;
    }

    /// <summary>What of a block must fit on the page it starts on: all of a short one, three lines of a long one.</summary>
    static double StartHeight(double height, XFont[] fonts, double padding) =>
        height <= KeepTogether ? height : 3 * fonts.Select(LineHeight).Max() + 2 * padding;

    double RowHeight(double[] widths, string[] cells, XFont[] fonts, double padding) =>
        cells.Select((c, i) => Wrap(c, fonts[i], widths[i] - 2 * padding).Count * LineHeight(fonts[i])).Max() + 2 * padding;

    /// <summary>One row of cells; moved whole to the next page when it fits on one, else continued line by line.</summary>
    void Row(double[] widths, string[] cells, XFont[] fonts, XColor? shade, double padding, Action? onNewPage = null, bool rule = true)
    {
        var lines = cells.Select((c, i) => Wrap(c, fonts[i], widths[i] - 2 * padding)).ToArray();
        var heights = fonts.Select(LineHeight).ToArray();
        var height = lines.Select((l, i) => l.Count * heights[i]).Max() + 2 * padding;
        // a short block moves whole to the next page; a long one (a long rationale) starts here and continues there,
        // with at least three of its lines on this page
        var start = StartHeight(height, fonts, padding);
        if (pending.Count > 0) Place(start);
        else if (!AtTop && Y + start > Bottom) { NewPage(); onNewPage?.Invoke(); }

        var brush = new XSolidBrush(Ink);
        var from = new int[cells.Length];
        while (true)
        {
            var to = new int[cells.Length];
            var partHeight = 0.0;
            for (var c = 0; c < cells.Length; c++)
            {
                var room = (int)Math.Floor((Bottom - Y - 2 * padding) / heights[c] + 1e-6);
                to[c] = from[c] + Math.Clamp(lines[c].Count - from[c], 0, Math.Max(room, 0));
                partHeight = Math.Max(partHeight, (to[c] - from[c]) * heights[c]);
            }
            partHeight += 2 * padding;
            if (shade is { } fill) gfx.DrawRectangle(new XSolidBrush(fill), Left, Y, widths.Sum(), partHeight);
            var x = Left;
            for (var c = 0; c < cells.Length; c++)
            {
                var y = Y + padding;
                for (var l = from[c]; l < to[c]; l++)
                {
                    gfx.DrawString(lines[c][l], fonts[c], brush, new XRect(x + padding, y, widths[c] - 2 * padding, heights[c]), XStringFormats.TopLeft);
                    y += heights[c];
                }
                x += widths[c];
            }
            Y += partHeight;
            if (rule) gfx.DrawLine(new XPen(Rule, 0.4), Left, Y, Left + widths.Sum(), Y);
            if (to.Select((t, c) => t == lines[c].Count).All(done => done)) break;
            from = to;
            NewPage();
            onNewPage?.Invoke();
        }
    }

    public void Dispose()
    {
        if (pending.Count > 0) Place(0);   // a heading with nothing after it still shows
        gfx?.Dispose();
    }
}
