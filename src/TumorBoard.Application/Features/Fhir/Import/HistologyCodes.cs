using System.Text.RegularExpressions;
using TumorBoard.Domain.Clinical;

namespace TumorBoard.Application.Features.Fhir.Import;

/// <summary>One row of the code → histology table: a code (ICD-10 and ICD-O-3 topography rows match the code and every
/// sub-code under it, "C50" takes "C50.9"), the histology it pre-fills, and how sure we are of the row.</summary>
public sealed record HistologyCodeRow(string Scheme, string Code, PrimaryHistology Histology, bool Verified, string Note);

/// <summary>
/// The primary tumour's <c>Condition.code</c> → our histology, for the pre-fill of a case from the hospital's FHIR data
/// (docs/fhir-mapping.md "Histology from the Condition"). Only codes that name one of our histologies without doubt are
/// listed: a lung code without the cell type (ICD-10 C34) is left for the coordinator to choose between non-small-cell and
/// small-cell, as is every code not in the table. The case form shows the result as pre-filled; the coordinator confirms it.
/// </summary>
public static class HistologyCodes
{
    public const string Snomed = "http://snomed.info/sct";
    public const string IcdO3 = "http://terminology.hl7.org/CodeSystem/icd-o-3";

    /// <summary>ICD-10 as WHO (FHIR's own system URI), the German modification (MII) and the US clinical modification.</summary>
    public static readonly string[] Icd10Systems =
        ["http://hl7.org/fhir/sid/icd-10", "http://fhir.de/CodeSystem/bfarm/icd-10-gm", "http://fhir.de/CodeSystem/dimdi/icd-10-gm", "http://hl7.org/fhir/sid/icd-10-cm"];

    const string Who = "ICD-10 chapter II three-character category (WHO)";
    const string Site = "site code: the histology most tumours of this site have; the coordinator confirms it";
    const string Recalled = "UNVERIFIED: SNOMED CT concept id not checked in a SNOMED CT browser (none offline)";

    /// <summary>ICD-10 (and ICD-O-3 topography, which uses the same C-codes) site categories.</summary>
    public static readonly IReadOnlyList<HistologyCodeRow> Sites =
    [
        new("ICD-10", "C15", PrimaryHistology.Oesophageal, true, Who),
        new("ICD-10", "C16", PrimaryHistology.Gastric, true, Who),
        new("ICD-10", "C18", PrimaryHistology.Colorectal, true, Who),
        new("ICD-10", "C19", PrimaryHistology.Colorectal, true, Who),
        new("ICD-10", "C20", PrimaryHistology.Colorectal, true, Who),
        new("ICD-10", "C22.0", PrimaryHistology.Hepatocellular, true, Who + " (C22.0 liver cell carcinoma; C22.1 bile duct is not)"),
        new("ICD-10", "C25", PrimaryHistology.Pancreatic, true, Who),
        new("ICD-10", "C40", PrimaryHistology.Sarcoma, false, Site),
        new("ICD-10", "C41", PrimaryHistology.Sarcoma, false, Site),
        new("ICD-10", "C43", PrimaryHistology.Melanoma, true, Who + " (malignant melanoma of skin)"),
        new("ICD-10", "C49", PrimaryHistology.Sarcoma, false, Site),
        new("ICD-10", "C50", PrimaryHistology.Breast, true, Who),
        new("ICD-10", "C54", PrimaryHistology.Uterine, true, Who + " (corpus uteri)"),
        new("ICD-10", "C55", PrimaryHistology.Uterine, true, Who + " (uterus, part unspecified)"),
        new("ICD-10", "C56", PrimaryHistology.Ovarian, true, Who),
        new("ICD-10", "C61", PrimaryHistology.Prostate, true, Who),
        new("ICD-10", "C62", PrimaryHistology.GermCell, false, Site),
        new("ICD-10", "C64", PrimaryHistology.RenalCell, false, Site),
        new("ICD-10", "C67", PrimaryHistology.Bladder, true, Who),
        new("ICD-10", "C73", PrimaryHistology.Thyroid, true, Who),
        new("ICD-10", "C80", PrimaryHistology.UnknownPrimary, true, Who + " (without specification of site)"),
        new("ICD-10", "C81", PrimaryHistology.Lymphoma, true, Who + " (Hodgkin lymphoma)"),
        new("ICD-10", "C82", PrimaryHistology.Lymphoma, true, Who),
        new("ICD-10", "C83", PrimaryHistology.Lymphoma, true, Who),
        new("ICD-10", "C84", PrimaryHistology.Lymphoma, true, Who),
        new("ICD-10", "C85", PrimaryHistology.Lymphoma, true, Who),
        new("ICD-10", "C90.0", PrimaryHistology.MultipleMyeloma, true, Who + " (multiple myeloma)"),
        new("ICD-10", "C90.3", PrimaryHistology.MultipleMyeloma, true, Who + " (solitary plasmacytoma; scores.md §3.2 classes it with myeloma)"),
    ];

