using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace TumorBoard.Application.Features.Fhir;

/// <summary>The Firely SDK's own JSON serializer for FHIR resources (never hand-written FHIR JSON).</summary>
public static class FhirJson
{
    public const string MediaType = "application/fhir+json";

    static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ForFhir().Pretty();

    public static string Serialize(Resource resource) => JsonSerializer.Serialize(resource, resource.GetType(), Options);

    /// <summary>Parses FHIR JSON; throws <see cref="DeserializationFailedException"/> listing what does not conform.</summary>
    public static T Parse<T>(string json) where T : Resource =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("The body is JSON null, not a FHIR resource.");
}

/// <summary>A FHIR export as sent: the serialized Bundle, the file name to offer, and the case it reveals (read-logged).</summary>
public sealed record FhirExport(Guid CaseId, string Json, string FileName) : Common.Audit.ICaseReadResult
{
    Guid Common.Audit.ICaseReadResult.ReadCaseId => CaseId;
}
