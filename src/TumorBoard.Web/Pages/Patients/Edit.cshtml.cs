using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Features.Patients;
using TumorBoard.Domain.Security;
using TumorBoard.Web.Infrastructure;

namespace TumorBoard.Web.Pages.Patients;

[Authorize(Roles = Roles.Coordinator)]
public sealed class EditModel(ISender sender) : PageModel, IFormPage
{
    [BindProperty] public UpdatePatient.Command Input { get; set; } = new();

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        var p = await sender.Send(new GetPatient.Query(id), ct);
        Input = new UpdatePatient.Command
        {
            PatientId = p.Id, ExpectedVersion = p.Version, Mrn = p.Mrn, FamilyName = p.FamilyName,
            GivenName = p.GivenName, DateOfBirth = p.DateOfBirth, Sex = p.Sex,
        };
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        await sender.Send(Input with { PatientId = id }, ct);
        TempData["Flash"] = "Patient updated.";
        return RedirectToPage("Details", new { id });
    }

    public Task OnFormRejectedAsync(CancellationToken ct) => Task.CompletedTask;
}
