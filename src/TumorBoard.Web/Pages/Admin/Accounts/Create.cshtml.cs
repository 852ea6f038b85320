using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Features.Accounts;
using Microsoft.Extensions.Localization;
using TumorBoard.Domain.Security;
using TumorBoard.Web.Texts;

namespace TumorBoard.Web.Pages.Admin.Accounts;

[Authorize(Roles = Roles.Administrator)]
public sealed class CreateModel(ISender sender, IStringLocalizer<Ui> T) : PageModel
{
    [BindProperty] public CreateAccount.Command Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var id = (await sender.Send(Input, ct)).Id;
        TempData["Flash"] = T["Account {0} created.", Input.Email].Value;
        return RedirectToPage("Edit", new { id });
    }
}
