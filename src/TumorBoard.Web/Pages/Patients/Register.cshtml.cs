using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Features.Patients;
using TumorBoard.Domain.Security;
using TumorBoard.Web.Errors;

namespace TumorBoard.Web.Pages.Patients;

[Authorize(Roles = Roles.Coordinator)]
public sealed class RegisterModel(ISender sender) : PageModel, IFormPage
{
    [BindProperty] public RegisterPatient.Command Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public bool ThenCase { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var id = (await sender.Send(Input, ct)).Id;
        TempData["Flash"] = "Patient registered.";
        return ThenCase ? RedirectToPage("/Cases/Register", new { patientId = id }) : RedirectToPage("Details", new { id });
    }

    /// <summary>A refused MRN that matches a registered patient: the form links to that patient under the field.</summary>
    public async Task OnFormRejectedAsync(CancellationToken ct)
    {
        if (ModelState[$"{nameof(Input)}.{nameof(Input.Mrn)}"] is { Errors.Count: > 0 })
            ViewData["MrnMatch"] = await sender.Send(new FindPatientByMrn.Query(Input.Mrn, null), ct);
    }
}
