using PdfSharp.Pdf;
using TumorBoard.Web.Reports;

namespace TumorBoard.UnitTests.Reports;

/// <summary>The PDF report's line wrapping: nothing lost, nothing wider than its column, words whole where they fit.</summary>
public sealed class PdfLayoutTests
{
    static readonly string Hash = new string('a', 32) + new string('7', 32);

    public static TheoryData<string, double> Texts() => new()
    {
        { "", 100 },
        { "Separation surgery", 400 },
        { "High-grade ESCC in a radioresistant primary: separation surgery then SBRT.", 60 },
        { "High-grade ESCC in a radioresistant primary: separation surgery then SBRT.", 200 },
        { Hash, 60 },                       // a word wider than the column is broken by characters
        { Hash, 1000 },
        { "first line\nsecond line\r\nthird", 400 },
        { "Über die Läsion T11–T12 · Größe", 40 },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Wraps_every_character_into_lines_no_wider_than_the_column(string text, double width)
    {
        ReportFonts.EnsureInstalled();
        using var document = new PdfDocument();
        using var layout = new PdfLayout(document);

        var lines = layout.Wrap(text, PdfLayout.Body, width);

        lines.ShouldAllBe(l => layout.Graphics.MeasureString(l, PdfLayout.Body).Width <= width + 0.01);
        string.Concat(lines).Replace(" ", "").ShouldBe(text.ReplaceLineEndings("").Replace(" ", ""));
        lines.ShouldNotBeEmpty();
    }

    [Fact]
    public void Keeps_words_whole_when_they_fit_and_breaks_only_at_spaces()
    {
        ReportFonts.EnsureInstalled();
        using var document = new PdfDocument();
        using var layout = new PdfLayout(document);

        var lines = layout.Wrap("Separation surgery then SBRT to T5", PdfLayout.Body, 70);

        lines.Count.ShouldBeGreaterThan(1);
        string.Join(" ", lines).ShouldBe("Separation surgery then SBRT to T5");
    }

    [Fact]
    public void Keeps_the_given_line_breaks()
    {
        ReportFonts.EnsureInstalled();
        using var document = new PdfDocument();
        using var layout = new PdfLayout(document);

        layout.Wrap("one\ntwo\r\nthree", PdfLayout.Body, 400).ShouldBe(["one", "two", "three"]);
    }
}
