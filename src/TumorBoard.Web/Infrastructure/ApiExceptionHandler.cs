using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace TumorBoard.Web.Infrastructure;

/// <summary>Turns exceptions from the pipeline into RFC 9457 problem details for the API.</summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // The middleware has already switched Request.Path to the error page: ask for the original one.
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path;
        if (!path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)) return false;

        ProblemDetails? problem = exception switch
        {
            ValidationException v => new ValidationProblemDetails(ExceptionMapping.Errors(v))
            {
                Status = StatusCodes.Status400BadRequest, Title = "The request is invalid",
            },
            BadHttpRequestException b => BadRequest(b),
            _ => ExceptionMapping.Map(exception, versionPrecondition: http.Request.Headers.IfMatch.Count > 0) is { } o ? new ProblemDetails { Status = o.Status, Title = o.Title, Detail = o.Detail } : null,
        };
        if (problem is null) return false;   // the default 500 path, without a stack trace outside Development

        http.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new() { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>A body that does not bind (wrong type, unknown enum value): 400 naming the field.</summary>
    static ProblemDetails BadRequest(BadHttpRequestException b)
    {
        if (b is Api.BadHeaderException header)
            return new ValidationProblemDetails(new Dictionary<string, string[]> { [header.Header] = [header.Message] })
            {
                Status = StatusCodes.Status400BadRequest, Title = "The request is invalid",
            };
        var json = b.InnerException as JsonException;
        var field = json?.Path is { } path ? FieldOf(path) : "body";
        var message = json is null ? b.Message : $"The value of '{field}' is not valid here.";
        return new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest, Title = "The request is invalid",
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
