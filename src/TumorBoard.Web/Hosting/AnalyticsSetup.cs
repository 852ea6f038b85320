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
            options.PseudonymKey = DevelopmentKeys.ReadOrCreate(Path.Combine(builder.Environment.ContentRootPath, ".data", "analytics-pseudonym.key"));
        if (options.PseudonymKey.Length is > 0 and < AnalyticsOptions.MinimumKeyLength)
            throw new InvalidOperationException(
                $"Analytics:PseudonymKey is too short: it needs at least {AnalyticsOptions.MinimumKeyLength} characters (e.g. `openssl rand -base64 32`).");
        builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
    }
}
