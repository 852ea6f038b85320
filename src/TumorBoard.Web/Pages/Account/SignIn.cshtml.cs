using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Persistence;
using TumorBoard.Web.Auth;

namespace TumorBoard.Web.Pages.Account;

/// <summary>The sign-in form. Showing it is never limited; each POST counts against the account and the address (<see cref="SignInThrottle"/>).</summary>
public sealed class SignInModel(Authenticator authenticator, SignInManager<AppUser> signIn, SignInThrottle throttle) : PageModel
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
        var verdict = await throttle.AttemptAsync(Input.Email, HttpContext.Connection.RemoteIpAddress, HttpContext.RequestAborted);
        if (!verdict.Allowed)
        {
            ModelState.AddModelError(string.Empty, $"{SignInThrottle.Message} Wait {verdict.RetryAfterSeconds} seconds, then try again.");
            Input.Password = "";
            Response.Headers.RetryAfter = verdict.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
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
