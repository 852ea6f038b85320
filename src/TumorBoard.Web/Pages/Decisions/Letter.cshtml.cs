using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.PatientLetters;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.PatientLetters;
using TumorBoard.Web.Errors;
using Microsoft.Extensions.Localization;
using TumorBoard.Web.Texts;

namespace TumorBoard.Web.Pages.Decisions;

/// <summary>
/// The letter to the patient about one decision version (pathways.md §4): draft it, put "why" into plain words, preview
/// it as the patient reads it, print it, record it as sent, and see every stored version and the letters of the versions
/// this one amends. The forms post GeneratePatientLetter, EditPatientLetter and MarkPatientLetterSent; the commands decide.
/// </summary>
public sealed class LetterModel(ISender sender, BoardClock clock, IStringLocalizer<Ui> T) : PageModel, IFormPage
{
    string prefix = nameof(Edit);

    [FromRoute] public Guid Id { get; set; }
    /// <summary>A stored version to show instead of the current one.</summary>
    [FromQuery(Name = "version")] public int? ShowVersion { get; set; }
    [BindProperty] public EditPatientLetter.Command Edit { get; set; } = new();
    [BindProperty] public MarkPatientLetterSent.Command Send { get; set; } = new();

    public DecisionView Decision { get; private set; } = null!;
    public GetCase.PatientSummary Patient { get; private set; } = null!;
    public IReadOnlyList<ListPatientLetters.Row> Letters { get; private set; } = [];
    /// <summary>This decision version's letter, when drafted.</summary>
    public PatientLetterView? Letter { get; private set; }
    public bool MayWrite { get; private set; }
    public DateOnly Today => clock.Today;

    public string ModelPrefix => prefix;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Letter is { } l)
        {
            Edit = new EditPatientLetter.Command { ExpectedVersion = l.Version, Why = l.Why };
            Send = new MarkPatientLetterSent.Command { ExpectedVersion = l.Version, SentOn = clock.Today };
        }
    }

    public async Task<IActionResult> OnPostGenerateAsync(CancellationToken ct)
    {
        prefix = "";
        var saved = await sender.Send(new GeneratePatientLetter.Command { DecisionId = Id }, ct);
        TempData["Flash"] = T["Letter version {0} is drafted in {1}.", saved.View.CurrentVersionNumber, DisplayWords.Local(saved.View.Language)].Value;
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostEditAsync(Guid letterId, CancellationToken ct)
    {
        prefix = nameof(Edit);
        if (!ModelState.IsValid) { await LoadAsync(ct); return Page(); }
        var saved = await sender.Send(Edit with { DecisionId = Id, LetterId = letterId }, ct);
        TempData["Flash"] = T["\"Why\" is saved as letter version {0}.", saved.View.CurrentVersionNumber].Value;
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostSendAsync(Guid letterId, CancellationToken ct)
    {
        prefix = nameof(Send);
        if (!ModelState.IsValid) { await LoadAsync(ct); return Page(); }
        var saved = await sender.Send(Send with { DecisionId = Id, LetterId = letterId }, ct);
        TempData["Flash"] = T["Letter version {0} is recorded as {1}.", saved.View.Sent!.VersionNumber, DisplayWords.LocalInSentence(saved.View.Sent.Method)].Value;
        return RedirectToPage(new { id = Id });
    }

    public Task OnFormRejectedAsync(CancellationToken ct) => LoadAsync(ct);

    async Task LoadAsync(CancellationToken ct)
    {
        Decision = await sender.Send(new GetDecision.Query(Id), ct);
        Patient = (await sender.Send(new GetCase.Query(Decision.CaseId), ct)).Patient;
        Letters = await sender.Send(new ListPatientLetters.Query(Id), ct);
        var mine = Letters.FirstOrDefault(l => l.DecisionId == Id);
        Letter = mine is null ? null : await sender.Send(new GetPatientLetter.Query(Id, mine.Id, ShowVersion), ct);
        var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        MayWrite = User.IsInRole(TumorBoard.Domain.Security.Roles.Coordinator)
            || (Decision.Content.ResponsibleClinicianId is { } rc && rc.ToString() == userId);
    }
}
