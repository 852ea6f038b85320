using Hl7.Fhir.Model;
using TumorBoard.Application.Features.Fhir.Import;
using TumorBoard.Domain.Clinical;
using Sex = TumorBoard.Domain.Patients.Sex;

namespace TumorBoard.UnitTests.Fhir;

/// <summary>The FHIR → patient mapping of the import (docs/fhir-mapping.md "Import"): identifier choice, names, dates, gender, histology codes.</summary>
public sealed class FhirPatientMappingTests
{
    const string Hospital = "urn:oid:2.999.1.1";
    static readonly DateOnly Today = new(2026, 12, 2);

    static Identifier Typed(string code, string value, string? system = null) => new(system, value)
    {
        Type = new CodeableConcept(FhirPatientMapping.IdentifierTypeSystem, code),
    };

    public static TheoryData<string, Identifier[], string?> Identifiers() => new()
    {
        { "the hospital's system", [new Identifier(Hospital, "H-1")], "H-1" },
        { "typed MR, any system", [Typed("MR", "MR-7", "urn:oid:1.2.3")], "MR-7" },
        { "the hospital's system wins over a typed MR of another", [Typed("MR", "OTHER-1", "urn:oid:1.2.3"), new Identifier(Hospital, "H-2")], "H-2" },
        { "the same value twice is one", [new Identifier(Hospital, "H-3"), Typed("MR", "H-3", Hospital)], "H-3" },
        { "an old identifier is never used", [new Identifier(Hospital, "OLD-1") { Use = Identifier.IdentifierUse.Old }, Typed("MR", "NEW-1")], "NEW-1" },
        { "values are trimmed", [new Identifier(Hospital, "  H-4 ")], "H-4" },
        { "no system or type: none", [new Identifier("urn:oid:9.9", "X-1")], null },
        { "another type (social security): none", [Typed("SS", "756.1234")], null },
        { "two different MRNs of the hospital: none", [new Identifier(Hospital, "H-5"), new Identifier(Hospital, "H-6")], null },
        { "an empty value: none", [new Identifier(Hospital, " ")], null },
    };

    [Theory]
    [MemberData(nameof(Identifiers))]
    public void Chooses_the_medical_record_number(string why, Identifier[] identifiers, string? expected)
    {
        var patient = new Patient();
        patient.Identifier.AddRange(identifiers);
        var (mrn, issue) = FhirPatientMapping.ChooseMrn(patient, Hospital);
        mrn.ShouldBe(expected, why);
        if (expected is null) issue.ShouldNotBeNull(why).Location.ShouldBe("Patient.identifier");
        else issue.ShouldBeNull(why);
    }

    static HumanName Name(HumanName.NameUse? use, string? family, params string[] given) =>
        new() { Use = use, Family = family, Given = given };

