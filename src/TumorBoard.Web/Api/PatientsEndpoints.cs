using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using TumorBoard.Application.Common.Models;
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
}
