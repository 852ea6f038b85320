using System.Text;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Features.Fhir;

namespace TumorBoard.Web.Api;

/// <summary>
/// FHIR R4 (issue #13, part 1): a signed decision version as a document Bundle, and the definitions our exports name by
/// canonical URL (the CodeSystem and the extensions), published without sign-in at {Fhir:CanonicalBase}.
/// </summary>
public static class FhirEndpoints
{
    public static RouteGroupBuilder MapFhirEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/decisions/{decisionId:guid}/fhir", Decision).WithTags("FHIR").WithName("ExportDecisionFhir")
            .Produces(StatusCodes.Status200OK, typeof(object), FhirJson.MediaType)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    /// <summary>
    /// GET /api/v1/fhir/CodeSystem/tumorboard and /api/v1/fhir/StructureDefinition/{name}: no patient data, readable by any
    /// receiver without sign-in; under /api so that every refusal is problem+json like the rest of the API.
    /// </summary>
    public static void MapFhirDefinitions(this RouteGroupBuilder api)
    {
        var fhir = api.MapGroup("/fhir").WithTags("FHIR").AllowAnonymous();
        fhir.MapGet($"/CodeSystem/{FhirVocabulary.CodeSystemId}", CodeSystem).WithName("GetFhirCodeSystem")
            .Produces(StatusCodes.Status200OK, typeof(object), FhirJson.MediaType);
        fhir.MapGet("/StructureDefinition/{name}", Extension).WithName("GetFhirStructureDefinition")
            .Produces(StatusCodes.Status200OK, typeof(object), FhirJson.MediaType);
    }

    static async Task<ContentHttpResult> Decision(Guid decisionId, HttpResponse response, ISender sender, CancellationToken ct) =>
        Send(response, await sender.Send(new ExportDecisionFhir.Query(decisionId), ct));

    /// <summary>A FHIR export as application/fhir+json, offered as a file, never cached (it carries patient data).</summary>
    public static ContentHttpResult Send(HttpResponse response, FhirExport export)
    {
        response.Headers.ContentDisposition = $"attachment; filename=\"{export.FileName}\"";
        response.Headers.CacheControl = "no-store";
        return TypedResults.Text(export.Json, FhirJson.MediaType, Encoding.UTF8);
    }

    static ContentHttpResult CodeSystem(IOptions<FhirOptions> options) =>
        TypedResults.Text(FhirJson.Serialize(FhirDefinitions.CodeSystem(options.Value)), FhirJson.MediaType, Encoding.UTF8);

    static Results<ContentHttpResult, ProblemHttpResult> Extension(string name, IOptions<FhirOptions> options) =>
        FhirDefinitions.Extension(options.Value, name) is { } definition
            ? TypedResults.Text(FhirJson.Serialize(definition), FhirJson.MediaType, Encoding.UTF8)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: $"No StructureDefinition '{name}' here; the extensions are {string.Join(", ", FhirDefinitions.ExtensionNames)}.");
}
