using System.Security.Cryptography;
using TumorBoard.Application.Features.Analytics;

namespace TumorBoard.Web.Hosting;

/// <summary>
/// Analytics:PseudonymKey, the key of the case pseudonyms in CSV exports (README "Quality analytics"). Development: generated
/// once into .data/analytics-pseudonym.key when missing. Elsewhere a missing key does not stop the app; a pseudonymised
/// export is then refused (409) saying so.
/// </summary>
public static class AnalyticsSetup
{
    public static void AddAnalytics(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AnalyticsOptions.Section).Get<AnalyticsOptions>() ?? new();
        if (string.IsNullOrWhiteSpace(options.PseudonymKey) && builder.Environment.IsDevelopment())
            options.PseudonymKey = DevelopmentKey(Path.Combine(builder.Environment.ContentRootPath, ".data", "analytics-pseudonym.key"));
        if (options.PseudonymKey.Length is > 0 and < AnalyticsOptions.MinimumKeyLength)
            throw new InvalidOperationException(
                $"Analytics:PseudonymKey is too short: it needs at least {AnalyticsOptions.MinimumKeyLength} characters (e.g. `openssl rand -base64 32`).");
        builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
    }

    static string DevelopmentKey(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(file);
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        catch (IOException) when (File.Exists(path)) { /* generated before, or by a start at the same moment */ }
        return File.ReadAllText(path).Trim();
    }
}
