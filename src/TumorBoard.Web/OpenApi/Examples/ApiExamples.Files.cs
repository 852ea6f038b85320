using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using TumorBoard.Application.Features.Fhir;
using TumorBoard.Web.Reports;

namespace TumorBoard.Web.OpenApi.Examples;

/// <summary>
/// The bodies that are not our JSON (issue #12 item 4): the FHIR R4 answers get a schema that names the resource and an
/// example, and the PDF is documented as binary. The FHIR examples are what the server writes: the CodeSystem and the
/// extension definitions are made here by <see cref="FhirDefinitions"/> with the app's own options, and the two Bundles
/// are files the server exported (embedded from <c>Examples/Fhir</c>; <c>FhirExampleTests</c> exports the same story
/// again and fails when a file no longer matches the export, and validates each file).
/// </summary>
public static partial class ApiExamples
{
    public const string FhirDocumentFile = "decision-document.fhir.json";
    public const string FhirHistoryFile = "case-history.fhir.json";
    const string FhirSpecification = "https://hl7.org/fhir/R4/";

    /// <summary>One of the embedded FHIR example files, as text.</summary>
    public static string FhirExample(string file)
    {
        using var stream = typeof(ApiExamples).Assembly.GetManifestResourceStream($"TumorBoard.Web.OpenApi.Examples.Fhir.{file}")
            ?? throw new InvalidOperationException($"No embedded FHIR example {file}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The operation transformer for the answers that are files: FHIR resources and the PDF report.</summary>
    public static void ApplyFiles(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        if (operation.Responses?.TryGetValue("200", out var answer) != true || answer is not OpenApiResponse ok) return;
        var options = context.ApplicationServices.GetRequiredService<IOptions<FhirOptions>>().Value;
        switch (operation.OperationId)
        {
            case "ExportDecisionFhir":
                Fhir(ok, context.Document, "Bundle", "A `document` Bundle: the Composition first, then the resources it names.", JsonNode.Parse(FhirExample(FhirDocumentFile)));
                break;
            case "ExportCaseHistory":   // format=fhir answers a collection Bundle; the default stays our JSON document
                Fhir(ok, context.Document, "Bundle", "With `format=fhir`: a `collection` Bundle of every decision version and follow-up.", JsonNode.Parse(FhirExample(FhirHistoryFile)));
                break;
            case "GetFhirCodeSystem":
                Fhir(ok, context.Document, "CodeSystem", "The TumorBoard CodeSystem: the codes our exports use where LOINC and SNOMED CT have none.", JsonNode.Parse(FhirJson.Serialize(FhirDefinitions.CodeSystem(options))));
                break;
            case "GetFhirStructureDefinition":
                Fhir(ok, context.Document, "StructureDefinition", "The definition of one of our extensions.",
                    JsonNode.Parse(FhirJson.Serialize(FhirDefinitions.Extension(options, FhirDefinitions.ExtensionNames[0])!)));
                break;
            case "GetDecisionReportPdf":
                if (ok.Content?.TryGetValue(DecisionReportPdf.MediaType, out var pdf) == true)
                    pdf.Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String, Format = "binary",
                        Description = "The report as a PDF file (A4, fonts embedded), offered for download.",
                    };
                break;
        }
    }

    /// <summary>The FHIR resources the API answers, as schema components (added by the document transformer): each names
    /// its resource type and points to its definition in the R4 specification.</summary>
    public static readonly IReadOnlyDictionary<string, (string ResourceType, string Page, string Description)> FhirSchemas =
        new Dictionary<string, (string, string, string)>
        {
            ["FhirBundle"] = ("Bundle", "bundle.html",
                "A FHIR R4 Bundle: of type `document` for one decision version (the Composition first), `collection` for a case history."),
            ["FhirCodeSystem"] = ("CodeSystem", "codesystem.html", "A FHIR R4 CodeSystem."),
            ["FhirStructureDefinition"] = ("StructureDefinition", "structuredefinition.html", "A FHIR R4 StructureDefinition (an extension of ours)."),
        };

    /// <summary>Adds the FHIR schema components to the document.</summary>
    public static void AddFhirSchemas(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var (name, (resourceType, page, description)) in FhirSchemas)
            document.Components.Schemas[name] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = description + " Serialized by the Firely SDK; the whole definition is the FHIR R4 specification.",
                Required = new HashSet<string> { "resourceType" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["resourceType"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(resourceType)] },
                },
                AdditionalProperties = new OpenApiSchema(),   // every other element of the resource, as the specification defines it
                ExternalDocs = new OpenApiExternalDocs { Url = new Uri(FhirSpecification + page), Description = $"FHIR R4 {resourceType}" },
            };
    }

    /// <summary>The FHIR media type of a 200 answer: the resource's schema component and the example.</summary>
    static void Fhir(OpenApiResponse ok, OpenApiDocument? document, string resourceType, string description, JsonNode? example)
    {
        ok.Content ??= new Dictionary<string, OpenApiMediaType>();
        var name = FhirSchemas.Single(s => s.Value.ResourceType == resourceType).Key;
        ok.Content[FhirJson.MediaType] = new OpenApiMediaType
        {
            Schema = new OpenApiSchemaReference(name, document) { Description = description },
            Example = example,
        };
    }
}
