using Hl7.Fhir.Model;
using Sex = TumorBoard.Domain.Patients.Sex;

namespace TumorBoard.Application.Features.Fhir.Import;

/// <summary>
/// FHIR R4 Patient and Condition → our patient and case draft (docs/fhir-mapping.md "Import"). Pure functions over the
/// Firely POCOs: each answers the value or the issue that stops it, never a guess.
/// </summary>
public static class FhirPatientMapping
{
    public const string IdentifierTypeSystem = "http://terminology.hl7.org/CodeSystem/v2-0203";

    /// <summary>
    /// The medical record number: the identifiers whose system is the hospital's (<paramref name="mrnSystem"/>), else
    /// those typed MR (HL7 v2-0203); an identifier marked old is never used. Several different values at the chosen level
    /// are an error: which one is this board's patient is not ours to guess.
    /// </summary>
    public static (string? Mrn, FhirIssue? Issue) ChooseMrn(Patient patient, string? mrnSystem)
    {
        var current = patient.Identifier.Where(i => i.Use != Identifier.IdentifierUse.Old && !string.IsNullOrWhiteSpace(i.Value)).ToList();
        var bySystem = current.Where(i => !string.IsNullOrWhiteSpace(mrnSystem) && i.System == mrnSystem).ToList();
        var byType = current.Where(i => i.Type?.Coding.Any(c => c.System == IdentifierTypeSystem && c.Code == "MR") == true).ToList();
        var chosen = bySystem.Count > 0 ? bySystem : byType;
        var values = chosen.Select(i => i.Value!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        return values.Count switch
        {
            0 => (null, FhirIssue.Error("Patient.identifier",
                $"The record has no medical record number: no identifier with the system {mrnSystem} or the type MR (HL7 v2-0203).")),
            1 => (values[0], null),
            _ => (null, FhirIssue.Error("Patient.identifier",
                $"The record has {values.Count} different medical record numbers ({string.Join(", ", values)}): send the one of this hospital only.")),
        };
    }

    /// <summary>
    /// The name: the official one, else the usual one, else one without a use; never an old, maiden, nickname, anonymous
    /// or temporary name, nor one whose period has ended. Family name as given; given names joined by a space.
    /// </summary>
    public static (string? Family, string? Given, FhirIssue? Issue) ChooseName(Patient patient, DateOnly today)
    {
        var current = patient.Name.Where(n => n.Period?.End is not { Length: >= 10 } end || string.CompareOrdinal(end[..10], today.ToString("yyyy-MM-dd")) >= 0).ToList();
        var name = current.FirstOrDefault(n => n.Use == HumanName.NameUse.Official)
            ?? current.FirstOrDefault(n => n.Use == HumanName.NameUse.Usual)
            ?? current.FirstOrDefault(n => n.Use is null);
        if (name is null)
            return (null, null, FhirIssue.Error("Patient.name", "The record has no current official or usual name of the patient."));
        var family = name.Family?.Trim();
        var given = string.Join(' ', name.Given.Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g!.Trim()));
        if (string.IsNullOrEmpty(family))
            return (null, null, FhirIssue.Error("Patient.name.family", "The patient's name in the record has no family name."));
        if (given.Length == 0)
            return (null, null, FhirIssue.Error("Patient.name.given", "The patient's name in the record has no given name."));
        return (family, given, null);
    }

    /// <summary>The date of birth: a full date (FHIR allows "1960" or "1960-05", which cannot be registered).</summary>
    public static (DateOnly? Date, FhirIssue? Issue) BirthDate(Patient patient)
    {
        if (string.IsNullOrWhiteSpace(patient.BirthDate))
            return (null, FhirIssue.Error("Patient.birthDate", "The record has no date of birth."));
        return DateOnly.TryParseExact(patient.BirthDate, "yyyy-MM-dd", out var date)
            ? (date, null)
            : (null, FhirIssue.Error("Patient.birthDate", $"The date of birth '{patient.BirthDate}' is not a full date (year, month and day)."));
    }

    /// <summary>Administrative gender → our sex; a record that does not say is "unknown" (FHIR's own code for it).</summary>
    public static Sex SexOf(AdministrativeGender? gender) => gender switch
    {
        AdministrativeGender.Female => Sex.Female,
        AdministrativeGender.Male => Sex.Male,
        AdministrativeGender.Other => Sex.Other,
        _ => Sex.Unknown,
    };

    /// <summary>
    /// The histology the Condition's codings pre-fill: every coding that the table knows; none when none is known or when
    /// two codings point at different histologies (the coordinator chooses). Verified when one of them names the histology
    /// (not only the site); the source is that coding, with its own display as the record sends it.
    /// </summary>
    public static HistologyPrefill? HistologyOf(CodeableConcept? code)
    {
        if (code is null) return null;
        var rows = code.Coding.Select(c => (coding: c, row: HistologyCodes.Match(c.System, c.Code)))
            .Where(x => x.row is not null).ToList();
        if (rows.Count == 0 || rows.Select(x => x.row!.Histology).Distinct().Count() > 1) return null;
        var (coding, row) = rows.OrderByDescending(x => x.row!.Verified).First();
        var source = $"{row!.Scheme} {coding.Code!.Trim()}" + (string.IsNullOrWhiteSpace(coding.Display) ? "" : $" {coding.Display!.Trim()}");
        return new HistologyPrefill(row.Histology, source, row.Verified);
    }

    /// <summary>The date of diagnosis: the Condition's onset as a date (dateTime or a full date), else none.</summary>
    public static DateOnly? DiagnosisDate(Condition condition) =>
        condition.Onset is FhirDateTime { Value: { Length: >= 10 } value } && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", out var date)
            ? date : null;
}
