namespace TumorBoard.Application.Features.Fhir;

/// <summary>
/// Configuration section "Fhir". <see cref="CanonicalBase"/> is the public address under which this installation serves
/// its FHIR definitions (the app serves them at /api/v1/fhir/CodeSystem/tumorboard and /api/v1/fhir/StructureDefinition/{name}); every code and
/// extension of ours in an export names its URL there, so set it to the app's public URL + "/api/v1/fhir" once and keep it
/// (a canonical URL that changes breaks every receiver that stored one). <see cref="MrnSystem"/> is the identifier
/// system of the hospital's medical record numbers, written on the exported Patient.
/// </summary>
public sealed class FhirOptions
{
    public string CanonicalBase { get; set; } = "https://tumorboard.example.org/api/v1/fhir";
    public string MrnSystem { get; set; } = "urn:oid:2.999.1.1";

    public string Base => CanonicalBase.TrimEnd('/');
    public string CodeSystemUrl => $"{Base}/CodeSystem/{FhirVocabulary.CodeSystemId}";
    public string ExtensionUrl(string name) => $"{Base}/StructureDefinition/{name}";
    /// <summary>Identifier system of our accounts (Practitioner.identifier).</summary>
    public string AccountSystem => $"{Base}/NamingSystem/account";
}
