using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Features.Accounts;
using TumorBoard.Domain.Common;
using Microsoft.Extensions.Localization;
using TumorBoard.Domain.Security;
using TumorBoard.Web.Texts;
using TumorBoard.Web.Errors;

namespace TumorBoard.Web.Pages.Admin.Accounts;

[Authorize(Roles = Roles.Administrator)]
public sealed class EditModel(ISender sender, IStringLocalizer<Ui> T) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public UpdateAccount.Command Input { get; set; } = new();
    public GetAccount.Result Account { get; private set; } = null!;
    public bool IsOwnAccount => Account.Id.ToString() == User.FindFirstValue(ClaimTypes.NameIdentifier);
    bool fieldsPosted;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(fillForm: true, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        fieldsPosted = true;
        if (!ModelState.IsValid) { await LoadAsync(fillForm: false, ct); return Page(); }
        try { await sender.Send(Input with { Id = Id }, ct); }
        catch (ForbiddenException refused)
        {
            // One's own roles (the form does not offer them): still a 403, with the reason under the roles.
            // The reason in the page's language: the rule's own text (RuleTexts), else the English reason as a page text key (Texts/Ui*.resx).
            var reason = ExceptionMapping.LocalMessage(refused);
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Roles)}", reason != refused.Message ? reason : T[refused.Message]);
            await LoadAsync(fillForm: false, ct);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        TempData["Flash"] = T["Account saved."].Value;
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostDeactivateAsync(CancellationToken ct)
    {
        await sender.Send(new DeactivateAccount.Command(Id), ct);
        TempData["Flash"] = T["Account deactivated: it can no longer sign in."].Value;
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostReactivateAsync(CancellationToken ct)
    {
        await sender.Send(new ReactivateAccount.Command(Id), ct);
        TempData["Flash"] = T["Account reactivated."].Value;
        return RedirectToPage(new { id = Id });
    }

    public Task OnFormRejectedAsync(CancellationToken ct) => LoadAsync(fillForm: !fieldsPosted, ct);

    async Task LoadAsync(bool fillForm, CancellationToken ct)
    {
        Account = await sender.Send(new GetAccount.Query(Id), ct);
        if (fillForm)
            Input = new UpdateAccount.Command
            {
                Id = Account.Id, DisplayName = Account.DisplayName, Roles = [.. Account.Roles], Discipline = Account.Discipline,
            };
    }
}
