using Hl7.Fhir.Model;

namespace TumorBoard.Application.Features.Fhir;

/// <summary>
/// The conformance resources an export depends on, published at their canonical URLs by the app (GET /api/v1/fhir/CodeSystem/tumorboard,
/// GET /api/v1/fhir/StructureDefinition/{name}): our CodeSystem and the three extensions. They contain no patient data.
/// </summary>
public static class FhirDefinitions
{
    public const string NomsConcordance = "noms-concordance";
    public const string NomsDiscordanceReason = "noms-discordance-reason";
    public const string SignedContentSha256 = "signed-content-sha256";
    public const string Version = "1.0.0";

    public static IReadOnlyList<string> ExtensionNames { get; } = [NomsConcordance, NomsDiscordanceReason, SignedContentSha256];

    public static CodeSystem CodeSystem(FhirOptions o) => new()
    {
        Id = FhirVocabulary.CodeSystemId,
        Url = o.CodeSystemUrl,
        Version = Version,
        Name = "TumorBoard",
        Title = "TumorBoard spinal tumour board codes",
        Status = PublicationStatus.Active,
        Experimental = false,
        Publisher = "TumorBoard",
        Description = new Markdown("Codes for the spinal-metastasis scores (SINS, Bilsky ESCC, revised Tokuhashi, Tomita), their components "
            + "and bands, and the vocabularies of the board's decision, where LOINC and SNOMED CT have no code."),
        CaseSensitive = true,
        Content = CodeSystemContentMode.Complete,
        Count = FhirVocabulary.All().Count,
        Concept = [.. FhirVocabulary.All().Select(c => new CodeSystem.ConceptDefinitionComponent
            { Code = c.Code, Display = c.Display, Definition = c.Definition })],
    };

    public static StructureDefinition? Extension(FhirOptions o, string name) => name switch
    {
        NomsConcordance => Define(o, name, "NomsConcordance", "Concordance with the NOMS suggestion",
            "Whether the board's plan follows the NOMS framework's computed suggestion (advisory, scores.md §3.3).", "CarePlan",
            "Coding", "A code 'noms-…' of the TumorBoard CodeSystem."),
        NomsDiscordanceReason => Define(o, name, "NomsDiscordanceReason", "Why the plan departs from the NOMS suggestion",
            "The board's reason for a plan discordant with the NOMS suggestion: a code 'discordance-…' of the TumorBoard CodeSystem and the board's words.",
            "CarePlan", "CodeableConcept", "Reason code and the board's text."),
        SignedContentSha256 => Define(o, name, "SignedContentSha256", "SHA-256 of the signed content",
            "Lower-case hexadecimal SHA-256 of the canonical decision content and positions the signature is bound to (R4 Attachment.hash is SHA-1 only).",
            "Signature", "string", "64 hexadecimal characters."),
        _ => null,
    };

    static StructureDefinition Define(FhirOptions o, string id, string name, string title, string description, string context,
        string valueType, string valueShort)
    {
        var url = o.ExtensionUrl(id);
        return new StructureDefinition
        {
            Id = id,
            Url = url,
            Version = Version,
            Name = name,
            Title = title,
            Status = PublicationStatus.Active,
            Experimental = false,
            Publisher = "TumorBoard",
            Description = new Markdown(description),
            FhirVersion = FHIRVersion.N4_0_1,
            Kind = StructureDefinition.StructureDefinitionKind.ComplexType,
            Abstract = false,
            Context = [new StructureDefinition.ContextComponent { Type = StructureDefinition.ExtensionContextType.Element, Expression = context }],
            Type = "Extension",
            BaseDefinition = "http://hl7.org/fhir/StructureDefinition/Extension",
            Derivation = StructureDefinition.TypeDerivationRule.Constraint,
            Differential = new StructureDefinition.DifferentialComponent
            {
                Element =
                [
                    new ElementDefinition("Extension") { ElementId = "Extension", Short = title, Definition = description, Min = 0, Max = "1" },
                    new ElementDefinition("Extension.extension") { ElementId = "Extension.extension", Max = "0" },
                    new ElementDefinition("Extension.url") { ElementId = "Extension.url", Fixed = new FhirUri(url) },
                    new ElementDefinition("Extension.value[x]")
                    {
                        ElementId = "Extension.value[x]", Short = valueShort, Min = 1,
                        Type = [new ElementDefinition.TypeRefComponent { Code = valueType }],
                    },
                ],
            },
        };
    }
}
