using TumorBoard.Domain.Common;
using System.Text.Json;
using Mediator;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.CaseHistory;
using TumorBoard.Application.Features.Fhir;
using TumorBoard.Domain.Security;
using TumorBoard.Web.Shared;
using TumorBoard.Web.Forms;
using Microsoft.Extensions.Localization;
using TumorBoard.Web.Errors;
using TumorBoard.Web.Texts;

namespace TumorBoard.Web.Pages.Cases;

/// <summary>
/// The case's decision history (GetCaseHistory): the timeline with a GET filter form, links to every decision and
/// assessment version, the choice of two decision versions to compare, the JSON download and the printable report.
/// </summary>
public sealed class HistoryModel(ISender sender, IOptions<JsonOptions> json, IStringLocalizer<Ui> T) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public List<HistoryEventKind> Kinds { get; set; } = [];
    [BindProperty(SupportsGet = true)] public Discipline? Discipline { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public Guid CaseId { get; private set; }
    public GetCaseHistory.Result History { get; private set; } = null!;

    /// <summary>Disciplines a history can be filtered by: those that write assessments and take positions.</summary>
    public static readonly Discipline[] Disciplines = [Domain.Security.Discipline.Neurosurgery,
        Domain.Security.Discipline.RadiationOncology, Domain.Security.Discipline.MedicalOncology];

    string IFormPage.ModelPrefix => "";

    public async Task OnGetAsync(Guid caseId, CancellationToken ct)
    {
        CaseId = caseId;
        if (!ModelState.IsValid) { await OnFormRejectedAsync(ct); return; }
        History = await sender.Send(new GetCaseHistory.Query(caseId) { Kinds = Kinds, Discipline = Discipline, From = From, To = To }, ct);
    }

    /// <summary>The whole history as a JSON file: the same document as GET /api/v1/cases/{id}/history/export.</summary>
    public async Task<IActionResult> OnGetExportAsync(Guid caseId, string? format, CancellationToken ct)
    {
        if (CaseHistoryExport.IsFhir(format))
        {
            var export = await sender.Send(new ExportCaseHistoryFhir.Query(caseId), ct);
            Response.Headers.CacheControl = "no-store";
            return File(System.Text.Encoding.UTF8.GetBytes(export.Json), FhirJson.MediaType, export.FileName);
        }
        var document = await sender.Send(new ExportCaseHistory.Query(caseId), ct);
        Response.Headers.CacheControl = "no-store";
        return File(JsonSerializer.SerializeToUtf8Bytes(document, CaseHistoryExport.ExportJson(json.Value)), "application/json",
            CaseHistoryExport.ExportFileName(caseId));
    }

    /// <summary>The "compare versions" form (a GET without script) lands here and goes on to the comparison page.</summary>
    public IActionResult OnGetCompare(Guid caseId, Guid? first, Guid? second)
    {
        if (first is { } a && second is { } b && a != b) return RedirectToPage("/Decisions/Compare", new { id = a, otherId = b });
        TempData["Flash"] = T["Choose two different decision versions to compare."].Value;
        return RedirectToPage("/Cases/History", new { caseId });
    }

    /// <summary>A filter the query refused (dates the wrong way round): the unfiltered history, with the message under the field.</summary>
    public async Task OnFormRejectedAsync(CancellationToken ct)
    {
        CaseId = RouteData.Values["caseId"] is string id && Guid.TryParse(id, out var caseId) ? caseId : CaseId;
        History = await sender.Send(new GetCaseHistory.Query(CaseId), ct);
    }

    /// <summary>Where an event's records are shown: the decision report, the assessment's version history, the meeting.</summary>
    public string? DecisionLink(HistoryEvent e) => e.DecisionId is { } id ? Url.Page("/Decisions/Report", new { id }) : null;

    public string? AssessmentLink(HistoryEvent e) => e is { AssessmentVersion: { } n, Discipline: { } d }
        ? Url.Page("/Assessments/History",
            new { caseId = CaseId, discipline = DisciplineRoute.Slug(d), From = n > 1 ? n - 1 : (int?)null, To = n > 1 ? n : (int?)null })
        : null;

    public string? MeetingLink(HistoryEvent e) => e.MeetingId is { } id ? Url.Page("/Meetings/Details", new { id }) : null;

    /// <summary>The version a "Print decision report" link opens: the current signed decision, else the latest version.</summary>
    public GetCaseHistory.DecisionVersion? ReportVersion =>
        History.Decisions.FirstOrDefault(d => d.Status == Domain.Decisions.DecisionStatus.Signed) ?? History.Decisions.LastOrDefault();

    /// <summary>An event kind's English words, the key of its page text ("Decision signed"; Texts/Ui*.resx, a unit test
    /// checks every kind has one).</summary>
    public static string Kind(HistoryEventKind kind) => Domain.Common.DisplayWords.Of(kind);


    public static string DisciplineLabel(Discipline d) => DisplayWords.Local(d);
}
