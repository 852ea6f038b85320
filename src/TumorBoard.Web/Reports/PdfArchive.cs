using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace TumorBoard.Web.Reports;

/// <summary>
/// What PDF/A-2b asks of the file beyond embedded fonts (ISO 19005-2, level B). PDFsharp 6.2's own <c>SetPdfA()</c>
/// declares PDF/A-1a, a tagged (accessible) document this layout does not produce, so it is not used. Instead: an sRGB
/// output intent (PDFsharp's own sRGB2014 ICC profile) for the DeviceRGB colours drawn, and the pdfaid identification
/// (part 2, conformance B) added to the XMP packet PDFsharp writes (uncompressed, in step with the document information).
/// Not verified with a PDF/A validator here: README "PDF report for the referrer" says what was and was not checked.
/// </summary>
public static class PdfArchive
{
    public const string Creator = "TumorBoard";
    const string IccResource = "PdfSharp.Resources.sRGB2014.icc";

    /// <summary>The sRGB output intent; the XMP identification follows at save (<see cref="DeclarePdfA2b"/>).</summary>
    public static void AddOutputIntent(PdfDocument document)
    {
        var catalog = document.Internals.Catalog;

        using (var icc = typeof(PdfDocument).Assembly.GetManifestResourceStream(IccResource)
            ?? throw new InvalidOperationException($"PDFsharp no longer ships {IccResource}; the PDF/A output intent needs an sRGB ICC profile."))
        {
            var profile = new PdfDictionary(document);
            using var bytes = new MemoryStream();
            icc.CopyTo(bytes);
            profile.CreateStream(bytes.ToArray());
            profile.Elements.SetInteger("/N", 3);
            document.Internals.AddObject(profile);

            var intent = new PdfDictionary(document);
            intent.Elements.SetName("/Type", "/OutputIntent");
            intent.Elements.SetName("/S", "/GTS_PDFA1");
            intent.Elements.SetString("/OutputConditionIdentifier", "sRGB IEC61966-2.1");
            intent.Elements.SetString("/Info", "sRGB IEC61966-2.1");
            intent.Elements.SetReference("/DestOutputProfile", profile);
            document.Internals.AddObject(intent);
            catalog.Elements["/OutputIntents"] = new PdfArray(document, intent.Reference!);
        }

    }

    /// <summary>
    /// PDFsharp writes its own XMP packet at save (title, author, subject, creator, producer and dates, in step with the
    /// document information) and replaces any packet set before. This adds the PDF/A-2b identification to that packet in
    /// the saved file without moving a byte: the whitespace between its tags is dropped, the pdfaid description is
    /// inserted and the packet is padded back to its length with spaces (the padding XMP provides for in-place edits),
    /// so the cross-reference offsets stay right. Returns false (and leaves the file as it is) if the packet is not
    /// found or has no room.
    /// </summary>
    public static bool DeclarePdfA2b(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var start = text.IndexOf("<x:xmpmeta", StringComparison.Ordinal);
        var end = start < 0 ? -1 : text.IndexOf("</x:xmpmeta>", start, StringComparison.Ordinal);
        if (end < 0 || text.IndexOf("pdfaid", start, end - start, StringComparison.Ordinal) >= 0) return false;
        end += "</x:xmpmeta>".Length;
        var packet = text[start..end];
        var compact = System.Text.RegularExpressions.Regex.Replace(packet, @">[ \t\r\n]+<", "><");
        var rdf = compact.IndexOf("<rdf:Description", StringComparison.Ordinal);
        if (rdf < 0) return false;
        var declared = compact.Insert(rdf, PdfAId);
        if (declared.Length > packet.Length) return false;
        var bytes = Encoding.Latin1.GetBytes(declared.PadRight(packet.Length));
        bytes.CopyTo(pdf, start);
        return true;
    }

    const string PdfAId = "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">"
        + "<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>";

    /// <summary>The letterhead logo for the PDF: PNG or JPEG from its data URI; an SVG logo is left out of the PDF (PDFsharp draws no SVG).</summary>
    public static XImage? Logo(string? dataUri)
    {
        if (dataUri is null || !(dataUri.StartsWith("data:image/png;base64,", StringComparison.Ordinal)
            || dataUri.StartsWith("data:image/jpeg;base64,", StringComparison.Ordinal))) return null;
        var bytes = Convert.FromBase64String(dataUri[(dataUri.IndexOf(',') + 1)..]);
        return XImage.FromStream(new MemoryStream(bytes, writable: false));
    }
}
