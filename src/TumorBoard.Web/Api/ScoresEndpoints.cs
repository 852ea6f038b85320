using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using TumorBoard.Application.Features.Scores;
using TumorBoard.Domain.Scores;

namespace TumorBoard.Web.Api;

/// <summary>Stateless calculators (scores.md §1-6): POST the inputs, get the result; nothing is stored.</summary>
public static class ScoresEndpoints
{
    public static RouteGroupBuilder MapScoresEndpoints(this RouteGroupBuilder api)
    {
        var scores = api.MapGroup("/scores").WithTags("Scores");
        scores.MapPost("/sins", Sins).WithName("ComputeSins");
        scores.MapPost("/escc", Escc).WithName("EvaluateEscc");
        scores.MapPost("/tokuhashi", Tokuhashi).WithName("ComputeTokuhashi");
        scores.MapPost("/tomita", Tomita).WithName("ComputeTomita");
        scores.MapPost("/noms", Noms).WithName("SuggestNoms");
        scores.MapPost("/performance-status", PerformanceStatus).WithName("ConvertPerformanceStatus");
        return scores;
    }

    static async Task<Ok<SinsResult>> Sins(ComputeSins.Query query, ISender sender, CancellationToken ct)
        => TypedResults.Ok(await sender.Send(query, ct));

    static async Task<Ok<EsccResult>> Escc(EvaluateEscc.Query query, ISender sender, CancellationToken ct)
        => TypedResults.Ok(await sender.Send(query, ct));

    static async Task<Ok<TokuhashiResult>> Tokuhashi(ComputeTokuhashi.Query query, ISender sender, CancellationToken ct)
        => TypedResults.Ok(await sender.Send(query, ct));

    static async Task<Ok<TomitaResult>> Tomita(ComputeTomita.Query query, ISender sender, CancellationToken ct)
        => TypedResults.Ok(await sender.Send(query, ct));

    static async Task<Ok<NomsResult>> Noms(SuggestNoms.Query query, ISender sender, CancellationToken ct)
        => TypedResults.Ok(await sender.Send(query, ct));

    static async Task<Ok<ConvertPerformanceStatus.Result>> PerformanceStatus(
        ConvertPerformanceStatus.Query query, ISender sender, CancellationToken ct)
        => TypedResults.Ok(await sender.Send(query, ct));
}
