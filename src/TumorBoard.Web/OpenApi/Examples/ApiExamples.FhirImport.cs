using FluentValidation.Results;
using Hl7.Fhir.Model;
using TumorBoard.Application.Features.Fhir;
using TumorBoard.Application.Features.Fhir.Import;
using TumorBoard.Application.Features.Patients;
using TumorBoard.Domain.Clinical;
using PatientLanguage = TumorBoard.Domain.Patients.PatientLanguage;
using Sex = TumorBoard.Domain.Patients.Sex;
using TumorBoard.Web.Errors;

namespace TumorBoard.Web.OpenApi.Examples;

public static partial class ApiExamples
{
    /// <summary>
    /// The FHIR import (ImportPatient): the hospital's record of Mrs. Keller as a FHIR R4 Bundle with her Patient and the
    /// primary tumour's Condition (ICD-10-GM C50.4 with SNOMED CT 254837009), built with the Firely POCOs and serialized by
    /// the SDK; the new patient it registers (201), the same record again once she is registered under another given name
    /// (200, nothing changed, the difference listed), and a record without a birth date (400 with the issues).
    /// </summary>
    static void FhirImportExamples()
    {
        Registry.FhirRequests.Add("ImportPatient", FhirJson.Serialize(HospitalRecord()));

        var draft = new CaseDraft(PrimaryHistology.Breast, "ICD-10 C50.4 Bösartige Neubildung: Oberer äußerer Quadrant der Brustdrüse",
            true, new DateOnly(2019, 6, 3), "Mammakarzinom links, oberer äußerer Quadrant");
        var registered = new GetPatient.Result(PatientId, Mrn, FamilyName, GivenName, DateOfBirth, Sex.Female, PatientLanguage.de, 7741, []);
        Response(new ImportPatient.Result(true, registered, draft, []));
        StatusResponse("ImportPatient", StatusCodes.Status200OK, new ImportPatient.Result(false,
            registered with { GivenName = "Anna Maria", Cases = [new GetPatient.CaseSummary(CaseId, "ReadyForBoard", "Breast", "Urgent", CaseCreatedAt)] },
            draft, [new ImportPatient.Difference("givenName", GivenName, "Anna Maria")]));

        var noBirthDate = FhirIssue.Error("Patient.birthDate", "The record has no date of birth.");
        var noMrn = FhirPatientMapping.ChooseMrn(new Patient(), new FhirOptions().MrnSystem).Issue!;
        OperationProblem("ImportPatient", StatusCodes.Status400BadRequest, ApiExceptionHandler.ProblemFor(new FluentValidation.ValidationException(
            [.. new[] { noMrn, noBirthDate }.Select(i => new ValidationFailure(nameof(ImportPatient.Command.Resource), $"{i.Location}: {i.Message}") { CustomState = i })])));
    }

    /// <summary>The hospital's record: a collection Bundle with the Patient (MRN in the hospital's system, typed MR) and the Condition.</summary>
    public static Bundle HospitalRecord()
    {
        const string patientUrl = "urn:uuid:0c7e5f1a-8d2b-4e63-9a41-6b3f2d9e8c10";
        var patient = new Patient
        {
            Identifier =
            [
                new Identifier(new FhirOptions().MrnSystem, Mrn) { Type = new CodeableConcept(FhirPatientMapping.IdentifierTypeSystem, "MR") },
                new Identifier("urn:oid:2.16.756.5.32", "7560000000000") { Type = new CodeableConcept(FhirPatientMapping.IdentifierTypeSystem, "SS") },
            ],
            Name = [new HumanName { Use = HumanName.NameUse.Official, Family = FamilyName, Given = [GivenName] }],
            Gender = AdministrativeGender.Female,
            BirthDate = DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        var condition = new Condition
        {
            ClinicalStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"),
            VerificationStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed"),
            Code = new CodeableConcept
            {
                Coding =
                [
                    new Coding("http://fhir.de/CodeSystem/bfarm/icd-10-gm", "C50.4", "Bösartige Neubildung: Oberer äußerer Quadrant der Brustdrüse") { Version = "2026" },
                    new Coding(HistologyCodes.Snomed, "254837009", "Malignant neoplasm of breast"),
                ],
                Text = "Mammakarzinom links, oberer äußerer Quadrant",
            },
            Subject = new ResourceReference(patientUrl),
            Onset = new FhirDateTime("2019-06-03"),
        };
        return new Bundle
        {
            Type = Bundle.BundleType.Collection,
            Entry =
            [
                new Bundle.EntryComponent { FullUrl = patientUrl, Resource = patient },
                new Bundle.EntryComponent { FullUrl = "urn:uuid:5a2d8c4e-1f7b-4b90-8e36-c0d94a7b2e51", Resource = condition },
            ],
        };
    }
}
