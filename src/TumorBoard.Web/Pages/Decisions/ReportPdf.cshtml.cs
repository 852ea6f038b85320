using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Web.Reports;
using TumorBoard.Web.Shared;
using Microsoft.Extensions.Localization;
using TumorBoard.Web.Texts;

namespace TumorBoard.Web.Pages.Decisions;

/// <summary>
/// GET /Decisions/{id}/Report.pdf: the printable report (<see cref="ReportModel"/>) as a PDF for the referring physician
/// (issue #13, part 2), read through the same queries (same roles, same read log) and rendered on the server.
/// </summary>
public sealed class ReportPdfModel(ISender sender, BoardClock clock, ReportLetterhead letterhead, DecisionReportPdf pdf, ICurrentUser user, IStringLocalizer<Ui> texts) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var report = await DecisionReport.ReadAsync(sender, clock, letterhead, id, ct, texts);   // the PDF in the request's language, as the print page
        Response.Headers.CacheControl = "no-store";
        return File(pdf.Render(report, user.DisplayName), DecisionReportPdf.MediaType,
            DecisionReportPdf.FileName(report));
    }
}
