using Hl7.Fhir.Model;
using TumorBoard.Application.Features.CaseHistory;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Security;
using Sex = TumorBoard.Domain.Patients.Sex;

namespace TumorBoard.Application.Features.Fhir;

/// <summary>The patient, the two conditions and the observations (performance status and scores) of a case.</summary>
public sealed class FhirCaseResources(FhirBundleBuilder b, CaseRow row)
{
    public const string ConditionCategory = "http://terminology.hl7.org/CodeSystem/condition-category";
    public const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
    const string AssertedDate = "http://hl7.org/fhir/StructureDefinition/condition-assertedDate";

    TumorBoardCase Case => row.Case;

    public ResourceReference Patient() => b.Add(FhirBundleBuilder.UrlFor("Patient", row.Patient.Id), () => new Patient
    {
        Identifier =
        [
            new Identifier(b.Options.MrnSystem, row.Patient.Mrn)
            {
                Use = Identifier.IdentifierUse.Usual,
                Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v2-0203", "MR", "Medical record number"),
            },
        ],
        Name = [new HumanName { Use = HumanName.NameUse.Official, Family = row.Patient.FamilyName, Given = [row.Patient.GivenName] }],
        Gender = row.Patient.Sex switch
        {
            Sex.Female => AdministrativeGender.Female,
            Sex.Male => AdministrativeGender.Male,
            Sex.Other => AdministrativeGender.Other,
            _ => AdministrativeGender.Unknown,
        },
        BirthDate = FhirBundleBuilder.Date(row.Patient.DateOfBirth),
    }, $"{row.Patient.FamilyName}, {row.Patient.GivenName} ({row.Patient.Mrn})");

    /// <summary>The primary tumour: our histology code (no verified SNOMED CT mapping here), the free text for "other".</summary>
    public ResourceReference PrimaryTumour() => b.Add(FhirBundleBuilder.UrlFor("Condition/primary", Case.Id), () =>
    {
        var text = Case.Histology == PrimaryHistology.Other && !string.IsNullOrWhiteSpace(Case.HistologyOtherText)
            ? $"Primary tumour: {Case.HistologyOtherText.Trim()}"
            : $"Primary tumour: {DisplayWords.Of(Case.Histology)}";
        var condition = Condition(b.Ours(Case.Histology, text));
        if (Case.DiagnosisDate is { } diagnosed)
            condition.Extension.Add(new Extension(AssertedDate, new FhirDateTime(FhirBundleBuilder.Date(diagnosed))));
        return condition;
    }, "Primary tumour");

    /// <summary>The spinal metastasis: SNOMED CT 94222008 with one bodySite per vertebral level of the case's lesions.</summary>
    public ResourceReference BoneMetastasis() => b.Add(FhirBundleBuilder.UrlFor("Condition/bone-metastasis", Case.Id), () =>
    {
        var condition = Condition(new CodeableConcept(FhirVocabulary.Snomed, FhirVocabulary.BoneMetastasisSnomed,
            "Secondary malignant neoplasm of bone", "Spinal metastasis"));
        condition.BodySite = [.. Levels().Select(b.Level)];
        return condition;
    }, "Spinal metastasis");

    IEnumerable<SpinalLevel> Levels() => Case.Lesions
        .SelectMany(l => Enumerable.Range((int)l.LevelFrom, (int)l.LevelTo - (int)l.LevelFrom + 1).Select(i => (SpinalLevel)i))
        .Distinct().Order();

    Condition Condition(CodeableConcept code) => new()
    {
        ClinicalStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"),
        VerificationStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed"),
        Category = [new CodeableConcept(ConditionCategory, "problem-list-item", "Problem List Item")],
        Code = code,
        Subject = Patient(),
        RecordedDate = FhirBundleBuilder.Instant(Case.CreatedAt),
    };

    /// <summary>
    /// The observations of the assessments a decision version rests on (<paramref name="versions"/>: each discipline's
    /// submitted version then), and ECOG/Karnofsky from medical oncology, else from the case. Returns references to them.
    /// </summary>
    public IReadOnlyList<ResourceReference> Observations(IReadOnlyList<(Assessment Assessment, AssessmentVersion Version)> versions)
    {
        List<ResourceReference> refs = [];
        var medOnc = versions.FirstOrDefault(v => v.Assessment.Discipline == Discipline.MedicalOncology);
        var medOncContent = medOnc.Version is null ? null
            : AssessmentJson.Deserialize(Discipline.MedicalOncology, medOnc.Version.ContentJson) as MedicalOncologyContent;
        var ecog = medOncContent?.Ecog ?? Case.Ecog;
        var karnofsky = medOncContent?.Karnofsky ?? Case.Karnofsky;
        var psSource = medOncContent?.Ecog is not null || medOncContent?.Karnofsky is not null ? medOnc.Version : null;
        var psKey = psSource?.Id ?? Case.Id;
        var psAt = psSource?.CreatedAt ?? Case.UpdatedAt;
        var psBy = psSource is null ? null : b.Practitioner(psSource.AuthorId, psSource.AuthorName);
        if (ecog is { } e)
            refs.Add(Performance("ecog", psKey, FhirVocabulary.EcogLoinc, "ECOG performance status", e, psAt, psBy));
        if (karnofsky is { } k)
            refs.Add(Performance("karnofsky", psKey, FhirVocabulary.KarnofskyLoinc, "Karnofsky performance status", k, psAt, psBy));

        foreach (var (assessment, version) in versions)
            refs.AddRange(new FhirScoreObservations(b, this, assessment.Discipline, version).Build());
        return refs;
    }

    ResourceReference Performance(string what, Guid key, string loinc, string display, int value, DateTimeOffset at, ResourceReference? by) =>
        b.Add(FhirBundleBuilder.UrlFor($"Observation/{what}", key), () => new Observation
        {
            Status = ObservationStatus.Final,
            Category = [new CodeableConcept(ObservationCategory, "survey", "Survey")],
            Code = new CodeableConcept(FhirVocabulary.Loinc, loinc, display, display),
            Subject = Patient(),
            Effective = new FhirDateTime(at.ToUniversalTime()),
            Performer = by is null ? [] : [by],
            Value = new Integer(value),
        }, $"{display} {value}");
}
