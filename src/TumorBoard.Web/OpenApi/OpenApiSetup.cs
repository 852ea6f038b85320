using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;

namespace TumorBoard.Web.OpenApi;

/// <summary>
/// The OpenAPI document at /openapi/v1.json (issue #12): schema names (<see cref="SchemaNames"/>), the bearer scheme
/// required on every operation that is not anonymous, the problem responses (<see cref="ProblemResponses"/>), summaries
/// and the words of the clinic (<see cref="ApiWords"/>). Each is a convention over every endpoint: a new endpoint is
/// documented by what it declares (route, method, typed results, AllowAnonymous, <see cref="IfMatch"/>), and
/// <c>OpenApiDocumentTests</c> fails when it is not.
/// </summary>
public static class OpenApiSetup
{
    public const string BearerScheme = "bearer";

    public static IServiceCollection AddTumorBoardOpenApi(this IServiceCollection services) => services.AddOpenApi(o =>
    {
        o.CreateSchemaReferenceId = SchemaNames.CreateSchemaReferenceId;
        o.AddDocumentTransformer((document, _, _) =>
        {
            Describe(document);
            return Task.CompletedTask;
        });
        o.AddOperationTransformer((operation, context, _) =>
        {
            Secure(operation, context);
            Headers(operation, context);
            RequiredQuery(operation, context);
            ApiWords.Describe(operation, context);
            Examples.ApiExamples.Apply(operation, context);
            Examples.ApiExamples.ApplyFiles(operation, context);
            return Task.CompletedTask;
        });
        o.AddSchemaTransformer((schema, context, _) =>
        {
            ApiWords.Describe(schema, context);
            PlainNumbers(schema, context);
            return Task.CompletedTask;
        });
    });

    static void Describe(OpenApiDocument document)
    {
        document.Info = new OpenApiInfo
        {
            Title = "TumorBoard API",
            Version = "v1",
            Description = ApiWords.Document,
        };
        // The framework writes the request's base address with a trailing slash; paths already start with one.
        foreach (var server in document.Servers ?? [])
            server.Url = server.Url?.TrimEnd('/');
        Examples.ApiExamples.AddFhirSchemas(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = ApiWords.Bearer,
        };
        // The framework lists the tags the operations use; a tag without words here fails OpenApiDocumentTests.
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
            if (tag.Name is { } name && ApiWords.Tags.TryGetValue(name, out var words)) tag.Description = words;
    }

    /// <summary>
    /// The request headers the API reads besides the token: <c>If-Match</c> where the endpoint takes the version
    /// (<see cref="Api.IfMatch"/>), <c>Idempotency-Key</c> on every signed-in POST and PUT (IdempotencyMiddleware).
    /// </summary>
    static void Headers(OpenApiOperation operation, Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext context)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var method = context.Description.HttpMethod?.ToUpperInvariant();
        if (metadata.OfType<Api.IfMatch.Metadata>().Any())
            (operation.Parameters ??= []).Add(new OpenApiParameter
            {
                Name = "If-Match", In = ParameterLocation.Header, Required = false,
                Description = metadata.OfType<Api.IfMatch.NotRequired>().Any() ? ApiWords.IfMatchNotRequired : ApiWords.IfMatch,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        if (!anonymous && method is "POST" or "PUT")
            (operation.Parameters ??= []).Add(new OpenApiParameter
            {
                Name = "Idempotency-Key", In = ParameterLocation.Header, Required = false, Description = ApiWords.IdempotencyKey,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 255 },
            });
        foreach (var (status, response) in operation.Responses ?? [])
            if (response is OpenApiResponse described
                && (operation.OperationId is { } id && ApiWords.OperationStatuses.TryGetValue((id, status), out var own) ? own
                    : ApiWords.Statuses.GetValueOrDefault(status)) is { } words)
                described.Description = words;
    }

    /// <summary>
    /// A query parameter the handler marks [Required] (on its parameter, or on the property of an [AsParameters] record:
    /// the export's <c>kind</c>) is <c>required: true</c> in the document, so that clients and the fuzzer send it. The
    /// validator still names it when it is missing: the message is the handler's, not the binder's.
    /// </summary>
    static void RequiredQuery(OpenApiOperation operation, Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext context)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<System.Reflection.MethodInfo>().FirstOrDefault() is not { } handler) return;
        var required = handler.GetParameters()
            .SelectMany(p => p.IsDefined(typeof(Microsoft.AspNetCore.Http.AsParametersAttribute), false)
                ? p.ParameterType.GetProperties().Where(x => x.IsDefined(typeof(System.ComponentModel.DataAnnotations.RequiredAttribute), true)).Select(x => x.Name)
                : p.IsDefined(typeof(System.ComponentModel.DataAnnotations.RequiredAttribute), true) ? [p.Name!] : [])
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
            if (parameter.In == ParameterLocation.Query && parameter.Name is { } name && required.Contains(name))
                parameter.Required = true;
    }

    /// <summary>
    /// Numbers are documented as numbers. The web JSON defaults also read a number written as a string ("7"), and the
    /// framework then types every integer <c>integer | string</c> with a pattern, which generators turn into a composed
    /// type (a <c>version</c> a client cannot simply read). The API answers numbers as numbers: that is the contract.
    /// </summary>
    static void PlainNumbers(OpenApiSchema schema, Microsoft.AspNetCore.OpenApi.OpenApiSchemaTransformerContext context)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (!NumberTypes.Contains(type) || schema.Type is not { } types || !types.HasFlag(JsonSchemaType.String)) return;
        schema.Type = types & ~JsonSchemaType.String;
        schema.Pattern = null;
    }

    static readonly HashSet<Type> NumberTypes =
    [
        typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong),
        typeof(float), typeof(double), typeof(decimal),
    ];

    /// <summary>Every operation needs the bearer token unless its endpoint allows anonymous callers (the token endpoint).</summary>
    static void Secure(OpenApiOperation operation, Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext context)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [];
            return;
        }
        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] },
        ];
    }
}
