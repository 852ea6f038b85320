using Microsoft.AspNetCore.Diagnostics;

namespace TumorBoard.Web.Errors;

/// <summary>
/// In Development ASP.NET Core puts its developer exception page around the whole pipeline. It catches what escapes
/// the exception handler (for instance an error page that fails in turn) and would print the request's headers, the
/// bearer token and the cookies, as HTML or as problem+json. This filter answers in its place in every environment:
/// problem+json on /api, a plain page elsewhere, with the trace id and nothing from the request or the exception.
/// </summary>
public sealed class NoEchoDeveloperPageFilter(IProblemDetailsService problemDetails) : IDeveloperPageExceptionFilter
{
    public async Task HandleExceptionAsync(ErrorContext errorContext, Func<ErrorContext, Task> next)
    {
        var http = errorContext.HttpContext;
        if (http.Response.HasStarted) return;
        var outage = DatabaseOutage.Is(errorContext.Exception);
        http.Response.Clear();
        if (outage) DatabaseOutage.SetRetryAfter(http.Response);

        if (ApiExceptionHandler.IsApi(http))
        {
            var problem = outage ? ApiExceptionHandler.Unavailable() : ApiExceptionHandler.Unexpected();
            http.Response.StatusCode = problem.Status!.Value;
            if (await problemDetails.TryWriteAsync(new() { HttpContext = http, ProblemDetails = problem })) return;
        }

        http.Response.StatusCode = outage ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(
            (outage ? DatabaseOutage.Title + ". " + DatabaseOutage.Detail : "Something went wrong. The error has been logged.")
            + $"\nReference: {System.Diagnostics.Activity.Current?.Id ?? http.TraceIdentifier}\n");
    }
}
