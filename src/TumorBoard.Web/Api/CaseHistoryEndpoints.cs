using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.CaseHistory;
using TumorBoard.Application.Features.Fhir;
using TumorBoard.Domain.Security;
using static TumorBoard.Web.Shared.CaseHistoryExport;

namespace TumorBoard.Web.Api;

/// <summary>A case's decision history (issue #6; DH-2, DH-8): the timeline, its JSON export and the comparison of two decision versions.</summary>
public static class CaseHistoryEndpoints
{
    public static RouteGroupBuilder MapCaseHistoryEndpoints(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases/{caseId:guid}/history").WithTags("Decision history");
        cases.MapGet("/", Timeline).WithName("GetCaseHistory");
        cases.MapGet("/export", Export).WithName("ExportCaseHistory").Produces<ExportCaseHistory.Document>();
        api.MapGet("/decisions/{decisionId:guid}/compare/{otherId:guid}", Compare).WithTags("Decision history").WithName("CompareDecisionVersions")
            .ProducesProblem(StatusCodes.Status409Conflict);   // two versions that are not of one case's decision
        return cases;
    }

    /// <summary>?kinds=A&amp;kinds=B or ?kinds=A,B; ?discipline=Neurosurgery (or neurosurgery, radiation-oncology); ?from=&amp;to= as UTC dates.</summary>
    static async Task<Ok<IReadOnlyList<HistoryEvent>>> Timeline(Guid caseId, string[]? kinds, string? discipline, DateOnly? from, DateOnly? to,
        ISender sender, CancellationToken ct)
    {
        var query = new GetCaseHistory.Query(caseId) { Kinds = Kinds(kinds), Discipline = DisciplineOf(discipline), From = from, To = to };
        return TypedResults.Ok((await sender.Send(query, ct)).Events);
    }

    /// <summary>
    /// The whole history as one indented JSON document, offered as a download (case-&lt;id&gt;-history.json); ?format=fhir
    /// gives it as a FHIR R4 collection Bundle (application/fhir+json) instead.
    /// </summary>
    static async Task<Results<JsonHttpResult<ExportCaseHistory.Document>, ContentHttpResult>> Export(Guid caseId, string? format,
        HttpResponse response, IOptions<JsonOptions> json, ISender sender, CancellationToken ct)
    {
        if (IsFhir(format)) return FhirEndpoints.Send(response, await sender.Send(new ExportCaseHistoryFhir.Query(caseId), ct));
        var document = await sender.Send(new ExportCaseHistory.Query(caseId), ct);
        response.Headers.ContentDisposition = $"attachment; filename=\"{ExportFileName(caseId)}\"";
        response.Headers.CacheControl = "no-store";
        return TypedResults.Json(document, ExportJson(json.Value));
    }

    static async Task<Ok<CompareDecisionVersions.Result>> Compare(Guid decisionId, Guid otherId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new CompareDecisionVersions.Query(decisionId, otherId), ct));

    public static IReadOnlyList<HistoryEventKind> Kinds(IEnumerable<string>? values)
    {
        List<HistoryEventKind> kinds = [];
        foreach (var value in (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!Enum.TryParse<HistoryEventKind>(value, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
                throw Invalid("kinds", $"'{value}' is not a history event kind ({string.Join(", ", Enum.GetNames<HistoryEventKind>())}).");
            kinds.Add(kind);
        }
        return kinds;
    }

    public static Discipline? DisciplineOf(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return Enum.TryParse<Discipline>(value.Replace("-", ""), ignoreCase: true, out var d) && Enum.IsDefined(d)
            ? d
            : throw Invalid("discipline", $"'{value}' is not a discipline ({string.Join(", ", Enum.GetNames<Discipline>())}).");
    }

    static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
