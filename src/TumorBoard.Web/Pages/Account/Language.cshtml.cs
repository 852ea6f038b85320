using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Accounts;
using TumorBoard.Application.Persistence;
using TumorBoard.Web.Errors;
using TumorBoard.Web.Hosting;

namespace TumorBoard.Web.Pages.Account;

/// <summary>
/// The language menu (in every page's footer) posts here: signed in, the choice is kept on the account
/// (<see cref="SetOwnLanguage"/>, audited) and the sign-in renewed so its claim carries it; in every case the culture cookie
/// is set, and the browser goes back to the page it came from, now in the chosen language.
/// </summary>
public sealed class LanguageModel(ISender sender, SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel, IFormPage
{
    string IFormPage.ModelPrefix => "";
    Task IFormPage.OnFormRejectedAsync(CancellationToken ct) => Task.CompletedTask;

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string Culture { get; set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            // A culture outside the four comes back as a message under the menu (the filter), nothing saved.
            await sender.Send(new SetOwnLanguage.Command { Culture = Culture }, ct);
            if (await users.GetUserAsync(User) is { } user) await signIn.RefreshSignInAsync(user);
        }
        else if (BoardCultures.Find(Culture) is null)
        {
            ModelState.AddModelError(nameof(Culture), Application.Common.Validation.ValidationTexts.Format("Account_ChooseLanguage", string.Join(", ", BoardCultures.Supported)));
            return Page();
        }
        Localisation.RememberInCookie(Response, BoardCultures.Find(Culture)!);
        return LocalRedirect(Back(ReturnUrl));
    }

    /// <summary>The page to go back to, without a <c>culture</c> or <c>ui-culture</c> query that would override the choice.</summary>
    internal static string Back(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//") || returnUrl.StartsWith("/\\"))
            return "/";
        var q = returnUrl.IndexOf('?');
        if (q < 0) return returnUrl;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(returnUrl[q..]);
        var kept = query.Where(p => !p.Key.Equals("culture", StringComparison.OrdinalIgnoreCase) && !p.Key.Equals("ui-culture", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(returnUrl[..q], kept);
    }
}
