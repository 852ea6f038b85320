using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Web.Reports;
using TumorBoard.Web.Shared;

namespace TumorBoard.Web.Api;

/// <summary>
/// GET /api/v1/decisions/{decisionId}/report.pdf (issue #13, part 2): the printable decision report as a PDF for the
/// referring physician, the same file as the page route /Decisions/{id}/Report.pdf; one decision version by its id, read
/// through the same queries as the report page (same roles, same read log).
/// </summary>
public static class ReportEndpoints
{
    public static void MapReportEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/decisions/{decisionId:guid}/report.pdf", Pdf).WithTags("Decisions").WithName("GetDecisionReportPdf")
            .Produces<string>(StatusCodes.Status200OK, DecisionReportPdf.MediaType);   // the file itself (not JSON): a string schema, as the calendar files

    static async Task<FileContentHttpResult> Pdf(Guid decisionId, HttpResponse response, ISender sender, BoardClock clock,
        ReportLetterhead letterhead, DecisionReportPdf pdf, ICurrentUser user, CancellationToken ct)
    {
        var report = await DecisionReport.ReadAsync(sender, clock, letterhead, decisionId, ct);
        response.Headers.CacheControl = "no-store";   // it carries patient data
        return TypedResults.File(pdf.Render(report, user.DisplayName), DecisionReportPdf.MediaType, DecisionReportPdf.FileName(report));
    }
}
