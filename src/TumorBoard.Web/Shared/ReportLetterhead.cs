using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Models;

namespace TumorBoard.Web.Shared;

/// <summary>
/// The letterhead of the printed decision report from <c>Board:Report:*</c>: board name, institution, address lines,
/// contact and the logo as a data URI (read once; the page's Content-Security-Policy allows <c>data:</c> images, and a
/// printed or saved page needs no further request). A configured logo that cannot be read fails the start-up check
/// in <see cref="Validate"/>, not a report in front of a physician.
/// </summary>
public sealed class ReportLetterhead
{
    const long MaxLogoBytes = 512 * 1024;

    public ReportLetterhead(IOptions<BoardOptions> board, IWebHostEnvironment env)
    {
        var o = board.Value.Report;
        BoardName = string.IsNullOrWhiteSpace(o.BoardName) ? new ReportOptions().BoardName : o.BoardName.Trim();
        Institution = Blank(o.Institution);
        AddressLines = [.. (o.Address ?? "").Split(['\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        Contact = Blank(o.Contact);
        LogoDataUri = Logo(o.LogoFile, env.ContentRootPath);
    }

    public string BoardName { get; }
    public string? Institution { get; }
    public IReadOnlyList<string> AddressLines { get; }
    public string? Contact { get; }
    public string? LogoDataUri { get; }

    /// <summary>Resolves the letterhead at start-up so that a wrong logo path stops the app with the setting named.</summary>
    public static void Validate(IServiceProvider services) => services.GetRequiredService<ReportLetterhead>();

    static string? Logo(string? file, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(file)) return null;
        var path = Path.IsPathRooted(file) ? file : Path.Combine(contentRoot, file);
        var type = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".png" => "image/png", ".jpg" or ".jpeg" => "image/jpeg", ".svg" => "image/svg+xml",
            _ => throw new InvalidOperationException($"Board:Report:LogoFile must be a .png, .jpg or .svg file; '{file}' is not."),
        };
        var info = new FileInfo(path);
        if (!info.Exists) throw new InvalidOperationException($"Board:Report:LogoFile '{file}' does not exist (looked at {path}).");
        if (info.Length > MaxLogoBytes) throw new InvalidOperationException($"Board:Report:LogoFile '{file}' is larger than 512 KiB.");
        return $"data:{type};base64,{Convert.ToBase64String(File.ReadAllBytes(path))}";
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
