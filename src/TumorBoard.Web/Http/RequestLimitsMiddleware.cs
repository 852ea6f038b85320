using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using TumorBoard.Web.Errors;

namespace TumorBoard.Web.Http;

/// <summary>
/// The request-size limits, enforced by the app so that a refusal has a body: a request target (path and query) over
/// <see cref="MaxTargetLength"/> answers 414 and request headers over <see cref="MaxHeadersTotalSize"/> in total answer
/// 431, as problem+json on /api and the error page elsewhere. Kestrel's own limits are set at twice these
/// (<see cref="ConfigureKestrel"/>): beyond them, and for requests Kestrel cannot parse (a %00 in the path, a malformed
/// request line or header), Kestrel refuses before any middleware runs, with the status and an empty body; ASP.NET Core
/// has no hook for that response (README, "Request limits").
/// </summary>
public sealed class RequestLimitsMiddleware(RequestDelegate next, IProblemDetailsService problems)
{
    /// <summary>Kestrel's default request-line limit: what clients could send before.</summary>
    public const int MaxTargetLength = 8 * 1024;

    /// <summary>Kestrel's default limit on all request headers together.</summary>
    public const int MaxHeadersTotalSize = 32 * 1024;

    public static void ConfigureKestrel(KestrelServerOptions kestrel)
    {
        kestrel.Limits.MaxRequestLineSize = 2 * MaxTargetLength;
        kestrel.Limits.MaxRequestHeadersTotalSize = 2 * MaxHeadersTotalSize;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        // The error page re-executed for a refusal carries the same headers: let it render.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null) { await next(context); return; }

        var refusal = TargetLength(context) > MaxTargetLength ? StatusCodes.Status414UriTooLong
            : HeadersSize(context.Request.Headers) > MaxHeadersTotalSize ? StatusCodes.Status431RequestHeaderFieldsTooLarge
            : (int?)null;
        if (refusal is not { } status) { await next(context); return; }

        context.Response.StatusCode = status;
        if (!ApiExceptionHandler.IsApi(context)) return;   // the status-code page renders it
        await problems.WriteAsync(new()
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = status == StatusCodes.Status414UriTooLong ? "The request address is too long" : "The request headers are too large",
                Detail = status == StatusCodes.Status414UriTooLong
                    ? $"The path and query may be at most {MaxTargetLength} characters long."
                    : $"The request headers may be at most {MaxHeadersTotalSize} bytes together.",
            },
        });
    }

    static int TargetLength(HttpContext context) =>
        context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw
            ? raw.Length
            : (context.Request.PathBase.Value?.Length ?? 0) + (context.Request.Path.Value?.Length ?? 0) + (context.Request.QueryString.Value?.Length ?? 0);

    static long HeadersSize(IHeaderDictionary headers)
    {
        long size = 0;
        foreach (var (name, values) in headers)
        {
            size += name.Length;
            foreach (var value in values) size += value?.Length ?? 0;
        }
        return size;
    }
}
