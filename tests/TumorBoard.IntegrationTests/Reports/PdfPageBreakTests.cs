using PdfSharp.Pdf;
using TumorBoard.Web.Reports;
using Pig = UglyToad.PdfPig.PdfDocument;

namespace TumorBoard.IntegrationTests.Reports;

/// <summary>
/// Issue #17 (the walk through the printed report): page breaks in the PDF never leave a heading alone at the foot of a
/// page, never leave the outcome line without the plan's table under it, never split one specialist's scores from their heading or from each other, and never leave a table's header
/// without its first row. The same sections are laid out after every length of text before them, from none to more than
/// a page, so each of them meets the foot of the page at every place it can.
/// </summary>
public sealed class PdfPageBreakTests
{
    sealed record Laid(IReadOnlyList<IReadOnlyList<string>> Pages)
    {
        public int PageOf(string word)
        {
            var at = Pages.Select((words, i) => (words, i)).Where(p => p.words.Contains(word)).Select(p => p.i).ToList();
            at.Count.ShouldBe(1, $"\"{word}\" should be on exactly one page");
            return at[0];
        }
    }

    static Laid Lay(int fillerLines)
    {
        ReportFonts.EnsureInstalled();
        using var document = new PdfDocument();
        using (var pdf = new PdfLayout(document))
        {
            if (fillerLines > 0) pdf.Paragraph(string.Join("\n", Enumerable.Range(1, fillerLines).Select(i => $"Filler{i}")));
            pdf.SectionHeading("Scores HeadingA");
            pdf.SubHeading("Neurosurgery SubA");
            pdf.Facts(Enumerable.Range(1, 6).Select(i => ($"Score{i}", $"Value{i}")));
            pdf.SubHeading("Radiation SubB");
            pdf.Facts(Enumerable.Range(1, 4).Select(i => ($"Other{i}", $"Value{i}")));
            pdf.SectionHeading("Plan HeadingB");
            pdf.Paragraph("Outcome LeadIn", keepWithNext: true);   // as the report's outcome above the plan
            pdf.Table([40, 200], ["Step", "TreatmentHeader"],
                Enumerable.Range(1, 8).Select(i => new[] { $"{i}", string.Join("\n", Enumerable.Range(1, 4).Select(l => $"Row{i}Line{l}")) }));
            pdf.SectionHeading("Reasons HeadingC");
            pdf.Paragraph(string.Join("\n", Enumerable.Range(1, 12).Select(i => $"Reason{i}")));
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        using var read = Pig.Open(output.ToArray());
        return new([.. read.GetPages().Select(p => (IReadOnlyList<string>)[.. p.GetWords().Select(w => w.Text)])]);
    }

    public static TheoryData<int> Lengths() => [.. Enumerable.Range(0, 75)];

    [Theory, MemberData(nameof(Lengths))]
    public void Headings_stay_with_what_they_head_and_short_blocks_stay_whole(int fillerLines)
    {
        var laid = Lay(fillerLines);

        // one specialist's scores: the section heading, the subheading and all six scores on one page
        var scores = laid.PageOf("HeadingA");
        laid.PageOf("SubA").ShouldBe(scores);
        for (var i = 1; i <= 6; i++) laid.PageOf($"Score{i}").ShouldBe(scores, $"score {i} after {fillerLines} lines");
        var other = laid.PageOf("SubB");
        for (var i = 1; i <= 4; i++) laid.PageOf($"Other{i}").ShouldBe(other, $"the second column's score {i} after {fillerLines} lines");

        // the table: its heading, its header and its first row together; the header again on every page it goes on to
        var plan = laid.PageOf("HeadingB");
        var rowPages = Enumerable.Range(1, 8).Select(i => laid.PageOf($"Row{i}Line1")).ToList();
        laid.PageOf("LeadIn").ShouldBe(plan);
        rowPages[0].ShouldBe(plan, $"the first row leaves its heading and header after {fillerLines} lines");
        for (var i = 1; i <= 8; i++)
            for (var l = 1; l <= 4; l++) laid.PageOf($"Row{i}Line{l}").ShouldBe(rowPages[i - 1], "a four-line row is never split");
        foreach (var page in rowPages.Distinct())
            laid.Pages[page].Count(w => w == "TreatmentHeader").ShouldBe(1, $"page {page + 1} has rows without the table's header");

        // a paragraph's heading has the paragraph's first lines under it
        var reasons = laid.PageOf("HeadingC");
        for (var i = 1; i <= 3; i++) laid.PageOf($"Reason{i}").ShouldBe(reasons);

        // nothing is lost at a break
        for (var i = 1; i <= fillerLines; i++) laid.PageOf($"Filler{i}");
        for (var i = 4; i <= 12; i++) laid.PageOf($"Reason{i}");
    }
}
