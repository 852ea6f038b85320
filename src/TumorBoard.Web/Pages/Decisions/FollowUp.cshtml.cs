using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.FollowUps;
using TumorBoard.Domain.Decisions;
using TumorBoard.Web.Errors;
using Microsoft.Extensions.Localization;
using TumorBoard.Web.Texts;

namespace TumorBoard.Web.Pages.Decisions;

/// <summary>
/// Follow-up of a signed decision (issue #6): each plan step the board recommended, with what was actually done and the
/// history of records; the responsible clinician or a coordinator records a step (RecordFollowUp refuses anyone else: 403).
/// </summary>
public sealed class FollowUpModel(ISender sender, ICurrentUser user, BoardClock clock, IStringLocalizer<Ui> T) : PageModel, IFormPage
{
    [BindProperty] public RecordFollowUp.Command Input { get; set; } = new();

    public DecisionView Decision { get; private set; } = null!;
    public GetCase.Result Case { get; private set; } = null!;

    /// <summary>Comfort only: the handler is the guard.</summary>
    public bool MayRecord => FollowUpReads.MayRecord(user, Decision.Content.ResponsibleClinicianId);

    public async Task OnGetAsync(Guid id, int? step, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var firstOpen = Decision.FollowUp.FirstOrDefault(s => s.Current is null || s.Current.Status == FollowUpStatus.Unknown);
        Input = new RecordFollowUp.Command { DecisionId = id, StepNumber = step ?? firstOpen?.StepNumber ?? 1 };
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Input = Input with { DecisionId = id };
        if (!ModelState.IsValid)
        {
            await OnFormRejectedAsync(ct);
            return Page();
        }
        await sender.Send(Input, ct);
        TempData["Flash"] = T["Follow-up of step {0} recorded.", Input.StepNumber].Value;
        return RedirectToPage(new { id });
    }

    public Task OnFormRejectedAsync(CancellationToken ct) => LoadAsync(Input.DecisionId, ct);

    async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Decision = await sender.Send(new GetDecision.Query(id), ct);
        Case = await sender.Send(new GetCase.Query(Decision.CaseId), ct);
    }

    public IEnumerable<SelectListItem> Steps =>
        Decision.FollowUp.Select(s => new SelectListItem(T["Step {0}: {1}", s.StepNumber, DecisionText.Summary(s.Step, T)], s.StepNumber.ToString()));

    /// <summary>The board's local today: the latest date performed the form offers.</summary>
    public DateOnly Today => clock.Today;
}
