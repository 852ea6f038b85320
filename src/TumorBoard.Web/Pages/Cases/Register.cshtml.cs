using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Features.Patients;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Security;
using Microsoft.Extensions.Localization;
using TumorBoard.Web.Errors;
using TumorBoard.Web.Texts;

namespace TumorBoard.Web.Pages.Cases;

[Authorize(Roles = Roles.Coordinator)]
public sealed class RegisterModel(ISender sender, IStringLocalizer<Ui> T) : PageModel, IFormPage
{
    [BindProperty] public RegisterCase.Command Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public Guid? PatientId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Text { get; set; }

    /// <summary>A pre-fill of the new case from elsewhere (the patient's FHIR record): the values and where they came from.</summary>
    [BindProperty(SupportsGet = true)] public PrimaryHistology? Histology { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? DiagnosisDate { get; set; }
    /// <summary>"fhir": the values came from the patient's FHIR record (ImportPatient's case draft).</summary>
    [BindProperty(SupportsGet = true)] public string? From { get; set; }

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
            Input = (RegisterCase.Command)(new RegisterCase.Command { PatientId = id, Histology = Histology, DiagnosisDate = DiagnosisDate }.WithSpareRows());
            // Marked next to the label as the assessments' pre-fills are; the coordinator confirms or changes them.
            var source = From == "fhir" ? T["from the hospital record"].Value : T["from the link that opened this form"].Value;
            ViewData["Prefilled"] = (IReadOnlyList<PrefilledField>)[
                .. Histology is null ? Array.Empty<PrefilledField>() : [new PrefilledField(nameof(Input.Histology), source)],
                .. DiagnosisDate is null ? Array.Empty<PrefilledField>() : [new PrefilledField(nameof(Input.DiagnosisDate), source)],
            ];
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
            ? open.Count == 1
                ? T["Case registered as a draft. This patient has another open case: see the patient's cases below."].Value
                : T["Case registered as a draft. This patient has {0} other open cases: see the patient's cases below.", open.Count].Value
            : T["Case registered as a draft."].Value;
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
