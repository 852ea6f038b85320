using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Domain.Security;
using Microsoft.Extensions.Localization;
using TumorBoard.Web.Errors;
using TumorBoard.Web.Texts;

namespace TumorBoard.Web.Pages.Cases;

[Authorize(Roles = Roles.Coordinator)]
public sealed class EditModel(ISender sender, IStringLocalizer<Ui> T) : PageModel, IFormPage
{
    [BindProperty] public UpdateCase.Command Input { get; set; } = new();
    public GetCase.Result Case { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Case = await sender.Send(new GetCase.Query(id), ct);
        Input = (UpdateCase.Command)CaseForms.ToUpdate(Case).WithSpareRows();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Input = (UpdateCase.Command)Input.WithoutTrailingBlankRows() with { CaseId = id };
        if (!ModelState.IsValid)
        {
            await OnFormRejectedAsync(ct);
            return Page();
        }
        await sender.Send(Input, ct);
        TempData["Flash"] = T["Case saved."].Value;
        return RedirectToPage("Details", new { id });
    }

    /// <summary>"More rows" without JavaScript: the same form with more blank rows in one list, nothing saved.</summary>
    public async Task<IActionResult> OnPostMoreRowsAsync(Guid id, [FromForm] string? more, CancellationToken ct)
    {
        Case = await sender.Send(new GetCase.Query(id), ct);
        ModelState.Clear();   // the form shows the values as bound, not yesterday's attempted values or messages
        Input = (UpdateCase.Command)Input.WithoutTrailingBlankRows().WithSpareRows().WithMoreRows(more) with { CaseId = id };
        return Page();
    }

    public async Task OnFormRejectedAsync(CancellationToken ct)
    {
        Case = await sender.Send(new GetCase.Query(Input.CaseId), ct);
        Input = (UpdateCase.Command)Input.WithSpareRows();
    }
}
