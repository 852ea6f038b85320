using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using TumorBoard.Application.Features.PatientLetters;
using TumorBoard.Domain.PatientLetters;

namespace TumorBoard.Web.Api;

/// <summary>The letter to the patient about a signed decision version (pathways.md §4): draft, list, read, edit "why", mark sent.</summary>
public static class PatientLettersEndpoints
{
    public sealed record WhyBody(string? Why);
    public sealed record SentBody(LetterSendMethod? Method, DateOnly? SentOn);

    public static RouteGroupBuilder MapPatientLettersEndpoints(this RouteGroupBuilder api)
    {
        var letters = api.MapGroup("/decisions/{decisionId:guid}/patient-letters").WithTags("Patient letters");
        letters.MapPost("/", Generate).WithName("GeneratePatientLetter");
        letters.MapGet("/", List).WithName("ListPatientLetters");
        letters.MapGet("/{letterId:guid}", Get).WithName("GetPatientLetter");
        letters.MapPut("/{letterId:guid}/why", EditWhy).WithName("EditPatientLetter");
        letters.MapPost("/{letterId:guid}/sent", MarkSent).WithName("MarkPatientLetterSent");
        return letters;
    }

    static async Task<Created<PatientLetterView>> Generate(Guid decisionId, HttpResponse response, ISender sender, CancellationToken ct)
    {
        var saved = await sender.Send(new GeneratePatientLetter.Command { DecisionId = decisionId }, ct);
        return TypedResults.Created($"/api/v1/decisions/{decisionId}/patient-letters/{saved.Id}", Saved(saved, response));
    }

    static async Task<Ok<IReadOnlyList<ListPatientLetters.Row>>> List(Guid decisionId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListPatientLetters.Query(decisionId), ct));

    static async Task<Ok<PatientLetterView>> Get(Guid decisionId, Guid letterId, int? version, HttpResponse response, ISender sender, CancellationToken ct)
    {
        var view = await sender.Send(new GetPatientLetter.Query(decisionId, letterId, version), ct);
        ETags.Set(response, view.Version);
        return TypedResults.Ok(view);
    }

    static async Task<Ok<PatientLetterView>> EditWhy(Guid decisionId, Guid letterId, WhyBody body, IfMatch ifMatch, HttpResponse response,
        ISender sender, CancellationToken ct) =>
        TypedResults.Ok(Saved(await sender.Send(new EditPatientLetter.Command
        {
            DecisionId = decisionId, LetterId = letterId, Why = body.Why ?? "", ExpectedVersion = ifMatch.Version,
        }, ct), response));

    static async Task<Ok<PatientLetterView>> MarkSent(Guid decisionId, Guid letterId, SentBody body, IfMatch ifMatch, HttpResponse response,
        ISender sender, CancellationToken ct) =>
        TypedResults.Ok(Saved(await sender.Send(new MarkPatientLetterSent.Command
        {
            DecisionId = decisionId, LetterId = letterId, Method = body.Method, SentOn = body.SentOn, ExpectedVersion = ifMatch.Version,
        }, ct), response));

    static PatientLetterView Saved(LetterSaved saved, HttpResponse response)
    {
        ETags.Set(response, saved.Version);
        return saved.View;
    }
}
