using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using TumorBoard.Application.Common.Models;

namespace TumorBoard.Web.Api;

/// <summary>
/// The version a change is based on, from the request's <c>If-Match</c> (<see cref="ETags.FromIfMatch"/>). An endpoint
/// takes it as a parameter; the parameter also marks the endpoint, so the OpenAPI document lists the <c>If-Match</c>
/// header and the 412/428 answers for exactly the endpoints that read it.
/// </summary>
public sealed record IfMatch(VersionMatch? Version) : IBindableFromHttpContext<IfMatch>, IEndpointParameterMetadataProvider
{
    public sealed class Metadata
    {
        public static readonly Metadata Instance = new();
    }

    /// <summary>
    /// On an endpoint whose command checks the version when sent but does not require it (the account PUT: accounts had no
    /// version when their clients were written), so the document lists 412 but not 428.
    /// </summary>
    public sealed class NotRequired
    {
        public static readonly NotRequired Instance = new();
    }

    public static ValueTask<IfMatch?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult<IfMatch?>(new IfMatch(ETags.FromIfMatch(context.Request)));

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) => builder.Metadata.Add(Metadata.Instance);
}
