using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace TumorBoard.Web.Http;

/// <summary>
/// One log line per request — method, path, query, status, duration — in place of ASP.NET Core's own "Request starting"
/// and "Request finished" lines, which print the whole URL: a patient or case search puts names and record numbers in
/// the query string (<c>/api/v1/patients?text=…</c>, <c>/Patients?Text=…</c>). Here every query value is
/// <c>[redacted]</c> except those of a short list of paging and filter keys, and those only when they look like a number,
/// a date or a code. The framework's lines are silenced whatever the configured levels (<see cref="SilenceHostingRequestLines"/>).
/// </summary>
public sealed partial class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> log)
{
    public const string Redacted = "[redacted]";
    const string HostingDiagnostics = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>Query keys whose values say nothing about a patient: paging, list filters by status or kind, date ranges.</summary>
    static readonly HashSet<string> SafeKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "page", "pageSize", "pageNumber", "status", "urgency", "histology", "discipline", "operation", "entityType",
        "from", "to", "includePast", "includeCompleted", "past", "kinds", "code", "handler", "thenCase", "number",
    };

    /// <summary>Keys shown by name with their value redacted (free text, identifiers); any other key is redacted whole.</summary>
    static readonly HashSet<string> KnownKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "text", "search", "q", "returnUrl", "patientId", "caseId", "entityId", "actorId", "id", "otherId", "itemId", "meetingId",
        "mrn", "name", "familyName", "givenName", "dateOfBirth", "reason",
    };

    public async Task InvokeAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(http);
        }
        finally
        {
            if (log.IsEnabled(LogLevel.Information))
                log.LogInformation("HTTP {Method} {Path}{Query} answered {StatusCode} in {ElapsedMs:0.0} ms", http.Request.Method,
                    http.Request.PathBase + http.Request.Path, Redact(http.Request.QueryString), http.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>"?text=Muster&amp;page=2" → "?text=[redacted]&amp;page=2".</summary>
    public static string Redact(QueryString query)
    {
        if (!query.HasValue || query.Value!.Length <= 1) return "";
        var redacted = new StringBuilder();
        foreach (var pair in query.Value[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var key = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
            var value = equals < 0 ? null : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            redacted.Append(redacted.Length == 0 ? '?' : '&').Append(SafeKeys.Contains(key) || KnownKeys.Contains(key) ? key : Redacted);
            if (value is not null)
                redacted.Append('=').Append(SafeKeys.Contains(key) && SafeValue().IsMatch(value) ? value : Redacted);
        }
        return redacted.ToString();
    }

    /// <summary>
    /// Keeps "Request starting/finished" (Information) out of every log provider, also when a provider-specific level or
    /// one for this very category is configured: the rules added here are the most specific and come last, so they win.
    /// Warnings and errors of the category still pass.
    /// </summary>
    public static void SilenceHostingRequestLines(LoggerFilterOptions options)
    {
        var providers = options.Rules.Select(r => r.ProviderName).Where(p => p is not null).Distinct().ToList();
        options.Rules.Add(new LoggerFilterRule(null, HostingDiagnostics, LogLevel.Warning, null));
        foreach (var provider in providers)
            options.Rules.Add(new LoggerFilterRule(provider, HostingDiagnostics, LogLevel.Warning, null));
    }

    /// <summary>A number, a date (time), a boolean or an enum-like code; never free text with spaces.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_.:+-]{0,40}$")]
    private static partial Regex SafeValue();
}
