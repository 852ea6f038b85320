using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Features.Patients;
using TumorBoard.Domain.Security;
using Microsoft.Extensions.Localization;
using TumorBoard.Web.Errors;
using TumorBoard.Web.Texts;

namespace TumorBoard.Web.Pages.Patients;

[Authorize(Roles = Roles.Coordinator)]
public sealed class EditModel(ISender sender, IStringLocalizer<Ui> T) : PageModel, IFormPage
{
    [BindProperty] public UpdatePatient.Command Input { get; set; } = new();

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        var p = await sender.Send(new GetPatient.Query(id), ct);
        Input = new UpdatePatient.Command
        {
            PatientId = p.Id, ExpectedVersion = p.Version, Mrn = p.Mrn, FamilyName = p.FamilyName,
            GivenName = p.GivenName, DateOfBirth = p.DateOfBirth, Sex = p.Sex, Language = p.Language,
        };
    }

    Guid? editing;

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        editing = id;
        if (!ModelState.IsValid) return Page();
        await sender.Send(Input with { PatientId = id }, ct);
        TempData["Flash"] = T["Patient updated."].Value;
        return RedirectToPage("Details", new { id });
    }

    /// <summary>A refused MRN that matches a registered patient: the form links to that patient under the field.</summary>
    public async Task OnFormRejectedAsync(CancellationToken ct)
    {
        if (ModelState[$"{nameof(Input)}.{nameof(Input.Mrn)}"] is { Errors.Count: > 0 })
            ViewData["MrnMatch"] = await sender.Send(new FindPatientByMrn.Query(Input.Mrn, editing), ct);
    }
}
