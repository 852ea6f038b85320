using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Features.Analytics;
using TumorBoard.Domain.Analytics;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Mscc;
using TumorBoard.Domain.Security;
using TumorBoard.Web.Errors;
using TumorBoard.Web.Shared;
using Microsoft.Extensions.Localization;
using TumorBoard.Web.Texts;
using TumorBoard.Domain.Common;

namespace TumorBoard.Web.Pages.Analytics;

/// <summary>The board's quality measures with their charts and CSV links (GetQualityMetrics checks the role).</summary>
public sealed class IndexModel(ISender sender, IStringLocalizer<Ui> T) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public PeriodBasis? PeriodBy { get; set; }
    [BindProperty(SupportsGet = true)] public PrimaryHistology? Histology { get; set; }
    [BindProperty(SupportsGet = true)] public Urgency? Urgency { get; set; }
    [BindProperty(SupportsGet = true)] public TriageLevel? Triage { get; set; }
    [BindProperty(SupportsGet = true)] public string? Referrer { get; set; }
    [BindProperty(SupportsGet = true)] public DecisionOutcome? Outcome { get; set; }
    [BindProperty(SupportsGet = true)] public Discipline? Discipline { get; set; }
    [BindProperty(SupportsGet = true)] public VersionScope? Versions { get; set; }

    /// <summary>Null when the filters were refused: the messages stand under the fields.</summary>
    public GetQualityMetrics.Result? Result { get; private set; }

    string IFormPage.ModelPrefix => "";
    public Task OnFormRejectedAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return;
        Result = await sender.Send(new GetQualityMetrics.Query
        {
            From = From, To = To, PeriodBy = PeriodBy, Histology = Histology, Urgency = Urgency, Triage = Triage, Referrer = Referrer,
            Outcome = Outcome, Discipline = Discipline, Versions = Versions,
        }, ct);
    }

    /// <summary>The CSV download (the API's export.csv, the same query): the page's cookie does not sign in on /api.</summary>
    public async Task<IActionResult> OnGetExportAsync(ExportKind? kind, bool identified, CancellationToken ct)
    {
        var export = await sender.Send(new ExportAnalytics.Query
        {
            From = From, To = To, PeriodBy = PeriodBy, Histology = Histology, Urgency = Urgency, Triage = Triage, Referrer = Referrer,
            Outcome = Outcome, Discipline = Discipline, Versions = Versions, Kind = kind, Identified = identified,
        }, ct);
        return new FileCallbackResult(Csv.ContentType, export.FileName, export.WriteAsync);
    }

    /// <summary>Only a coordinator may ask for identified data (ExportAnalytics checks it again).</summary>
    public bool MayExportIdentified => User.IsInRole(Roles.Coordinator);

    /// <summary>The CSV download for the same filters.</summary>
    public string ExportLink(ExportKind kind, bool identified = false)
    {
        var q = new List<string> { "handler=Export", "kind=" + ExportAnalytics.Name(kind) };
        void Add(string name, object? value) { if (value is not null && value.ToString() is { Length: > 0 } s) q.Add(name + "=" + Uri.EscapeDataString(s)); }
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("periodBy", PeriodBy); Add("histology", Histology); Add("urgency", Urgency); Add("triage", Triage); Add("referrer", Referrer);
        Add("outcome", Outcome); Add("discipline", Discipline); Add("versions", Versions);
        if (identified) q.Add("identified=true");
        return Url.Page("/Analytics/Index") + "?" + string.Join("&", q);
    }

    /// <summary>What a breakdown line is broken down by, in the page's language (the query names it: "discipline", "reason" …).</summary>
    public string GroupWords(string group) => group switch
    {
        "clock" => T["Clock"],
        "discipline" => T["Discipline"],
        "field" => T["Field"],
        "member" => T["Member"],
        "reason" => T["Reason"],
        "status" => T["Status"],
        "triage" => T["Triage"],
        "waiver" => T["Waiver"],
        _ => DisplayWords.Of(group),
    };

    /// <summary>A breakdown line in the vocabulary's words when its key is a member of the clinical vocabulary.</summary>
    public static string PartLabel(MetricPart p) => p.Group switch
    {
        "discipline" when Enum.TryParse<Discipline>(p.Key, out var d) => DisplayWords.Local(d),
        "clock" when Enum.TryParse<MsccClockName>(p.Key, out var c) => DisplayWords.Local(c),
        "triage" when Enum.TryParse<TriageLevel>(p.Key, out var t) => DisplayWords.Local(t),
        "status" when Enum.TryParse<FollowUpStatus>(p.Key, out var s) => DisplayWords.Local(s),
        "reason" when p.Key != "Other" && Enum.TryParse<BreachReason>(p.Key, out var b) => DisplayWords.Local(b),
        "reason" when p.Key != "Other" && Enum.TryParse<DeviationReason>(p.Key, out var r) => DisplayWords.Local(r),
        _ => p.Label,
    };

    /// <summary>A date in words in the page's culture ("1 March 2026" in English, as before; "1. März 2026" in German).</summary>
    public static string LongDay(DateOnly day) =>
        day.ToString(CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "de" ? "d. MMMM yyyy" : "d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Show(MetricValue m) => m.Unit == MetricUnit.Proportion ? Percent(m.Value) : Duration(m.Median, m.Unit);
    public static string Percent(double? value) => value is { } v ? (v * 100).ToString("0.#", CultureInfo.CurrentCulture) + " %" : "—";
    public static string Duration(double? value, MetricUnit unit) =>
        value is { } v ? v.ToString("0.#", CultureInfo.CurrentCulture) + (unit == MetricUnit.Hours ? " h" : " d") : "—";
    public static string Count(long? n) => n is { } v ? v.ToString(CultureInfo.CurrentCulture) : "—";

    public IReadOnlyList<SvgBarChart.Bar> DecisionsPerMonth => [.. Result!.Months.Select(m => new SvgBarChart.Bar(m.Month, m.Decisions, Count(m.Decisions)))];
    public IReadOnlyList<SvgBarChart.Bar> ConcordancePerMonth => [.. Result!.Months.Where(m => m.WithSuggestion > 0)
        .Select(m => new SvgBarChart.Bar(m.Month, (double)m.Concordant / m.WithSuggestion, Percent((double)m.Concordant / m.WithSuggestion)))];
    public IReadOnlyList<SvgBarChart.Bar> ImplementationPerMonth => [.. Result!.Months.Where(m => m.StepsDue > 0)
        .Select(m => new SvgBarChart.Bar(m.Month, (double)m.StepsImplemented / m.StepsDue, Percent((double)m.StepsImplemented / m.StepsDue)))];
    public IReadOnlyList<SvgBarChart.Bar> TimeToDecisionBands => [.. Result!.TimeToDecision.Select(b => new SvgBarChart.Bar(b.Label, b.Count, Count(b.Count)))];
    public IReadOnlyList<SvgBarChart.Bar> AttendancePerDiscipline => [.. Result!.Metrics.Single(m => m.Key == "attendance").Parts
        .Where(p => p.Group == "discipline").Select(p => new SvgBarChart.Bar(PartLabel(p), p.Value ?? 0, Percent(p.Value)))];
}

/// <summary>A file written straight to the response body by a callback (the CSV rows stream from the database).</summary>
public sealed class FileCallbackResult(string contentType, string fileName, Func<Stream, CancellationToken, Task> write) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = contentType;
        response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment") { FileNameStar = fileName }.ToString();
        await write(response.Body, context.HttpContext.RequestAborted);
    }
}
