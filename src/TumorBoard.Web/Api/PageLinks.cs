using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using TumorBoard.Application.Common.Models;

namespace TumorBoard.Web.Api;

/// <summary>
/// RFC 8288 <c>Link</c> header on every page of a list (every endpoint answering a <see cref="Paged{T}"/>, whichever it
/// is): <c>rel="next"</c> and <c>rel="prev"</c> are the request's own path and filters with <c>cursor</c> set to the
/// page's <c>next</c> / <c>previous</c> cursor (and <c>page</c> dropped: a cursor replaces it), root-relative.
/// </summary>
public sealed class PageLinks : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var page = result switch
        {
            IValueHttpResult { Value: ICursorPage p } => p,
            ICursorPage p => p,
            _ => null,
        };
        if (page is not null)
        {
            var request = context.HttpContext.Request;
            var links = new List<string>(2);
            if (page.Next is { } nextCursor) links.Add(Link(request, nextCursor, "next"));
            if (page.Previous is { } previousCursor) links.Add(Link(request, previousCursor, "prev"));
            if (links.Count > 0) context.HttpContext.Response.Headers.Append(HeaderNames.Link, string.Join(", ", links));
        }
        return result;
    }

    /// <summary>The link to the page at <paramref name="cursor"/>: this request with its filters, page size and that cursor.</summary>
    public static string Href(HttpRequest request, string cursor)
    {
        var query = new QueryBuilder();
        foreach (var (key, values) in QueryHelpers.ParseQuery(request.QueryString.Value))
        {
            if (key.Equals("cursor", StringComparison.OrdinalIgnoreCase) || key.Equals("page", StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var value in values) query.Add(key, value ?? "");
        }
        query.Add("cursor", cursor);
        return $"{request.PathBase}{request.Path}{query.ToQueryString()}";
    }

    static string Link(HttpRequest request, string cursor, string rel) => $"<{Href(request, cursor)}>; rel=\"{rel}\"";
}
