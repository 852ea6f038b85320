using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace TumorBoard.Web.OpenApi;

/// <summary>
/// The problem responses an API operation can return (issue #12 item 3), declared on every endpoint of the group by one
/// rule over what the endpoint declares, so a new endpoint is documented without a line here:
/// <list type="bullet">
/// <item>400 (the validation problem: <c>errors</c> by camelCase field path) and 503 (database unavailable): every operation;</item>
/// <item>401 and 403: every operation that is not anonymous (no token; a role that may not);</item>
/// <item>404: an operation whose route names a record (<c>{caseId}</c>);</item>
/// <item>409 and 422: a signed-in POST, PUT, PATCH or DELETE (a conflict with the record's state, an
/// <c>Idempotency-Key</c> in flight or reused with another body);</item>
/// <item>412 and 428: an operation that takes the record's version (<see cref="Api.IfMatch"/> parameter); 412 alone where
/// the endpoint marks the version <see cref="Api.IfMatch.NotRequired"/> (the account PUT);</item>
/// <item>415: an operation with a JSON body (a body that is not UTF-8 JSON).</item>
/// </list>
/// Statuses an endpoint declares itself (the token endpoint's 401 and 429) are kept. <c>DocumentedStatusTests</c> compares
/// the result with every status the tests observe.
/// </summary>
public static class ProblemResponses
{
    public const string ProblemJson = "application/problem+json";

    public static TBuilder WithProblemResponses<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(Declare);
        return builder;
    }

    /// <summary>The problem statuses of an endpoint by the rules above (also read by the tests).</summary>
    public static IReadOnlyList<int> For(EndpointBuilder endpoint) => For(endpoint.Metadata, (endpoint as RouteEndpointBuilder)?.RoutePattern);

    public static IReadOnlyList<int> For(IEnumerable<object> metadata, Microsoft.AspNetCore.Routing.Patterns.RoutePattern? route)
    {
        var list = metadata.ToList();
        var methods = list.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var anonymous = list.OfType<IAllowAnonymous>().Any();
        var writes = methods.Overlaps(["POST", "PUT", "PATCH", "DELETE"]);
        List<int> statuses = [StatusCodes.Status400BadRequest];
        if (!anonymous) statuses.AddRange([StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden]);
        if (route?.Parameters.Count > 0) statuses.Add(StatusCodes.Status404NotFound);
        if (writes && !anonymous) statuses.AddRange([StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity]);
        if (list.OfType<Api.IfMatch.Metadata>().Any())
        {
            statuses.Add(StatusCodes.Status412PreconditionFailed);
            if (!list.OfType<Api.IfMatch.NotRequired>().Any()) statuses.Add(StatusCodes.Status428PreconditionRequired);
        }
        if (list.OfType<IAcceptsMetadata>().Any()) statuses.Add(StatusCodes.Status415UnsupportedMediaType);
        statuses.Add(StatusCodes.Status503ServiceUnavailable);
        return statuses;
    }

    static void Declare(EndpointBuilder endpoint)
    {
        var declared = endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Select(m => m.StatusCode).ToHashSet();
        foreach (var status in For(endpoint))
            if (declared.Add(status))
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status,
                    status == StatusCodes.Status400BadRequest ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails), [ProblemJson]));
    }
}
