using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TumorBoard.Application.Persistence;
using TumorBoard.Web.Infrastructure;

namespace TumorBoard.Web.Pages.Account;

[EnableRateLimiting(IdentitySetup.SignInPolicy)]
public sealed class SignInModel(Authenticator authenticator, SignInManager<AppUser> signIn) : PageModel
{
    public sealed class Form
    {
        public string Email { get; set; } = "";
        public string Password { get; set; } = "";
    }

    [BindProperty] public Form Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await authenticator.CheckAsync(Input.Email, Input.Password);
        if (user is null)
        {
            ModelState.AddModelError(string.Empty, Authenticator.FailureMessage);
            Input.Password = "";
            return Page();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
