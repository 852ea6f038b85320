using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Features.Accounts;
using Microsoft.Extensions.Localization;
using TumorBoard.Domain.Security;
using TumorBoard.Web.Texts;
using TumorBoard.Web.Errors;

namespace TumorBoard.Web.Pages.Admin.Accounts;

[Authorize(Roles = Roles.Administrator)]
public sealed class ResetPasswordModel(ISender sender, IStringLocalizer<Ui> T) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public ResetPassword.Command Input { get; set; } = new();
    public GetAccount.Result Account { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken ct) => OnFormRejectedAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) { await OnFormRejectedAsync(ct); return Page(); }
        await sender.Send(Input with { Id = Id }, ct);
        TempData["Flash"] = T["Password reset. The account is signed out everywhere."].Value;
        return RedirectToPage("Edit", new { id = Id });
    }

    public async Task OnFormRejectedAsync(CancellationToken ct) => Account = await sender.Send(new GetAccount.Query(Id), ct);
}
