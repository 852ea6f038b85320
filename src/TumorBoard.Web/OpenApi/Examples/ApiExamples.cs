using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using TumorBoard.Application.Common.Models;
using TumorBoard.Domain.Common;
using TumorBoard.Web.Errors;

namespace TumorBoard.Web.OpenApi.Examples;

/// <summary>
/// The examples of the OpenAPI document (issue #12 item 4): one board's story told through every operation — Mrs. Anna
/// Keller, 64, breast cancer (invasive ductal, ER/PR positive) with a painful T10 metastasis, SINS 9, Bilsky 1b, planned
/// for separation surgery then SBRT 24 Gy in 2 fractions. Every example is a typed C# instance of the very type the
/// endpoint reads or answers, serialized with the app's JSON options, so a renamed field or enum member breaks the build
/// or <c>OpenApiExampleTests</c> (which also deserializes each example with unknown members refused and runs each request
/// through its command's validator), never the document silently.
/// <list type="bullet">
/// <item>request bodies by operation id (<see cref="Requests"/>), each with the message the endpoint sends for it;</item>
/// <item>success bodies by type (<see cref="Responses"/>): a type answers the same example wherever it is answered;</item>
/// <item>problem bodies by status, made by the app's own exception translator (<see cref="Problem"/>).</item>
/// </list>
/// The examples are written as of <see cref="AsOf"/>: the validators that compare with today run at that moment in the tests.
/// </summary>
public static partial class ApiExamples
{
    /// <summary>The moment the examples are written at: Tuesday 1 December 2026, 09:00 in Zurich.</summary>
    public static readonly DateTimeOffset AsOf = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A request body, the message the endpoint makes of it (the body itself where it is the command), and the
    /// moment it is sent in the story (<see cref="AsOf"/> unless later: a follow-up is recorded after the surgery).</summary>
    public sealed record RequestExample(object Body, object Message, DateTimeOffset At);

    public static IReadOnlyDictionary<string, RequestExample> Requests => Registry.Requests;

    public static IReadOnlyDictionary<Type, object> Responses => Registry.Responses;

    static class Registry
    {
        public static readonly Dictionary<string, RequestExample> Requests = [];
        public static readonly Dictionary<Type, object> Responses = [];
        /// <summary>FHIR request bodies (application/fhir+json) by operation id, as the Firely SDK serializes them.</summary>
        public static readonly Dictionary<string, string> FhirRequests = [];
        /// <summary>A success body for one status of one operation, where its type's example would tell another story
        /// (the import's 200, a patient found, answers the type of its 201).</summary>
        public static readonly Dictionary<(string OperationId, int Status), object> StatusResponses = [];
        /// <summary>A problem body for one status of one operation, where the generic one would not show its shape.</summary>
        public static readonly Dictionary<(string OperationId, int Status), Microsoft.AspNetCore.Mvc.ProblemDetails> OperationProblems = [];

        static Registry()
        {
            PatientExamples();
            CaseExamples();
            ScoreExamples();
            AccountExamples();
            MeetingExamples();
            AssessmentExamples();
            DecisionExamples();
            HistoryExamples();
            AuditExamples();
            LetterExamples();
            ReportDispatchExamples();
            FastTrackExamples();
            AnalyticsExamples();
            FhirImportExamples();
        }
    }

    static void Request<TBody>(string operationId, TBody body, object? message = null, DateTimeOffset? at = null) where TBody : notnull =>
        Registry.Requests.Add(operationId, new RequestExample(body, message ?? body, at ?? AsOf));

    static void Response<T>(T value) where T : notnull => Registry.Responses.Add(typeof(T), value);

    static void StatusResponse<T>(string operationId, int status, T value) where T : notnull =>
        Registry.StatusResponses.Add((operationId, status), value);

    static void OperationProblem(string operationId, int status, Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        problem.Extensions["traceId"] = TraceId;
        Registry.OperationProblems.Add((operationId, status), problem);
    }

    public static IReadOnlyDictionary<string, string> FhirRequests => Registry.FhirRequests;

    public static IReadOnlyDictionary<(string OperationId, int Status), object> StatusResponses => Registry.StatusResponses;

