using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace TumorBoard.Web.Errors;

/// <summary>
/// Turns every exception on an /api route into RFC 9457 problem details (with the trace id the problem-details service
/// adds): the pipeline's exceptions as their status, an unreachable database as 503 with Retry-After, anything else as a
/// 500 that names nothing from the request or the exception. API routes never fall through to the HTML error page.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!IsApi(http)) return false;

        using var culture = ProblemTexts.InRequestCulture(http);   // the title in the caller's language
        var problem = ProblemFor(exception, versionPrecondition: http.Request.Headers.IfMatch.Count > 0);
        http.Response.StatusCode = problem.Status!.Value;
        // ASP.NET Core 10 no longer logs an exception an IExceptionHandler has handled: the server errors are logged here
        // (the path only: a query string may name a patient).
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            DatabaseOutage.SetRetryAfter(http.Response);
            log.LogWarning("The database is unavailable: {Method} {Path} answered 503 ({Error}).", http.Request.Method, path,
                exception.GetBaseException().Message);
        }
        else if (problem.Status >= StatusCodes.Status500InternalServerError)
            log.LogError(exception, "Unexpected error: {Method} {Path} answered 500.", http.Request.Method, path);
        return await problemDetails.TryWriteAsync(new() { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>Whether the request was for the API (while an exception is handled, Request.Path is the error page's).</summary>
    public static bool IsApi(HttpContext http) =>
        new PathString(http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path.Value)
            .StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public static ProblemDetails ProblemFor(Exception exception, bool versionPrecondition = false) => exception switch
    {
        ValidationException v => WithFhirIssues(new ValidationProblemDetails(ExceptionMapping.Errors(v))
        {
            Status = StatusCodes.Status400BadRequest, Title = ProblemTexts.Get("Title_Invalid"),
        }, v),
        BadHttpRequestException b => BadRequest(b),
        _ when DatabaseOutage.Is(exception) => Unavailable(),
        _ => ExceptionMapping.Map(exception, versionPrecondition) is { } o
            ? new ProblemDetails { Status = o.Status, Title = o.Title, Detail = o.Detail }
            : Unexpected(),
    };

    /// <summary>
    /// A FHIR record refused (ImportPatient): besides <c>errors.resource</c>, the extension <c>issues</c> lists each issue as
    /// FHIR's OperationOutcome would (<c>severity</c>, <c>location</c> as FHIRPath, <c>message</c>).
    /// </summary>
    static ValidationProblemDetails WithFhirIssues(ValidationProblemDetails problem, ValidationException v)
    {
        var issues = v.Errors.Select(e => e.CustomState).OfType<Application.Features.Fhir.Import.FhirIssue>().ToList();
        if (issues.Count > 0)
            problem.Extensions["issues"] = issues.Select(i => new { severity = i.Severity, location = i.Location, message = i.Message }).ToList();
        return problem;
    }

    public static ProblemDetails Unavailable() => new()
    {
        Status = StatusCodes.Status503ServiceUnavailable, Title = ProblemTexts.Get("Title_Unavailable"), Detail = ProblemTexts.Get("Detail_Unavailable"),
    };

    /// <summary>A bug: the log has the exception under the trace id; the body says nothing about it or the request.</summary>
    public static ProblemDetails Unexpected() => new()
    {
        Status = StatusCodes.Status500InternalServerError, Title = ProblemTexts.Get("Title_Unexpected"), Detail = ProblemTexts.Get("Detail_Unexpected"),
    };

    /// <summary>A body that does not bind (wrong type, unknown enum value, a field given twice): 400 naming the field.</summary>
    static ProblemDetails BadRequest(BadHttpRequestException b)
    {
        if (b is Api.BadHeaderException header)
            return new ValidationProblemDetails(new Dictionary<string, string[]> { [header.Header] = [header.Message] })
            {
                Status = StatusCodes.Status400BadRequest, Title = ProblemTexts.Get("Title_Invalid"),
            };
        // Refusals that are not about a field (body too large, wrong media type, too slow): their own status, no echo.
        if (b.StatusCode != StatusCodes.Status400BadRequest)
            return new ProblemDetails { Status = b.StatusCode, Title = ProblemTexts.Translate(ReasonPhrases.GetReasonPhrase(b.StatusCode)) };
        var json = b.InnerException as JsonException;
        var field = json?.Path is { } path ? FieldOf(path) : "body";
        var message = json is null ? b.Message
            // System.Text.Json has no own exception type for it (AllowDuplicateProperties = false): its message says so.
            : json.Message.StartsWith("Duplicate property", StringComparison.Ordinal) ? ProblemTexts.Format("Field_GivenTwice", field)
            : ProblemTexts.Format("Field_NotValid", field);
        return new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest, Title = ProblemTexts.Get("Title_Invalid"),
        };
    }

    /// <summary>
    /// JsonException.Path ("$.karnofsky", "$.lesions[0].LevelFrom", "$['odd name']") -> the camelCase field name
    /// used in every other error ("karnofsky", "lesions[0].levelFrom"); "$" alone (the whole body) -> "body".
    /// </summary>
    internal static string FieldOf(string jsonPath)
    {
        var field = jsonPath.StartsWith('$') ? jsonPath[1..] : jsonPath;
        field = System.Text.RegularExpressions.Regex.Replace(field, @"\['((?:[^'\\]|\\.)*)'\]", ".$1").TrimStart('.');
        return field.Length == 0 ? "body" : ExceptionMapping.JsonName(field);
    }
}
