using FluentValidation;
using FluentValidation.Results;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Fhir.Import;
using TumorBoard.Application.Common.Validation;

namespace TumorBoard.Application.Features.Patients;

/// <summary>A message carrying a hospital's FHIR record of a patient (the import and its preview).</summary>
public interface IFhirRecord
{
    string Resource { get; }
}

/// <summary>
/// The rules of a FHIR record of a patient, shared by ImportPatient and PreviewPatientImport: every issue that blocks the
/// import is a failure on Resource carrying its <see cref="FhirIssue"/> (the API lists them as <c>issues</c>), followed by
/// the field rules of typing the patient in (an MRN with characters we cannot store, a birth date in the future).
/// </summary>
public sealed class FhirRecordValidator : AbstractValidator<IFhirRecord>
{
    public const int MaxLength = 1_000_000;

    public FhirRecordValidator(FhirPatientReader reader, BoardClock clock)
    {
        RuleFor(c => c.Resource).NotEmpty().WithText("PasteUploadHospitalFHIRRecordPatient")
            .MaximumLength(MaxLength).WithText("Fhir_TooLong", MaxLength);
        RuleFor(c => c.Resource).Custom((json, context) =>
        {
            var reading = reader.Read(json);
            foreach (var issue in reading.Issues.Where(i => i.Blocks)) context.AddFailure(Failure(issue));
            if (reading.Patient is not { } patient) return;
            foreach (var error in new PatientFieldsValidator(clock).Validate(Fields(patient)).Errors)
                context.AddFailure(Failure(FhirIssue.Error(ImportedPatient.Locations.GetValueOrDefault(error.PropertyName, "Patient"), error.ErrorMessage)));
        }).When(c => !string.IsNullOrEmpty(c.Resource) && c.Resource.Length <= MaxLength);
    }

    static ValidationFailure Failure(FhirIssue issue) =>
        new(nameof(IFhirRecord.Resource), issue.Location.Length == 0 ? issue.Message : $"{issue.Location}: {issue.Message}") { CustomState = issue };

    static RegisterPatient.Command Fields(ImportedPatient p) => new()
    {
        Mrn = p.Mrn, FamilyName = p.FamilyName, GivenName = p.GivenName, DateOfBirth = p.DateOfBirth, Sex = p.Sex,
    };
}
