using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Features.PatientLetters;
using TumorBoard.Domain.PatientLetters;

namespace TumorBoard.Web.Pages.Decisions;

/// <summary>
/// The letter to print and give or post to the patient: only the letter (print CSS in site.css), the version asked for or
/// the current one. Today's output; the PDF renderer can take the same <see cref="PatientLetterDocument"/> later.
/// </summary>
public sealed class LetterPrintModel(ISender sender) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [FromQuery(Name = "version")] public int? ShowVersion { get; set; }
    public PatientLetterView Letter { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var row = (await sender.Send(new ListPatientLetters.Query(Id), ct)).FirstOrDefault(l => l.DecisionId == Id);
        if (row is null) return NotFound();
        Letter = await sender.Send(new GetPatientLetter.Query(Id, row.Id, ShowVersion), ct);
        return Page();
    }
}
