using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using TumorBoard.Application.Common.Models;
using Microsoft.Net.Http.Headers;
using TumorBoard.Application.Features.Fhir;
using TumorBoard.Application.Features.Patients;

namespace TumorBoard.Web.Api;

public static class PatientsEndpoints
{
    public static RouteGroupBuilder MapPatientsEndpoints(this RouteGroupBuilder api)
    {
        var patients = api.MapGroup("/patients").WithTags("Patients");
        patients.MapGet("/", Find).WithName("FindPatients");
        patients.MapGet("/{patientId:guid}", Get).WithName("GetPatient");
        patients.MapPost("/", Register).WithName("RegisterPatient");
        patients.MapPut("/{patientId:guid}", Update).WithName("UpdatePatient");
        patients.MapPost("/$import", Import).WithName("ImportPatient")
            .Accepts<FhirRecord>(FhirJson.MediaType);
        return patients;
    }

    static async Task<Ok<Paged<FindPatients.Row>>> Find([AsParameters] FindPatients.Query query, ISender sender, CancellationToken ct)
        => TypedResults.Ok(await sender.Send(query, ct));

    static async Task<Ok<GetPatient.Result>> Get(Guid patientId, HttpResponse response, ISender sender, CancellationToken ct)
    {
        var patient = await sender.Send(new GetPatient.Query(patientId), ct);
        ETags.Set(response, patient.Version);
        return TypedResults.Ok(patient);
    }

    /// <summary>Answers with what the command saved (no second read after the commit that could fail and hide the save).</summary>
    static async Task<Created<GetPatient.Result>> Register(RegisterPatient.Command command, HttpResponse response, ISender sender, CancellationToken ct)
    {
        var patient = await sender.Send(command, ct);
        ETags.Set(response, patient.Version);
        return TypedResults.Created($"/api/v1/patients/{patient.Id}", patient);
    }

    static async Task<Ok<GetPatient.Result>> Update(Guid patientId, UpdatePatient.Command command, IfMatch ifMatch,
        HttpResponse response, ISender sender, CancellationToken ct)
    {
        var patient = await sender.Send(command with { PatientId = patientId, ExpectedVersion = ifMatch.Version }, ct);
        ETags.Set(response, patient.Version);
        return TypedResults.Ok(patient);
    }

    /// <summary>
    /// A FHIR R4 Patient or Bundle as application/fhir+json: 201 with a new patient, 200 with the registered patient its MRN
    /// matches (nothing written). The body is read as text and handed to the command whole: the Firely SDK parses it there.
    /// </summary>
    static async Task<Results<Created<ImportPatient.Result>, Ok<ImportPatient.Result>, ProblemHttpResult>> Import(HttpRequest request,
        HttpResponse response, ISender sender, CancellationToken ct)
    {
        // FHIR JSON is UTF-8 (the R4 JSON format page): a charset parameter naming anything else is refused, not misread.
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals(FhirJson.MediaType, StringComparison.OrdinalIgnoreCase)
            || (type.Charset.HasValue && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported Media Type",
                detail: $"Send the FHIR R4 Patient or Bundle as {FhirJson.MediaType} (JSON in UTF-8).");
        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
        var json = await reader.ReadToEndAsync(ct);
        var result = await sender.Send(new ImportPatient.Command { Resource = json }, ct);
        ETags.Set(response, result.Patient.Version);
        return result.Created
            ? TypedResults.Created($"/api/v1/patients/{result.Patient.Id}", result)
            : TypedResults.Ok(result);
    }

    /// <summary>The request body of the import as the OpenAPI document shows it: a FHIR resource (Patient or Bundle).</summary>
    public sealed record FhirRecord(string ResourceType);
}
