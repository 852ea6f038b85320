using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Reports;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Security;
using TumorBoard.Web.Errors;
using TumorBoard.Web.Forms;
using TumorBoard.Web.Reports;
using TumorBoard.Web.Shared;
using Microsoft.Extensions.Localization;
using TumorBoard.Web.Texts;

namespace TumorBoard.Web.Pages.Decisions;

/// <summary>
/// The printable decision report of one decision version (DH-3), the letter that goes to the referring physician: the
/// institution's letterhead (<c>Board:Report:*</c>), the patient, the question, the clinical summary, the specialists'
/// scores with their categories, the meeting (in the board's time zone) and who attended, the decision in full, waivers,
/// every member's position with dissent, the signature manifestation (printed name, time, meaning, SHA-256 and whether
/// the stored content still matches it), the amendment and supersession notes, and the follow-up so far with the day
/// each step was done. What it says is <see cref="DecisionReport"/>, shared with the PDF (<see cref="ReportPdfModel"/>);
/// print CSS in site.css. Below the report, not printed: "Sent to the referrer", the recorded dispatches of a signed
/// version and the form that records one (RecordReportDispatch, the same command as the API; measure 11).
/// </summary>
public sealed class ReportModel(ISender sender, BoardClock clock, ReportLetterhead letterhead, IOptions<BoardOptions> board, IStringLocalizer<Ui> T) : PageModel, IFormPage
{
    public DecisionReport Report { get; private set; } = null!;
    public IReadOnlyList<ReportDispatchView> Dispatches { get; private set; } = [];
    /// <summary>One working day after the signature (null for a draft).</summary>
    public DateTimeOffset? DueBy { get; private set; }

    [BindProperty] public RecordReportDispatch.Command Dispatch { get; set; } = new();
    /// <summary>When the report left, entered in the board's local time; both empty means now.</summary>
    [BindProperty] public DateOnly? SentDate { get; set; }
    [BindProperty] public TimeOnly? SentTime { get; set; }

    Guid id;
    string IFormPage.ModelPrefix => nameof(Dispatch);
    public Task OnFormRejectedAsync(CancellationToken ct) => LoadAsync(id, ct);

    public bool MayRecord => User.IsInRole(Roles.Coordinator) || User.IsInRole(Roles.Clinician);

    public Task OnGetAsync(Guid id, CancellationToken ct) => LoadAsync(id, ct);

    public async Task<IActionResult> OnPostDispatchAsync(Guid id, CancellationToken ct)
    {
        this.id = id;
        var sentAt = SentDate is null && SentTime is null ? (DateTimeOffset?)null : board.Value.ToUtc(SentDate, SentTime);
        if ((SentDate is null) != (SentTime is null))
        {
            ModelState.AddModelError($"{nameof(Dispatch)}.{nameof(Dispatch.SentAt)}", T["Enter both the date and the time the report was sent, or neither for now."]);
            await LoadAsync(id, ct);
            return Page();
        }
        await sender.Send(Dispatch with { DecisionId = id, SentAt = sentAt }, ct);
        TempData["Flash"] = T["The dispatch of the report was recorded."].Value;
        return Redirect(Url.Page("/Decisions/Report", new { id })! + "#dispatches");
    }

    async Task LoadAsync(Guid decisionId, CancellationToken ct)
    {
        id = decisionId;
        Report = await DecisionReport.ReadAsync(sender, clock, letterhead, decisionId, ct, T);
        if (Report.IsDraft) return;
        Dispatches = await sender.Send(new ListReportDispatches.Query(decisionId), ct);
        DueBy = Report.Signature is { } s ? ReportDeadline.DueBy(s.SignedAt, clock.Zone) : null;
    }
}
