using System.Text.RegularExpressions;
using TumorBoard.Domain.Clinical;

namespace TumorBoard.Application.Features.Fhir.Import;

/// <summary>One row of the code → histology table: a code (ICD-10 rows match the code and every sub-code under it, "C50"
/// takes "C50.9", "C90.0" takes the US "C90.00"), the histology it pre-fills, whether the code names that histology
/// (<see cref="Verified"/>; false: it names only the site, and the row is the histology most tumours there have), and
/// the code's title in its code system, as checked (docs/fhir-mapping.md names the sources).</summary>
public sealed record HistologyCodeRow(string Scheme, string Code, PrimaryHistology Histology, bool Verified, string Note);

/// <summary>
/// The primary tumour's <c>Condition.code</c> → our histology, for the pre-fill of a case from the hospital's FHIR data
/// (docs/fhir-mapping.md "Histology from the Condition"). Only codes that name one of our histologies are listed: a lung
/// code without the cell type (ICD-10 C34) is left for the coordinator to choose between non-small-cell and small-cell,
/// as is every code not in the table. The case form shows the result as pre-filled; the coordinator confirms it.
/// </summary>
public static class HistologyCodes
{
    public const string Snomed = "http://snomed.info/sct";
    public const string IcdO3 = "http://terminology.hl7.org/CodeSystem/icd-o-3";

    /// <summary>ICD-10 as WHO (FHIR's own system URI), the German modification (MII) and the US clinical modification.</summary>
    public static readonly string[] Icd10Systems =
        ["http://hl7.org/fhir/sid/icd-10", "http://fhir.de/CodeSystem/bfarm/icd-10-gm", "http://fhir.de/CodeSystem/dimdi/icd-10-gm", "http://hl7.org/fhir/sid/icd-10-cm"];

    const string Site = "; a site only: the histology most tumours of this site have";

    /// <summary>ICD-10 chapter II categories and sub-categories (titles of WHO ICD-10 2019).</summary>
    public static readonly IReadOnlyList<HistologyCodeRow> Sites =
    [
        new("ICD-10", "C15", PrimaryHistology.Oesophageal, true, "Malignant neoplasm of oesophagus"),
        new("ICD-10", "C16", PrimaryHistology.Gastric, true, "Malignant neoplasm of stomach"),
        new("ICD-10", "C18", PrimaryHistology.Colorectal, true, "Malignant neoplasm of colon"),
        new("ICD-10", "C19", PrimaryHistology.Colorectal, true, "Malignant neoplasm of rectosigmoid junction"),
        new("ICD-10", "C20", PrimaryHistology.Colorectal, true, "Malignant neoplasm of rectum"),
        new("ICD-10", "C22.0", PrimaryHistology.Hepatocellular, true, "Liver cell carcinoma (C22.1, intrahepatic bile duct carcinoma, is not)"),
        new("ICD-10", "C25", PrimaryHistology.Pancreatic, true, "Malignant neoplasm of pancreas"),
        new("ICD-10", "C40", PrimaryHistology.Sarcoma, false, "Malignant neoplasm of bone and articular cartilage of limbs" + Site),
        new("ICD-10", "C41", PrimaryHistology.Sarcoma, false, "Malignant neoplasm of bone and articular cartilage of other and unspecified sites" + Site),
        new("ICD-10", "C43", PrimaryHistology.Melanoma, true, "Malignant melanoma of skin"),
        new("ICD-10", "C49", PrimaryHistology.Sarcoma, false, "Malignant neoplasm of other connective and soft tissue" + Site),
        new("ICD-10", "C50", PrimaryHistology.Breast, true, "Malignant neoplasm of breast"),
        new("ICD-10", "C54", PrimaryHistology.Uterine, true, "Malignant neoplasm of corpus uteri"),
        new("ICD-10", "C55", PrimaryHistology.Uterine, true, "Malignant neoplasm of uterus, part unspecified"),
        new("ICD-10", "C56", PrimaryHistology.Ovarian, true, "Malignant neoplasm of ovary"),
        new("ICD-10", "C61", PrimaryHistology.Prostate, true, "Malignant neoplasm of prostate"),
        new("ICD-10", "C62", PrimaryHistology.GermCell, false, "Malignant neoplasm of testis" + Site),
        new("ICD-10", "C64", PrimaryHistology.RenalCell, false, "Malignant neoplasm of kidney, except renal pelvis" + Site),
        new("ICD-10", "C67", PrimaryHistology.Bladder, true, "Malignant neoplasm of bladder"),
        new("ICD-10", "C73", PrimaryHistology.Thyroid, true, "Malignant neoplasm of thyroid gland"),
        // Only C80.0: C80.9 is a site left unsaid (not one found unknown), and ICD-10-CM's C80.2 is a transplanted organ's.
        new("ICD-10", "C80.0", PrimaryHistology.UnknownPrimary, true, "Malignant neoplasm, primary site unknown, so stated (ICD-10-CM: disseminated, unspecified)"),
        new("ICD-10", "C81", PrimaryHistology.Lymphoma, true, "Hodgkin lymphoma"),
        new("ICD-10", "C82", PrimaryHistology.Lymphoma, true, "Follicular lymphoma"),
        new("ICD-10", "C83", PrimaryHistology.Lymphoma, true, "Non-follicular lymphoma"),
        new("ICD-10", "C84", PrimaryHistology.Lymphoma, true, "Mature T/NK-cell lymphomas"),
        new("ICD-10", "C85", PrimaryHistology.Lymphoma, true, "Other and unspecified types of non-Hodgkin lymphoma"),
        new("ICD-10", "C90.0", PrimaryHistology.MultipleMyeloma, true, "Multiple myeloma"),
        new("ICD-10", "C90.3", PrimaryHistology.MultipleMyeloma, true, "Solitary plasmacytoma (scores.md §3.2 classes it with myeloma)"),
    ];

