using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Features.FastTrack;
using TumorBoard.Web.Errors;
using TumorBoard.Web.Forms;
using Microsoft.Extensions.Localization;
using TumorBoard.Web.Texts;

namespace TumorBoard.Web.Pages.FastTrack;

/// <summary>
/// A case's fast track: the triage and its derivation, the clocks, the timestamps with their history, and three forms
/// (record a time, raise the triage, give a breach reason), each sending the same command as the API. A rejected form
/// shows its messages under its own fields (the model prefix is the form's).
/// </summary>
public sealed class CaseModel(ISender sender, IOptions<BoardOptions> board, IStringLocalizer<Ui> T) : PageModel, IFormPage
{
    public GetCase.Result Case { get; private set; } = null!;
    public GetFastTrack.Result Track { get; private set; } = null!;

    [BindProperty] public RaiseTriage.Command Raise { get; set; } = new();
    [BindProperty] public ExplainBreach.Command Breach { get; set; } = new();
    [BindProperty] public RecordMsccTimestamp.Command Stamp { get; set; } = new();
    /// <summary>The time of the recorded moment, entered in the board's local time.</summary>
    [BindProperty] public DateOnly? StampDate { get; set; }
    [BindProperty] public TimeOnly? StampTime { get; set; }

    string prefix = "Stamp";
    Guid caseId;
    string IFormPage.ModelPrefix => prefix;
    public Task OnFormRejectedAsync(CancellationToken ct) => LoadAsync(caseId, ct);

    public Task OnGetAsync(Guid caseId, CancellationToken ct) => LoadAsync(caseId, ct);

    public async Task<IActionResult> OnPostStampAsync(Guid caseId, CancellationToken ct)
    {
        (this.caseId, prefix) = (caseId, nameof(Stamp));
        await sender.Send(Stamp with { CaseId = caseId, OccurredAt = board.Value.ToUtc(StampDate, StampTime) }, ct);
        TempData["Flash"] = T["The time was recorded."].Value;
        return RedirectToPage(new { caseId });
    }

    public async Task<IActionResult> OnPostRaiseAsync(Guid caseId, CancellationToken ct)
    {
        (this.caseId, prefix) = (caseId, nameof(Raise));
        await sender.Send(Raise with { CaseId = caseId }, ct);
        TempData["Flash"] = T["The triage was raised."].Value;
        return RedirectToPage(new { caseId });
    }

    public async Task<IActionResult> OnPostBreachAsync(Guid caseId, CancellationToken ct)
    {
        (this.caseId, prefix) = (caseId, nameof(Breach));
        await sender.Send(Breach with { CaseId = caseId }, ct);
        TempData["Flash"] = T["The breach reason was recorded."].Value;
        return RedirectToPage(new { caseId });
    }

    async Task LoadAsync(Guid id, CancellationToken ct)
    {
        caseId = id;
        Case = await sender.Send(new GetCase.Query(id), ct);
        Track = await sender.Send(new GetFastTrack.Query(id), ct);
    }
}