    /// <summary>The problem example of <paramref name="status"/> for <paramref name="operationId"/>: its own, else the status's.</summary>
    public static Microsoft.AspNetCore.Mvc.ProblemDetails ProblemOf(string? operationId, int status) =>
        operationId is not null && Registry.OperationProblems.TryGetValue((operationId, status), out var own) ? own : Problem(status);

    const string TraceId = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    /// <summary>The problem body the app answers with <paramref name="status"/>, made by its own translator.</summary>
    public static Microsoft.AspNetCore.Mvc.ProblemDetails Problem(int status)
    {
        var problem = status switch
        {
            StatusCodes.Status400BadRequest => ApiExceptionHandler.ProblemFor(new FluentValidation.ValidationException(
            [
                new ValidationFailure("Lesions[0].ImagingDate", "The imaging date cannot be in the future."),
                new ValidationFailure("ClinicalQuestion", "State the question for the board."),
            ])),
            StatusCodes.Status401Unauthorized => ApiExceptionHandler.ProblemFor(new UnauthorizedAccessException()),
            StatusCodes.Status403Forbidden => ApiExceptionHandler.ProblemFor(new ForbiddenException(
                "Only a coordinator may do this.")),
            StatusCodes.Status404NotFound => ApiExceptionHandler.ProblemFor(NotFoundException.For("Case", CaseId)),
            StatusCodes.Status409Conflict => ApiExceptionHandler.ProblemFor(new DomainConflictException(
                "The case is Withdrawn and can no longer be changed.")),
            StatusCodes.Status412PreconditionFailed => ApiExceptionHandler.ProblemFor(new StaleVersionException("case")),
            StatusCodes.Status428PreconditionRequired => ApiExceptionHandler.ProblemFor(new VersionRequiredException()),
            StatusCodes.Status503ServiceUnavailable => ApiExceptionHandler.Unavailable(),
            _ => new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = status, Title = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
            },
        };
        problem.Extensions["traceId"] = TraceId;
        return problem;
    }

    /// <summary>The operation transformer: the examples of one operation's request, success and problem bodies.</summary>
    public static void Apply(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var json = context.ApplicationServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        if (operation.OperationId is { } id && Requests.TryGetValue(id, out var request)
            && operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true)
            body.Example = JsonSerializer.SerializeToNode(request.Body, request.Body.GetType(), json);
        if (operation.OperationId is { } fhirId && FhirRequests.TryGetValue(fhirId, out var fhir)
            && operation.RequestBody?.Content?.TryGetValue(Application.Features.Fhir.FhirJson.MediaType, out var fhirBody) == true)
            fhirBody.Example = JsonNode.Parse(fhir);

        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response.Content is null) continue;
            _ = int.TryParse(status, out var code);
            if (status.StartsWith('2') && response.Content.TryGetValue("application/json", out var success)
                && SuccessExample(operation.OperationId, code, SuccessType(context.Description, status)) is ({ } type, { } value))
                success.Example = JsonSerializer.SerializeToNode(value, type, json);
            else if (code >= 400 && response.Content.TryGetValue(ProblemResponses.ProblemJson, out var problem))
            {
                var example = ProblemOf(operation.OperationId, code);
                problem.Example = JsonSerializer.SerializeToNode(example, example.GetType(), json);
            }
        }
    }

    /// <summary>The success example of one status of an operation: its own (<see cref="StatusResponses"/>), else its type's.</summary>
    public static (Type? Type, object? Value) SuccessExample(string? operationId, int status, Type? type) =>
        type is null ? (null, null)
        : operationId is not null && Registry.StatusResponses.TryGetValue((operationId, status), out var own) ? (type, own)
        : Responses.TryGetValue(type, out var value) ? (type, value) : (type, null);

    /// <summary>The type an operation answers with a status (the typed result's value).</summary>
    public static Type? SuccessType(ApiDescription description, string status) =>
        description.SupportedResponseTypes.FirstOrDefault(r => r.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) == status)?.Type;

    /// <summary>The type of an operation's JSON body, if it has one.</summary>
    public static Type? BodyType(ApiDescription description) =>
        description.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type;
}
