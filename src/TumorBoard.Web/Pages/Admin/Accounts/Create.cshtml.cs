using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Features.Accounts;
using TumorBoard.Domain.Security;

namespace TumorBoard.Web.Pages.Admin.Accounts;

[Authorize(Roles = Roles.Administrator)]
public sealed class CreateModel(ISender sender) : PageModel
{
    [BindProperty] public CreateAccount.Command Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var id = (await sender.Send(Input, ct)).Id;
        TempData["Flash"] = $"Account {Input.Email} created.";
        return RedirectToPage("Edit", new { id });
    }
}
