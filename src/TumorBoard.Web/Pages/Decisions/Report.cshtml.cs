using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Common.Models;
using TumorBoard.Web.Reports;
using TumorBoard.Web.Shared;

namespace TumorBoard.Web.Pages.Decisions;

/// <summary>
/// The printable decision report of one decision version (DH-3), the letter that goes to the referring physician: the
/// institution's letterhead (<c>Board:Report:*</c>), the patient, the question, the clinical summary, the specialists'
/// scores with their categories, the meeting (in the board's time zone) and who attended, the decision in full, waivers,
/// every member's position with dissent, the signature manifestation (printed name, time, meaning, SHA-256 and whether
/// the stored content still matches it), the amendment and supersession notes, and the follow-up so far with the day
/// each step was done. What it says is <see cref="DecisionReport"/>, shared with the PDF (<see cref="ReportPdfModel"/>);
/// print CSS in site.css.
/// </summary>
public sealed class ReportModel(ISender sender, BoardClock clock, ReportLetterhead letterhead) : PageModel
{
    public DecisionReport Report { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) =>
        Report = await DecisionReport.ReadAsync(sender, clock, letterhead, id, ct);
}
