using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Features.Patients;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Security;
using TumorBoard.Web.Errors;

namespace TumorBoard.Web.Pages.Cases;

[Authorize(Roles = Roles.Coordinator)]
public sealed class RegisterModel(ISender sender) : PageModel, IFormPage
{
    [BindProperty] public RegisterCase.Command Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public Guid? PatientId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Text { get; set; }

    public GetPatient.Result? Patient { get; private set; }
    public Paged<FindPatients.Row>? Matches { get; private set; }
    /// <summary>The chosen patient's open cases (not decided, closed or withdrawn): shown as a warning above the form.</summary>
    public IReadOnlyList<GetPatient.CaseSummary> OpenCases =>
        Patient?.Cases.Where(c => Enum.TryParse<CaseStatus>(c.Status, out var s) && !CaseStatuses.IsClosed(s)).ToList() ?? [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (PatientId is { } id)
        {
            Patient = await sender.Send(new GetPatient.Query(id), ct);
            Input = (RegisterCase.Command)(new RegisterCase.Command { PatientId = id }.WithSpareRows());
        }
        else if (!string.IsNullOrWhiteSpace(Text))
            Matches = await sender.Send(new FindPatients.Query { Text = Text, PageSize = 10 }, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Input = (RegisterCase.Command)Input.WithoutTrailingBlankRows();
        if (!ModelState.IsValid)
        {
            await OnFormRejectedAsync(ct);
            return Page();
        }
        var saved = await sender.Send(Input, ct);
        TempData["Flash"] = saved.OtherOpenCases is { Count: > 0 } open
            ? $"Case registered as a draft. This patient has {(open.Count == 1 ? "another open case" : $"{open.Count} other open cases")}: see the patient's cases below."
            : "Case registered as a draft.";
        return RedirectToPage("Details", new { id = saved.Id });
    }

    /// <summary>"More rows" without JavaScript: the same form with more blank rows in one list, nothing saved.</summary>
    public async Task<IActionResult> OnPostMoreRowsAsync([FromForm] string? more, CancellationToken ct)
    {
        ModelState.Clear();   // the form shows the values as bound, without messages of a save that did not happen
        await OnFormRejectedAsync(ct);
        Input = (RegisterCase.Command)Input.WithoutTrailingBlankRows().WithSpareRows().WithMoreRows(more);
        return Page();
    }

    public async Task OnFormRejectedAsync(CancellationToken ct)
    {
        PatientId = Input.PatientId;
        if (Input.PatientId != Guid.Empty) Patient = await sender.Send(new GetPatient.Query(Input.PatientId), ct);
        Input = (RegisterCase.Command)Input.WithSpareRows();
    }
}
