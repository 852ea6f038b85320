using PdfSharp.Fonts;

namespace TumorBoard.Web.Reports;

/// <summary>
/// The PDF report's only fonts: DejaVu Sans regular and bold, shipped in this assembly (Reports/Fonts, with their
/// licence), so that a machine without system fonts renders the same report. PDFsharp keeps one resolver per process and
/// refuses a different one once a font was used: <see cref="EnsureInstalled"/> installs this single instance, once.
/// Italic is not used; a request for it gets the upright face rather than a font from the machine.
/// </summary>
public sealed class ReportFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    const string Regular = "DejaVuSans", Bold = "DejaVuSans-Bold";

    static readonly ReportFonts Instance = new();
    static readonly Lock Gate = new();
    static bool installed;

    readonly Dictionary<string, byte[]> faces = new()
    {
        [Regular] = Load(Regular),
        [Bold] = Load(Bold),
    };

    ReportFonts() { }

    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (installed) return;
            GlobalFontSettings.FontResolver = Instance;
            installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase) ? new FontResolverInfo(bold ? Bold : Regular) : null;

    public byte[]? GetFont(string faceName) => faces.GetValueOrDefault(faceName);

    static byte[] Load(string face)
    {
        var name = $"TumorBoard.Web.Reports.Fonts.{face}.ttf";
        using var stream = typeof(ReportFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The report font {name} is not embedded in {typeof(ReportFonts).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
