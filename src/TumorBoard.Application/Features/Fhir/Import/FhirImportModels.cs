using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Patients;

namespace TumorBoard.Application.Features.Fhir.Import;

/// <summary>
/// One problem found in a FHIR record: <see cref="Severity"/> as FHIR's OperationOutcome says it (fatal, error, warning,
/// information), <see cref="Location"/> the FHIRPath of the element ("Patient.birthDate", "Bundle.entry[1].resource"),
/// <see cref="Message"/> in plain words.
/// </summary>
public sealed record FhirIssue(string Severity, string Location, string Message)
{
    public bool Blocks => Severity is "error" or "fatal";

    public static FhirIssue Error(string location, string message) => new("error", location, message);
    public static FhirIssue Warning(string location, string message) => new("warning", location, message);

    /// <summary>A failure of the record's text as a whole (the input check every message passes), carrying its issue.</summary>
    public static FluentValidation.Results.ValidationFailure Carrying(FluentValidation.Results.ValidationFailure failure) =>
        failure.CustomState is FhirIssue ? failure : new(failure.PropertyName, failure.ErrorMessage)
        {
            CustomState = Error("", $"The record is not FHIR JSON in UTF-8: {failure.ErrorMessage}"),
        };
}

/// <summary>The histology a Condition's code pre-fills, the coding it came from ("ICD-10 C50.9 Breast cancer"), and whether that code names the histology (not only the site).</summary>
public sealed record HistologyPrefill(PrimaryHistology Histology, string Source, bool Verified);

/// <summary>What a FHIR record says about the patient, in our terms (no FHIR types: the rest of the app never sees them).</summary>
public sealed record ImportedPatient(string Mrn, string FamilyName, string GivenName, DateOnly DateOfBirth, Sex Sex)
{
    /// <summary>Where each field came from in the record, for messages about its value.</summary>
    public static readonly IReadOnlyDictionary<string, string> Locations = new Dictionary<string, string>
    {
        [nameof(Mrn)] = "Patient.identifier", [nameof(FamilyName)] = "Patient.name.family",
        [nameof(GivenName)] = "Patient.name.given", [nameof(DateOfBirth)] = "Patient.birthDate", [nameof(Sex)] = "Patient.gender",
    };
}

/// <summary>
/// The case the record suggests: the primary tumour's histology (with the coding it came from, and whether that code names
/// the histology or only the site: <see cref="HistologyVerified"/> false), the date of diagnosis where the Condition has
/// one, and the Condition's own words for the diagnosis.
/// </summary>
public sealed record CaseDraft(PrimaryHistology? Histology, string? HistologySource, bool HistologyVerified, DateOnly? DiagnosisDate, string? Condition)
{
    public static readonly CaseDraft None = new(null, null, false, null, null);

    public static CaseDraft Of(HistologyPrefill? histology, DateOnly? diagnosisDate, string? condition) =>
        new(histology?.Histology, histology?.Source, histology?.Verified ?? false, diagnosisDate, condition);
}

/// <summary>A FHIR record read, checked and mapped: <see cref="Patient"/> is null when an issue blocks the import.</summary>
public sealed record FhirPatientReading(IReadOnlyList<FhirIssue> Issues, ImportedPatient? Patient, CaseDraft? Case)
{
    public bool IsValid => Patient is not null && !Issues.Any(i => i.Blocks);
}