    /// <summary>ICD-O-3 morphology codes (histology/behaviour, "8312/3"; titles of ICD-O-3.2, IARC).</summary>
    public static readonly IReadOnlyList<HistologyCodeRow> Morphologies =
    [
        new("ICD-O-3", "8170/3", PrimaryHistology.Hepatocellular, true, "Hepatocellular carcinoma, NOS"),
        new("ICD-O-3", "8240/3", PrimaryHistology.Neuroendocrine, true, "Neuroendocrine tumour, grade 1 (carcinoid tumour, NOS)"),
        new("ICD-O-3", "8246/3", PrimaryHistology.Neuroendocrine, true, "Neuroendocrine carcinoma, NOS"),
        new("ICD-O-3", "8312/3", PrimaryHistology.RenalCell, true, "Renal cell carcinoma, NOS"),
        new("ICD-O-3", "8720/3", PrimaryHistology.Melanoma, true, "Malignant melanoma, NOS"),
        new("ICD-O-3", "8800/3", PrimaryHistology.Sarcoma, true, "Sarcoma, NOS"),
        new("ICD-O-3", "9180/3", PrimaryHistology.Sarcoma, true, "Osteosarcoma, NOS"),
        new("ICD-O-3", "9220/3", PrimaryHistology.Sarcoma, true, "Chondrosarcoma, NOS"),
        new("ICD-O-3", "9260/3", PrimaryHistology.Sarcoma, true, "Ewing sarcoma"),
        new("ICD-O-3", "9061/3", PrimaryHistology.GermCell, true, "Seminoma, NOS"),
        new("ICD-O-3", "9065/3", PrimaryHistology.GermCell, true, "Germ cell tumour, nonseminomatous"),
        new("ICD-O-3", "9070/3", PrimaryHistology.GermCell, true, "Embryonal carcinoma, NOS"),
        new("ICD-O-3", "9590/3", PrimaryHistology.Lymphoma, true, "Malignant lymphoma, NOS"),
        new("ICD-O-3", "9650/3", PrimaryHistology.Lymphoma, true, "Hodgkin lymphoma, NOS"),
        new("ICD-O-3", "9680/3", PrimaryHistology.Lymphoma, true, "Diffuse large B-cell lymphoma, NOS"),
        new("ICD-O-3", "9731/3", PrimaryHistology.MultipleMyeloma, true, "Plasmacytoma, NOS (solitary plasmacytoma of bone)"),
        new("ICD-O-3", "9732/3", PrimaryHistology.MultipleMyeloma, true, "Multiple myeloma"),
    ];

