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
            ApiWords.Describe(operation, context);
            return Task.CompletedTask;
        });
        o.AddSchemaTransformer((schema, context, _) =>
        {
            ApiWords.Describe(schema, context);
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
