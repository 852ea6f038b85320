using System.Globalization;
using System.Security;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace TumorBoard.Web.Reports;

/// <summary>
/// What PDF/A-2b asks of the file beyond embedded fonts (ISO 19005-2, level B), added by hand because PDFsharp 6.2's own
/// <c>SetPdfA()</c> declares PDF/A-1a, a tagged (accessible) document this layout does not produce: XMP metadata that
/// identifies part 2, conformance B and repeats the document information (title, author, subject, creator, producer,
/// dates), stored uncompressed, and an sRGB output intent (PDFsharp's own sRGB2014 ICC profile) for the DeviceRGB colours
/// drawn. Not verified with a PDF/A validator here: README "PDF report" says what was and was not checked.
/// </summary>
public static class PdfArchive
{
    public const string Creator = "TumorBoard";
    const string IccResource = "PdfSharp.Resources.sRGB2014.icc";

    public static void Identify(PdfDocument document, DateTimeOffset generatedAt)
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

        var metadata = new PdfDictionary(document);
        metadata.Elements.SetName("/Type", "/Metadata");
        metadata.Elements.SetName("/Subtype", "/XML");
        metadata.CreateStream(Encoding.UTF8.GetBytes(Xmp(document.Info, generatedAt)));
        document.Internals.AddObject(metadata);
        catalog.Elements.SetReference("/Metadata", metadata);
    }

    /// <summary>The XMP packet: the same title, author, subject, creator, producer and dates as the document information.</summary>
    static string Xmp(PdfDocumentInformation info, DateTimeOffset at)
    {
        string X(string? s) => SecurityElement.Escape(s ?? "");
        var date = at.ToLocalTime().ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        return $"""
            <?xpacket begin="{'\uFEFF'}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
              <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
                  <pdfaid:part>2</pdfaid:part>
                  <pdfaid:conformance>B</pdfaid:conformance>
                </rdf:Description>
                <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <dc:format>application/pdf</dc:format>
                  <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{X(info.Title)}</rdf:li></rdf:Alt></dc:title>
                  <dc:creator><rdf:Seq><rdf:li>{X(info.Author)}</rdf:li></rdf:Seq></dc:creator>
                  <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{X(info.Subject)}</rdf:li></rdf:Alt></dc:description>
                </rdf:Description>
                <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
                  <xmp:CreatorTool>{X(info.Creator)}</xmp:CreatorTool>
                  <xmp:CreateDate>{date}</xmp:CreateDate>
                  <xmp:ModifyDate>{date}</xmp:ModifyDate>
                  <xmp:MetadataDate>{date}</xmp:MetadataDate>
                </rdf:Description>
                <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
                  <pdf:Producer>{X(info.Producer)}</pdf:Producer>
                </rdf:Description>
              </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>
            """;
    }

    /// <summary>The letterhead logo for the PDF: PNG or JPEG from its data URI; an SVG logo is left out of the PDF (PDFsharp draws no SVG).</summary>
    public static XImage? Logo(string? dataUri)
    {
        if (dataUri is null || !(dataUri.StartsWith("data:image/png;base64,", StringComparison.Ordinal)
            || dataUri.StartsWith("data:image/jpeg;base64,", StringComparison.Ordinal))) return null;
        var bytes = Convert.FromBase64String(dataUri[(dataUri.IndexOf(',') + 1)..]);
        return XImage.FromStream(new MemoryStream(bytes, writable: false));
    }
}
