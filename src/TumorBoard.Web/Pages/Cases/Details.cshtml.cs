using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Features.Decisions;
using Microsoft.Extensions.Localization;
using TumorBoard.Web.Errors;
using TumorBoard.Web.Texts;

namespace TumorBoard.Web.Pages.Cases;

public sealed class DetailsModel(ISender sender, IStringLocalizer<Ui> T) : PageModel, IFormPage
{
    public GetCase.Result Case { get; private set; } = null!;
    /// <summary>The assessments and the NOMS suggestion, by the same query the API uses.</summary>
    public ListAssessments.Result AssessmentList { get; private set; } = null!;
    /// <summary>The case's decision versions, newest first.</summary>
    public IReadOnlyList<ListCaseDecisions.Row> Decisions { get; private set; } = [];

    [BindProperty] public WithdrawCase.Command Input { get; set; } = new();
    [BindProperty] public uint Version { get; set; }

    public Task OnGetAsync(Guid id, CancellationToken ct) => LoadAsync(id, ct);

    public async Task<IActionResult> OnPostReadyAsync(Guid id, CancellationToken ct)
    {
        Input = new WithdrawCase.Command { CaseId = id };
        await sender.Send(new MarkCaseReady.Command(id) { ExpectedVersion = Version }, ct);
        TempData["Flash"] = T["The case is ready for the board."].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct)
    {
        Input = Input with { CaseId = id, ExpectedVersion = Version };
        await sender.Send(Input, ct);
        TempData["Flash"] = T["The case was withdrawn."].Value;
        return RedirectToPage(new { id });
    }

    public Task OnFormRejectedAsync(CancellationToken ct) => LoadAsync(Input.CaseId, ct);

    async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Case = await sender.Send(new GetCase.Query(id), ct);
        AssessmentList = await sender.Send(new ListAssessments.Query(id), ct);
        Decisions = await sender.Send(new ListCaseDecisions.Query(id), ct);
    }
}