    public static TheoryData<string, HumanName[], string?, string?> Names() => new()
    {
        { "official", [Name(HumanName.NameUse.Official, "Muster", "Anna")], "Muster", "Anna" },
        { "official before usual", [Name(HumanName.NameUse.Usual, "Nick", "N"), Name(HumanName.NameUse.Official, "Muster", "Anna")], "Muster", "Anna" },
        { "usual when no official", [Name(HumanName.NameUse.Nickname, "Nick", "N"), Name(HumanName.NameUse.Usual, "Meier", "Eva")], "Meier", "Eva" },
        { "a name without use", [Name(null, "Keller", "Jo")], "Keller", "Jo" },
        { "given names joined", [Name(HumanName.NameUse.Official, "Muster", "Anna", "Maria")], "Muster", "Anna Maria" },
        { "maiden only: none", [Name(HumanName.NameUse.Maiden, "Alt", "Anna")], null, null },
        { "ended official name is not current", [new HumanName { Use = HumanName.NameUse.Official, Family = "Alt", Given = ["A"], Period = new Period { End = "2020-01-01" } },
            Name(HumanName.NameUse.Usual, "Neu", "A")], "Neu", "A" },
        { "no family name: none", [Name(HumanName.NameUse.Official, null, "Anna")], null, null },
        { "no given name: none", [Name(HumanName.NameUse.Official, "Muster")], null, null },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Chooses_the_current_name(string why, HumanName[] names, string? family, string? given)
    {
        var patient = new Patient();
        patient.Name.AddRange(names);
        var (f, g, issue) = FhirPatientMapping.ChooseName(patient, Today);
        (f, g).ShouldBe((family, given), why);
        (issue is null).ShouldBe(family is not null, why);
    }

    [Theory]
    [InlineData("1961-04-12", "1961-04-12")]
    [InlineData("1961-04", null)]
    [InlineData("1961", null)]
    [InlineData(null, null)]
    public void Takes_only_a_full_birth_date(string? birthDate, string? expected)
    {
        var (date, issue) = FhirPatientMapping.BirthDate(new Patient { BirthDate = birthDate });
        date?.ToString("yyyy-MM-dd").ShouldBe(expected);
        (date is null).ShouldBe(expected is null);
        (issue is null).ShouldBe(expected is not null);
    }

    [Theory]
    [InlineData(AdministrativeGender.Female, Sex.Female)]
    [InlineData(AdministrativeGender.Male, Sex.Male)]
    [InlineData(AdministrativeGender.Other, Sex.Other)]
    [InlineData(AdministrativeGender.Unknown, Sex.Unknown)]
    [InlineData(null, Sex.Unknown)]
    public void Maps_administrative_gender_to_sex(AdministrativeGender? gender, Sex expected) =>
        FhirPatientMapping.SexOf(gender).ShouldBe(expected);

    public static TheoryData<string, string, PrimaryHistology?> Codes() => new()
    {
        { "http://hl7.org/fhir/sid/icd-10", "C50.9", PrimaryHistology.Breast },
        { "http://hl7.org/fhir/sid/icd-10", "C50", PrimaryHistology.Breast },
        { "http://fhir.de/CodeSystem/bfarm/icd-10-gm", "C61", PrimaryHistology.Prostate },
        { "http://hl7.org/fhir/sid/icd-10-cm", "C64.1", PrimaryHistology.RenalCell },
        { "http://hl7.org/fhir/sid/icd-10", "C18.7", PrimaryHistology.Colorectal },
        { "http://hl7.org/fhir/sid/icd-10", "C20", PrimaryHistology.Colorectal },
        { "http://hl7.org/fhir/sid/icd-10", "C22.0", PrimaryHistology.Hepatocellular },
        { "http://hl7.org/fhir/sid/icd-10", "C22.1", null },          // bile duct: not hepatocellular
        { "http://hl7.org/fhir/sid/icd-10", "C34.1", null },          // lung without the cell type: the coordinator chooses
        { "http://hl7.org/fhir/sid/icd-10", "C90.0", PrimaryHistology.MultipleMyeloma },
        { "http://hl7.org/fhir/sid/icd-10", "C90.1", null },          // plasma cell leukaemia: not listed
        { "http://hl7.org/fhir/sid/icd-10", "C80.0", PrimaryHistology.UnknownPrimary },
        { "http://hl7.org/fhir/sid/icd-10", "C80.9", null },          // primary site unspecified: not the same as unknown
        { "http://hl7.org/fhir/sid/icd-10-cm", "C80.2", null },       // CM: a neoplasm of a transplanted organ
        { "http://hl7.org/fhir/sid/icd-10-cm", "C90.00", PrimaryHistology.MultipleMyeloma },   // CM's sixth character
        { "http://hl7.org/fhir/sid/icd-10-cm", "C50.911", PrimaryHistology.Breast },
        { "http://hl7.org/fhir/sid/icd-10", "c73", PrimaryHistology.Thyroid },
        { "http://fhir.de/CodeSystem/bfarm/icd-10-gm", "C79.5!", null }, // the bone metastasis itself, not the primary
        { "http://terminology.hl7.org/CodeSystem/icd-o-3", "8312/3", PrimaryHistology.RenalCell },
        { "http://terminology.hl7.org/CodeSystem/icd-o-3", "9732/3", PrimaryHistology.MultipleMyeloma },
        { "http://terminology.hl7.org/CodeSystem/icd-o-3", "8140/3", null }, // adenocarcinoma NOS: any site
        { "http://terminology.hl7.org/CodeSystem/icd-o-3", "C50.4", PrimaryHistology.Breast }, // topography
        { "http://snomed.info/sct", "254637007", PrimaryHistology.LungNsclc },
        { "http://snomed.info/sct", "254632001", PrimaryHistology.SmallCellLung },
        { "http://snomed.info/sct", "363346000", null },              // malignant neoplastic disease: too general
        { "http://loinc.org", "C50.9", null },                        // a code of another system is not read as ICD-10
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public void Maps_the_condition_code_to_a_histology(string system, string code, PrimaryHistology? expected)
    {
        // (system, code, display, text): the three-argument constructor would put the words in CodeableConcept.text.
        var prefill = FhirPatientMapping.HistologyOf(new CodeableConcept(system, code, "Display", null));
        ((PrimaryHistology?)prefill?.Histology).ShouldBe(expected);
        (prefill is null).ShouldBe(expected is null);
        if (prefill is not null) prefill.Source.ShouldEndWith($"{code.Trim()} Display");
    }

    [Fact]
    public void The_source_names_the_matched_coding_with_its_own_display_never_the_concepts_text()
    {
        var withDisplay = new CodeableConcept("http://hl7.org/fhir/sid/icd-10", "C50.9", "Breast, unspecified", "Mammakarzinom links");
        FhirPatientMapping.HistologyOf(withDisplay).ShouldNotBeNull().Source.ShouldBe("ICD-10 C50.9 Breast, unspecified");
        // Text belongs to the concept (all its codings, or none): it is not the words of the coding that matched.
        var textOnly = new CodeableConcept("http://hl7.org/fhir/sid/icd-10", "C50.9", "Mammakarzinom links");
        FhirPatientMapping.HistologyOf(textOnly).ShouldNotBeNull().Source.ShouldBe("ICD-10 C50.9");
    }

    [Fact]
    public void Two_codings_that_disagree_prefill_nothing_and_two_that_agree_prefill_it()
    {
        var disagree = new CodeableConcept { Coding = [new Coding("http://hl7.org/fhir/sid/icd-10", "C50.9"), new Coding("http://snomed.info/sct", "399068003")] };
        FhirPatientMapping.HistologyOf(disagree).ShouldBeNull();
        var agree = new CodeableConcept { Coding = [new Coding("http://hl7.org/fhir/sid/icd-10", "C50.9"), new Coding("http://snomed.info/sct", "254837009")] };
        var prefill = FhirPatientMapping.HistologyOf(agree).ShouldNotBeNull();
        prefill.Histology.ShouldBe(PrimaryHistology.Breast);
        prefill.Verified.ShouldBeTrue();
    }

    [Fact]
    public void A_site_code_prefills_unverified_unless_another_coding_names_the_histology()
    {
        var site = FhirPatientMapping.HistologyOf(new CodeableConcept("http://hl7.org/fhir/sid/icd-10", "C64.9")).ShouldNotBeNull();
        (site.Histology, site.Verified).ShouldBe((PrimaryHistology.RenalCell, false));
        var topography = FhirPatientMapping.HistologyOf(new CodeableConcept(HistologyCodes.IcdO3, "C50.9")).ShouldNotBeNull();
        (topography.Histology, topography.Verified, topography.Source).ShouldBe((PrimaryHistology.Breast, false, "ICD-O-3 C50.9"));

        var named = new CodeableConcept { Coding = [new Coding("http://hl7.org/fhir/sid/icd-10", "C64.9"), new Coding("http://snomed.info/sct", "702391001", "Renal cell carcinoma")] };
        var prefill = FhirPatientMapping.HistologyOf(named).ShouldNotBeNull();
        (prefill.Histology, prefill.Verified, prefill.Source).ShouldBe((PrimaryHistology.RenalCell, true, "SNOMED CT 702391001 Renal cell carcinoma"));
    }

    [Fact]
    public void Every_table_row_has_a_histology_a_note_and_a_unique_code()
    {
        var rows = HistologyCodes.Sites.Concat(HistologyCodes.Morphologies).Concat(HistologyCodes.SnomedConcepts).ToList();
        rows.ShouldAllBe(r => Enum.IsDefined(r.Histology) && r.Note.Length > 0);
        rows.GroupBy(r => (r.Scheme, r.Code)).ShouldAllBe(g => g.Count() == 1);
        HistologyCodes.SnomedConcepts.ShouldAllBe(r => r.Verified);   // each names one disorder (ids checked: docs/fhir-mapping.md)
        HistologyCodes.Morphologies.ShouldAllBe(r => r.Verified);
    }

    [Fact]
    public void The_diagnosis_date_is_the_onset_date()
    {
        FhirPatientMapping.DiagnosisDate(new Condition { Onset = new FhirDateTime("2026-03-04T10:00:00+01:00") }).ShouldBe(new DateOnly(2026, 3, 4));
        FhirPatientMapping.DiagnosisDate(new Condition { Onset = new FhirDateTime("2026-03") }).ShouldBeNull();
        FhirPatientMapping.DiagnosisDate(new Condition { Onset = new Age { Value = 60 } }).ShouldBeNull();
    }

    [Fact]
    public void Every_table_row_is_in_docs_fhir_mapping_with_its_histology()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TumorBoard.sln"))) dir = dir.Parent;
        var doc = File.ReadAllText(Path.Combine(dir!.FullName, "docs", "fhir-mapping.md"));
        var rows = HistologyCodes.Sites.Concat(HistologyCodes.Morphologies).Concat(HistologyCodes.SnomedConcepts)
            .Select(r => $"| {r.Scheme} | `{r.Code}` | {r.Histology} | {(r.Verified ? "yes" : "no")} | {r.Note} |").ToList();
        var documented = doc[doc.IndexOf("### Histology from the Condition", StringComparison.Ordinal)..].Split('\n')
            .Where(l => l.StartsWith("| ICD-10 |") || l.StartsWith("| ICD-O-3 |") || l.StartsWith("| SNOMED CT |")).ToList();
        documented.ShouldBe(rows);   // the same rows, in the same order, with the same titles: the table is the code's
        Enum.GetValues<PrimaryHistology>().Select(h => h.ToString()).ShouldContain(documented[0].Split(" | ")[2]);
    }
}