    /// <summary>ICD-O-3 morphology codes (histology/behaviour, "8312/3").</summary>
    public static readonly IReadOnlyList<HistologyCodeRow> Morphologies =
    [
        new("ICD-O-3", "8170/3", PrimaryHistology.Hepatocellular, true, "ICD-O-3 hepatocellular carcinoma, NOS"),
        new("ICD-O-3", "8240/3", PrimaryHistology.Neuroendocrine, true, "ICD-O-3 carcinoid tumour, NOS / neuroendocrine tumour grade 1"),
        new("ICD-O-3", "8246/3", PrimaryHistology.Neuroendocrine, true, "ICD-O-3 neuroendocrine carcinoma, NOS"),
        new("ICD-O-3", "8312/3", PrimaryHistology.RenalCell, true, "ICD-O-3 renal cell carcinoma, NOS"),
        new("ICD-O-3", "8720/3", PrimaryHistology.Melanoma, true, "ICD-O-3 malignant melanoma, NOS"),
        new("ICD-O-3", "8800/3", PrimaryHistology.Sarcoma, true, "ICD-O-3 sarcoma, NOS"),
        new("ICD-O-3", "9180/3", PrimaryHistology.Sarcoma, true, "ICD-O-3 osteosarcoma, NOS"),
        new("ICD-O-3", "9220/3", PrimaryHistology.Sarcoma, true, "ICD-O-3 chondrosarcoma, NOS"),
        new("ICD-O-3", "9260/3", PrimaryHistology.Sarcoma, true, "ICD-O-3 Ewing sarcoma"),
        new("ICD-O-3", "9061/3", PrimaryHistology.GermCell, true, "ICD-O-3 seminoma, NOS"),
        new("ICD-O-3", "9065/3", PrimaryHistology.GermCell, true, "ICD-O-3 germ cell tumour, non-seminomatous"),
        new("ICD-O-3", "9070/3", PrimaryHistology.GermCell, true, "ICD-O-3 embryonal carcinoma, NOS"),
        new("ICD-O-3", "9590/3", PrimaryHistology.Lymphoma, true, "ICD-O-3 malignant lymphoma, NOS"),
        new("ICD-O-3", "9650/3", PrimaryHistology.Lymphoma, true, "ICD-O-3 Hodgkin lymphoma, NOS"),
        new("ICD-O-3", "9680/3", PrimaryHistology.Lymphoma, true, "ICD-O-3 diffuse large B-cell lymphoma, NOS"),
        new("ICD-O-3", "9731/3", PrimaryHistology.MultipleMyeloma, true, "ICD-O-3 plasmacytoma, NOS"),
        new("ICD-O-3", "9732/3", PrimaryHistology.MultipleMyeloma, true, "ICD-O-3 multiple myeloma"),
    ];

    /// <summary>SNOMED CT disorder concepts (exact codes; no subsumption offline).</summary>
    public static readonly IReadOnlyList<HistologyCodeRow> SnomedConcepts =
    [
        new("SNOMED CT", "254637007", PrimaryHistology.LungNsclc, false, Recalled + " (non-small cell lung cancer)"),
        new("SNOMED CT", "254632001", PrimaryHistology.SmallCellLung, false, Recalled + " (small cell carcinoma of lung)"),
        new("SNOMED CT", "254837009", PrimaryHistology.Breast, false, Recalled + " (malignant tumour of breast)"),
        new("SNOMED CT", "399068003", PrimaryHistology.Prostate, false, Recalled + " (malignant tumour of prostate)"),
        new("SNOMED CT", "702391001", PrimaryHistology.RenalCell, false, Recalled + " (renal cell carcinoma)"),
        new("SNOMED CT", "363478007", PrimaryHistology.Thyroid, false, Recalled + " (malignant tumour of thyroid gland)"),
        new("SNOMED CT", "363406005", PrimaryHistology.Colorectal, false, Recalled + " (malignant tumour of colon)"),
        new("SNOMED CT", "363351006", PrimaryHistology.Colorectal, false, Recalled + " (malignant tumour of rectum)"),
        new("SNOMED CT", "372244006", PrimaryHistology.Melanoma, false, Recalled + " (malignant melanoma)"),
        new("SNOMED CT", "363349007", PrimaryHistology.Gastric, false, Recalled + " (malignant tumour of stomach)"),
        new("SNOMED CT", "363402007", PrimaryHistology.Oesophageal, false, Recalled + " (malignant tumour of oesophagus)"),
        new("SNOMED CT", "363418001", PrimaryHistology.Pancreatic, false, Recalled + " (malignant tumour of pancreas)"),
        new("SNOMED CT", "399326009", PrimaryHistology.Bladder, false, Recalled + " (malignant tumour of urinary bladder)"),
        new("SNOMED CT", "363443007", PrimaryHistology.Ovarian, false, Recalled + " (malignant tumour of ovary)"),
        new("SNOMED CT", "118600007", PrimaryHistology.Lymphoma, false, Recalled + " (malignant lymphoma)"),
        new("SNOMED CT", "109989006", PrimaryHistology.MultipleMyeloma, false, Recalled + " (multiple myeloma)"),
    ];

    static readonly Regex Morphology = new(@"^\d{4}/\d$", RegexOptions.CultureInvariant);

    /// <summary>The row a coding matches, if any: by system, then the code (ICD-10 markers †*! and GM's +/! stripped).</summary>
    public static HistologyCodeRow? Match(string? system, string? code)
    {
        if (string.IsNullOrWhiteSpace(system) || string.IsNullOrWhiteSpace(code)) return null;
        var c = code.Trim().TrimEnd('†', '*', '!', '+').ToUpperInvariant();
        if (system == Snomed) return SnomedConcepts.FirstOrDefault(r => r.Code == c);
        if (system == IcdO3 && Morphology.IsMatch(c)) return Morphologies.FirstOrDefault(r => r.Code == c);
        if (system == IcdO3 || Icd10Systems.Contains(system)) return SiteOf(c);
        return null;
    }

    /// <summary>The most specific site row: "C90.0" before "C90", a category row ("C50") for any sub-code ("C50.9").</summary>
    static HistologyCodeRow? SiteOf(string code) =>
        Sites.Where(r => code == r.Code || code.StartsWith(r.Code + ".", StringComparison.Ordinal)
                || (r.Code.Length == 3 && code.Length > 3 && code.StartsWith(r.Code, StringComparison.Ordinal) && char.IsDigit(code[3])))
            .OrderByDescending(r => r.Code.Length).FirstOrDefault();
}
