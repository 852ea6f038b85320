using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Cases;

namespace TumorBoard.Web.Api;

public static class CasesEndpoints
{
    public sealed record WithdrawBody(string? Reason);

    public static RouteGroupBuilder MapCasesEndpoints(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Cases");
        cases.MapGet("/", List).WithName("ListCases");
        cases.MapGet("/{caseId:guid}", Get).WithName("GetCase");
        cases.MapPost("/", Register).WithName("RegisterCase");
        cases.MapPut("/{caseId:guid}", Update).WithName("UpdateCase");
        cases.MapPost("/{caseId:guid}/ready", MarkReady).WithName("MarkCaseReady");
        cases.MapPost("/{caseId:guid}/withdraw", Withdraw).WithName("WithdrawCase");
        return cases;
    }

    static async Task<Ok<Paged<ListCases.Row>>> List([AsParameters] ListCases.Query query, ISender sender, CancellationToken ct)
        => TypedResults.Ok(await sender.Send(query, ct));

    static async Task<Ok<GetCase.Result>> Get(Guid caseId, HttpResponse response, ISender sender, CancellationToken ct)
        => Respond(response, await sender.Send(new GetCase.Query(caseId), ct));

    /// <summary>Every write answers with what its command saved, never with a second read after the commit.</summary>
    static async Task<Created<GetCase.Result>> Register(RegisterCase.Command command, HttpResponse response, ISender sender, CancellationToken ct)
    {
        var result = await sender.Send(command, ct);
        ETags.Set(response, result.Version);
        // The patient's other open cases: in the body (otherOpenCases) and as links, a warning that this may be a duplicate.
        if (result.OtherOpenCases is { Count: > 0 } open)
            response.Headers.Link = string.Join(", ", open.Select(o => $"</api/v1/cases/{o.Id}>; rel=\"related\"; title=\"open case of this patient\""));
        return TypedResults.Created($"/api/v1/cases/{result.Id}", result);
    }

    /// <summary>Takes the representation GET answers (details nested) or the older flat body: see <see cref="CaseBody"/>.</summary>
    static async Task<Ok<GetCase.Result>> Update(Guid caseId, CaseBody body, IfMatch ifMatch,
        HttpResponse response, ISender sender, CancellationToken ct)
    {
        var command = body.ToCommand() with { CaseId = caseId, ExpectedVersion = ifMatch.Version };
        try
        {
            return Respond(response, await sender.Send(command, ct));
        }
        catch (FluentValidation.ValidationException failure) when (body.Details is not null)
        {
            throw body.Nested(failure);
        }
    }

    static async Task<Ok<GetCase.Result>> MarkReady(Guid caseId, IfMatch ifMatch, HttpResponse response, ISender sender, CancellationToken ct) =>
        Respond(response, await sender.Send(new MarkCaseReady.Command(caseId) { ExpectedVersion = ifMatch.Version }, ct));

    static async Task<Ok<GetCase.Result>> Withdraw(Guid caseId, WithdrawBody body, IfMatch ifMatch, HttpResponse response,
        ISender sender, CancellationToken ct) =>
        Respond(response, await sender.Send(new WithdrawCase.Command
        {
            CaseId = caseId, Reason = body.Reason ?? "", ExpectedVersion = ifMatch.Version,
        }, ct));

    static Ok<GetCase.Result> Respond(HttpResponse response, GetCase.Result result)
    {
        ETags.Set(response, result.Version);
        return TypedResults.Ok(result);
    }
}
