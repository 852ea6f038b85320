using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Features.Accounts;
using TumorBoard.Application.Persistence;

namespace TumorBoard.Web.Pages.Account.Manage;

public sealed class ChangePasswordModel(ISender sender, UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty] public ChangeOwnPassword.Command Input { get; set; } = new();

    // AllowAnonymousToFolder("/Account") also reaches this subfolder and outranks AuthorizeFolder("/Account/Manage"),
    // so the page asks for sign-in itself (the use case is the guard either way).
    bool SignedIn => User.Identity?.IsAuthenticated == true;

    public IActionResult OnGet() => SignedIn ? Page() : Challenge();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!SignedIn) return Challenge();
        if (!ModelState.IsValid) return Page();
        await sender.Send(Input, ct);
        // The stamp was renewed: issue this browser a fresh cookie; every other session ends.
        var user = await users.GetUserAsync(User);
        if (user is not null) await signIn.SignInAsync(user, isPersistent: false);
        TempData["Flash"] = "Your password is changed.";
        return RedirectToPage("/Index");
    }
}
