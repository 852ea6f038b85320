using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace TumorBoard.Web.Errors;

/// <summary>
/// The problem-details writer of last resort for /api: ASP.NET's default writer declines when the client's Accept
/// header names no JSON type (Accept: text/html), and the error would then be plain text or the HTML error page. An API
/// error is problem+json whatever the client asked for, with the same title and trace id the default writer gives.
/// Registered after AddProblemDetails, so the default writer keeps answering whenever it can.
/// </summary>
public sealed class ApiProblemDetailsWriter(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => ApiExceptionHandler.IsApi(context.HttpContext);

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= http.Response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        using (ProblemTexts.InRequestCulture(http)) ProblemTexts.Localize(problem);
        problem.Extensions.TryAdd("traceId", System.Diagnostics.Activity.Current?.Id ?? http.TraceIdentifier);
        return new ValueTask(http.Response.WriteAsJsonAsync(problem, problem.GetType(), json.Value.SerializerOptions,
            "application/problem+json", http.RequestAborted));
    }
}
