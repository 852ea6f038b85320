using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Models;

namespace TumorBoard.Application.Features.Fhir.Import;

/// <summary>
/// Reads a hospital's FHIR R4 record of a patient: a <c>Patient</c>, or a <c>Bundle</c> with one Patient and at most one
/// Condition (the primary tumour). Parsed by the Firely SDK, validated against the base specification, then mapped
/// (<see cref="FhirPatientMapping"/>). Scoped: the validator of a command and its handler read the same text once.
/// </summary>
public sealed class FhirPatientReader(FhirResourceValidator validator, IOptions<FhirOptions> options, BoardClock clock)
{
    string? lastJson;
    FhirPatientReading? lastReading;

    public FhirPatientReading Read(string json)
    {
        if (ReferenceEquals(json, lastJson) && lastReading is not null) return lastReading;
        var reading = ReadOnce(json);
        (lastJson, lastReading) = (json, reading);
        return reading;
    }

    FhirPatientReading ReadOnce(string json)
    {
        if (FhirJsonText.FirstProblem(json) is { } textProblem) return Failed([textProblem]);
        Resource resource;
        try
        {
            resource = FhirJson.Parse<Resource>(json);
        }
        catch (DeserializationFailedException e)
        {
            return Failed([.. e.ToOperationOutcome().Issue.Select(FhirResourceValidator.FromOutcome)]);
        }
        catch (JsonException e)
        {
            return Failed([FhirIssue.Error("", $"The record is not FHIR JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).")]);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ArgumentException or FormatException)
        {
            return Failed([FhirIssue.Error("", "The record is not a FHIR R4 resource in JSON (it has no known resourceType).")]);
        }

        var (patient, condition, structure) = Parts(resource);
        if (patient is null) return Failed(structure);
        List<FhirIssue> issues = [.. structure, .. validator.Validate(resource)];
        if (issues.Any(i => i.Blocks)) return new FhirPatientReading(issues, null, null);

        var (mrn, mrnIssue) = FhirPatientMapping.ChooseMrn(patient, options.Value.MrnSystem);
        var (family, given, nameIssue) = FhirPatientMapping.ChooseName(patient, clock.Today);
        var (birth, birthIssue) = FhirPatientMapping.BirthDate(patient);
        issues.AddRange(new[] { mrnIssue, nameIssue, birthIssue }.OfType<FhirIssue>());
        if (patient.Gender is null)
            issues.Add(FhirIssue.Warning("Patient.gender", "The record does not state the sex: registered as unknown."));
        if (issues.Any(i => i.Blocks)) return new FhirPatientReading(issues, null, null);

        var imported = new ImportedPatient(mrn!, family!, given!, birth!.Value, FhirPatientMapping.SexOf(patient.Gender));
        return new FhirPatientReading(issues, imported, condition is null ? null : DraftOf(condition, issues));
    }

    static FhirPatientReading Failed(List<FhirIssue> issues) => new(issues, null, null);

    static CaseDraft? DraftOf(Condition condition, List<FhirIssue> issues)
    {
        var status = condition.VerificationStatus?.Coding.FirstOrDefault()?.Code;
        if (status is "entered-in-error" or "refuted")
        {
            issues.Add(FhirIssue.Warning("Condition.verificationStatus", $"The Condition is marked {status}: nothing is pre-filled from it."));
            return null;
        }
        var histology = FhirPatientMapping.HistologyOf(condition.Code);
        var text = condition.Code?.Text ?? condition.Code?.Coding.Select(c => c.Display ?? c.Code).FirstOrDefault();
        if (histology is null && condition.Code is not null)
            issues.Add(FhirIssue.Warning("Condition.code", $"The diagnosis '{text}' is not in the histology table: choose the histology on the case form."));
        return CaseDraft.Of(histology, FhirPatientMapping.DiagnosisDate(condition), text);
    }

    /// <summary>The Patient and the Condition of the record, or the issues of its shape (a wrong type, two patients...).</summary>
    static (Patient? Patient, Condition? Condition, List<FhirIssue> Issues) Parts(Resource resource)
    {
        const string expected = "send a Patient, or a Bundle with one Patient and at most one Condition (the primary tumour)";
        switch (resource)
        {
            case Patient p:
                return (p, null, []);
            case Bundle bundle:
                List<FhirIssue> issues = [];
                var entries = bundle.Entry.Select((e, i) => (e, i)).ToList();
                var patients = entries.Where(x => x.e.Resource is Patient).ToList();
                var conditions = entries.Where(x => x.e.Resource is Condition).ToList();
                if (patients.Count != 1)
                    return (null, null, [FhirIssue.Error("Bundle.entry", $"The Bundle holds {patients.Count} Patient resources: {expected}.")]);
                if (conditions.Count > 1)
                    return (null, null, [FhirIssue.Error("Bundle.entry", $"The Bundle holds {conditions.Count} Condition resources: {expected}.")]);
                foreach (var (e, i) in entries.Where(x => x.e.Resource is not (Patient or Condition)))
                    issues.Add(FhirIssue.Warning($"Bundle.entry[{i}].resource", $"A {e.Resource?.TypeName ?? "missing resource"} is not read by the import."));
                var (patientEntry, _) = patients[0];
                var patient = (Patient)patientEntry.Resource!;
                if (conditions.Count == 0) return (patient, null, issues);
                var (conditionEntry, at) = conditions[0];
                var condition = (Condition)conditionEntry.Resource!;
                if (!IsAbout(condition.Subject?.Reference, patientEntry.FullUrl, patient.Id))
                    return (null, null, [.. issues, FhirIssue.Error($"Bundle.entry[{at}].resource.subject",
                        "The Condition is not about the Bundle's Patient (its subject does not reference that entry).")]);
                return (patient, condition, issues);
            default:
                return (null, null, [FhirIssue.Error("resourceType", $"The record is a {resource.TypeName}: {expected}.")]);
        }
    }

    static bool IsAbout(string? reference, string? fullUrl, string? id) =>
        reference is not null && ((fullUrl is not null && reference == fullUrl)
            || (id is not null && (reference == $"Patient/{id}" || reference.EndsWith($"/Patient/{id}", StringComparison.Ordinal))));
}
