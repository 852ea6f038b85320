using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using TumorBoard.Application.Features.Analytics;

namespace TumorBoard.Web.Api;

/// <summary>
/// The board's quality measures (pathways.md §2): one call answers every measure for the filters (they share the filtered
/// sets, and a report shows them together), and the CSV export behind them.
/// </summary>
public static class AnalyticsEndpoints
{
    public static RouteGroupBuilder MapAnalyticsEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/analytics").WithTags("Analytics");
        g.MapGet("/metrics", Metrics).WithName("GetQualityMetrics");
        g.MapGet("/export.csv", Export).WithName("ExportAnalytics").Produces<string>(StatusCodes.Status200OK, "text/csv");
        return g;
    }

    static async Task<Ok<GetQualityMetrics.Result>> Metrics([AsParameters] GetQualityMetrics.Query query, ISender s, CancellationToken ct) =>
        TypedResults.Ok(await s.Send(query, ct));

    static async Task<IResult> Export([AsParameters] ExportAnalytics.Query query, ISender s, CancellationToken ct)
    {
        var export = await s.Send(query, ct);
        return TypedResults.Stream(stream => export.WriteAsync(stream, ct), Csv.ContentType, export.FileName);
    }
}
