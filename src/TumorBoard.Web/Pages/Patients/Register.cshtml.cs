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
public sealed class RegisterModel(ISender sender, IStringLocalizer<Ui> T) : PageModel, IFormPage
{
    [BindProperty] public RegisterPatient.Command Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public bool ThenCase { get; set; }

    /// <summary>The hospital's FHIR record, pasted or uploaded (the "From hospital record" form).</summary>
    [BindProperty] public FhirRecordForm Fhir { get; set; } = new();

    /// <summary>What importing the record would register, shown before the coordinator confirms it.</summary>
    public PreviewPatientImport.Result? Preview { get; private set; }

    string modelPrefix = nameof(Input);
    string IFormPage.ModelPrefix => modelPrefix;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var id = (await sender.Send(Input, ct)).Id;
        TempData["Flash"] = T["Patient registered."].Value;
        return ThenCase ? RedirectToPage("/Cases/Register", new { patientId = id }) : RedirectToPage("Details", new { id });
    }

    /// <summary>Reads the pasted or uploaded record and shows what would be registered; nothing is written.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        modelPrefix = nameof(Fhir);
        ModelState.Clear();   // the typed-in form was not sent
        if (await Fhir.TextAsync(ct) is not { } text)
        {
            ModelState.AddModelError($"{nameof(Fhir)}.{nameof(FhirRecordForm.Resource)}", T["The file or text is longer than 1,000,000 characters: is it the patient's record?"]);
            return Page();
        }
        Fhir.Resource = text;
        Preview = await sender.Send(new PreviewPatientImport.Query(text), ct);
        return Page();
    }

    /// <summary>Registers the previewed record (or finds the registered patient) and opens the case form pre-filled from it.</summary>
    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        modelPrefix = nameof(Fhir);
        ModelState.Clear();
        var result = await sender.Send(new ImportPatient.Command { Resource = Fhir.Resource ?? "" }, ct);
        TempData["Flash"] = result.Created
            ? T["Patient registered from the hospital record."].Value
            : result.Differences.Count == 0
                ? T["This patient was already registered: nothing was changed."].Value
                : T["This patient was already registered: nothing was changed, but the hospital record differs (see the patient's details and correct them if needed)."].Value;
        var draft = result.CaseDraft;
        return RedirectToPage("/Cases/Register", new
        {
            patientId = result.Patient.Id,
            histology = draft.Histology,
            diagnosisDate = draft.DiagnosisDate?.ToString("yyyy-MM-dd"),
            from = "fhir",
        });
    }

    /// <summary>A refused MRN that matches a registered patient: the form links to that patient under the field.</summary>
    public async Task OnFormRejectedAsync(CancellationToken ct)
    {
        if (ModelState[$"{nameof(Input)}.{nameof(Input.Mrn)}"] is { Errors.Count: > 0 })
            ViewData["MrnMatch"] = await sender.Send(new FindPatientByMrn.Query(Input.Mrn, null), ct);
    }

    public sealed class FhirRecordForm
    {
        public const string TooLong = "The file or text is longer than 1,000,000 characters: is it the patient's record?";

        /// <summary>The pasted JSON (after a preview: the record previewed, sent again on confirm).</summary>
        public string? Resource { get; set; }

        /// <summary>An uploaded .json file; it wins over pasted text.</summary>
        public IFormFile? File { get; set; }

        /// <summary>The record's text (the file's, read as UTF-8, else the pasted one); null when it is too long to be one.</summary>
        public async Task<string?> TextAsync(CancellationToken ct)
        {
            if (File is not { Length: > 0 } file) return Resource is { Length: > FhirRecordValidator.MaxLength } ? null : Resource ?? "";
            if (file.Length > FhirRecordValidator.MaxLength * 4L) return null;
            using var reader = new StreamReader(file.OpenReadStream(), System.Text.Encoding.UTF8);
            var text = await reader.ReadToEndAsync(ct);
            return text.Length > FhirRecordValidator.MaxLength ? null : text;
        }
    }
}
