using Hl7.Fhir.Model;
using TumorBoard.Application.Features.Fhir;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.Application.Features.Fhir.Import;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Fhir;

/// <summary>Hospital FHIR records for the import tests, built with the Firely POCOs and serialized by the SDK.</summary>
public static class FhirRecords
{
    /// <summary>The MRN system the app is configured with (Fhir:MrnSystem, the default).</summary>
    public static readonly string MrnSystem = new FhirOptions().MrnSystem;

    public static Patient Patient(string mrn = "KSSG-4711", string family = "Muster", string given = "Anna", string? birthDate = "1961-04-12",
        AdministrativeGender? gender = AdministrativeGender.Female) => new()
    {
        Id = "p1",
        Identifier =
        [
            new Identifier("urn:oid:2.756.888", "SSN-1") { Type = new CodeableConcept(FhirPatientMapping.IdentifierTypeSystem, "SS") },
            new Identifier(MrnSystem, mrn) { Type = new CodeableConcept(FhirPatientMapping.IdentifierTypeSystem, "MR") },
        ],
        Name = [new HumanName { Use = HumanName.NameUse.Official, Family = family, Given = [given] }],
        BirthDate = birthDate,
        Gender = gender,
    };

    public static Condition PrimaryTumour(string system = "http://hl7.org/fhir/sid/icd-10", string code = "C50.9", string display = "Breast, unspecified") => new()
    {
        Subject = new ResourceReference("urn:uuid:7f0c4c5e-0a4e-4b0e-9d6e-2b1d8d7b6a01"),
        Code = new CodeableConcept(system, code, display, null),   // (system, code, display, text): the coding's own display
        ClinicalStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"),
        VerificationStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed"),
        Onset = new FhirDateTime("2025-11-03"),
    };

    public static Bundle Bundle(Patient patient, params Resource[] others)
    {
        var bundle = new Bundle { Type = Hl7.Fhir.Model.Bundle.BundleType.Collection };
        bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = "urn:uuid:7f0c4c5e-0a4e-4b0e-9d6e-2b1d8d7b6a01", Resource = patient });
        var n = 2;
        foreach (var other in others)
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = $"urn:uuid:7f0c4c5e-0a4e-4b0e-9d6e-2b1d8d7b6a0{n++}", Resource = other });
        return bundle;
    }

    public static string Json(Resource resource) => FhirJson.Serialize(resource);

    /// <summary>
    /// Has the app's validator load the R4 definitions it needs (its first validation: seconds, minutes on a loaded
    /// machine) before a test sends a record over HTTP, whose client gives up after 100 s. Once per app; then it is instant.
    /// </summary>
    public static void WarmUpValidator(AppFixture app) =>
        app.App.Services.GetRequiredService<FhirResourceValidator>().Validate(Bundle(Patient(), PrimaryTumour()));
}