    /// <summary>SNOMED CT disorder concepts, exact ids (no subsumption offline); their fully specified names without "(disorder)".</summary>
    public static readonly IReadOnlyList<HistologyCodeRow> SnomedConcepts =
    [
        new("SNOMED CT", "254637007", PrimaryHistology.LungNsclc, true, "Non-small cell lung cancer"),
        new("SNOMED CT", "254632001", PrimaryHistology.SmallCellLung, true, "Small cell carcinoma of lung"),
        new("SNOMED CT", "254837009", PrimaryHistology.Breast, true, "Malignant neoplasm of breast"),
        new("SNOMED CT", "399068003", PrimaryHistology.Prostate, true, "Malignant neoplasm of prostate"),
        new("SNOMED CT", "702391001", PrimaryHistology.RenalCell, true, "Renal cell carcinoma"),
        new("SNOMED CT", "363478007", PrimaryHistology.Thyroid, true, "Malignant tumor of thyroid gland"),
        new("SNOMED CT", "363406005", PrimaryHistology.Colorectal, true, "Malignant neoplasm of colon"),
        new("SNOMED CT", "363351006", PrimaryHistology.Colorectal, true, "Malignant neoplasm of rectum"),
        new("SNOMED CT", "372244006", PrimaryHistology.Melanoma, true, "Malignant melanoma"),
        new("SNOMED CT", "363349007", PrimaryHistology.Gastric, true, "Malignant tumor of stomach"),
        new("SNOMED CT", "363402007", PrimaryHistology.Oesophageal, true, "Malignant tumor of esophagus"),
        new("SNOMED CT", "363418001", PrimaryHistology.Pancreatic, true, "Malignant tumor of pancreas"),
        new("SNOMED CT", "399326009", PrimaryHistology.Bladder, true, "Malignant neoplasm of urinary bladder"),
        new("SNOMED CT", "363443007", PrimaryHistology.Ovarian, true, "Malignant neoplasm of ovary"),
        new("SNOMED CT", "118600007", PrimaryHistology.Lymphoma, true, "Malignant lymphoma"),
        new("SNOMED CT", "109989006", PrimaryHistology.MultipleMyeloma, true, "Multiple myeloma"),
    ];

    static readonly Regex Morphology = new(@"^\d{4}/\d$", RegexOptions.CultureInvariant);

    /// <summary>
    /// The row a coding matches, if any: by system, then the code (ICD-10 markers †*! and GM's +/! stripped). An ICD-O-3
    /// topography code ("C50.9") names where the tumour is, never what it is (its histology is the morphology code): it
    /// takes the ICD-10 row of the same C-code as a site only, never as verified.
    /// </summary>
    public static HistologyCodeRow? Match(string? system, string? code)
    {
        if (string.IsNullOrWhiteSpace(system) || string.IsNullOrWhiteSpace(code)) return null;
        var c = code.Trim().TrimEnd('†', '*', '!', '+').ToUpperInvariant();
        if (system == Snomed) return SnomedConcepts.FirstOrDefault(r => r.Code == c);
        if (system == IcdO3 && Morphology.IsMatch(c)) return Morphologies.FirstOrDefault(r => r.Code == c);
        if (system == IcdO3)
            return SiteOf(c) is { } site ? site with { Scheme = "ICD-O-3", Verified = false, Note = site.Note + TopographyOnly } : null;
        if (Icd10Systems.Contains(system)) return SiteOf(c);
        return null;
    }

    const string TopographyOnly = " (as an ICD-O-3 topography: the site only)";

    /// <summary>
    /// The most specific row: "C90.0" before "C90"; a three-character row ("C50") takes any sub-code ("C50.9", "C509",
    /// ICD-10-CM's "C50.911"), a four-character row ("C90.0") its own and ICD-10-CM's longer ones ("C90.00").
    /// </summary>
    static HistologyCodeRow? SiteOf(string code) =>
        Sites.Where(r => code.StartsWith(r.Code, StringComparison.Ordinal)
                && (code.Length == r.Code.Length || (r.Code.Length == 3 ? code[3] == '.' || char.IsDigit(code[3]) : char.IsLetterOrDigit(code[r.Code.Length]))))
            .OrderByDescending(r => r.Code.Length).FirstOrDefault();
}
