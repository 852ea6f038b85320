using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using TumorBoard.Web.Errors;

namespace TumorBoard.Web.Http;

/// <summary>
/// An API body is JSON in UTF-8 (RFC 8259 §8.1). ASP.NET Core's JSON reader throws (a 500) on a charset it does not
/// know, and even on a quoted "utf-8", which HTTP allows: here any other charset is a 415 problem, and a quoted utf-8
/// (or "utf8") is rewritten as utf-8 before the body is read.
/// </summary>
public sealed class JsonCharsetCheck(RequestDelegate next, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (ApiExceptionHandler.IsApi(context) && MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
            && type.Charset.HasValue)
        {
            var charset = HeaderUtilities.RemoveQuotes(type.Charset);
            if (!charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                await problems.WriteAsync(new()
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status415UnsupportedMediaType, Title = "Unsupported Media Type",
                        Detail = "Send the request body as JSON encoded in UTF-8 (Content-Type: application/json).",
                    },
                });
                return;
            }
            if (!type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            {
                type.Charset = "utf-8";
                context.Request.ContentType = type.ToString();
            }
        }
        await next(context);
    }
}
