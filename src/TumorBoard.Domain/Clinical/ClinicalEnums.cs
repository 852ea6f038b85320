namespace TumorBoard.Domain.Clinical;

// Shared clinical vocabularies. JSON carries the member names exactly as written here.
// Ordinal grades with letters are enumerations, never numbers (scores.md, general rule 3).

/// <summary>Spinal levels in cranio-caudal order; the numeric values give the order (used for ranges).</summary>
public enum SpinalLevel
{
    Occiput = 0,
    C1, C2, C3, C4, C5, C6, C7,
    T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12,
    L1, L2, L3, L4, L5,
    S1, S2, S3, S4, S5,
    Coccyx,
}

/// <summary>Coded histology of the primary tumour (foundation issue §4).</summary>
public enum PrimaryHistology
{
    LungNsclc,
    SmallCellLung,
    Breast,
    Prostate,
    RenalCell,
    Thyroid,
    Colorectal,
    Melanoma,
    Hepatocellular,
    Gastric,
    Oesophageal,
    Pancreatic,
    Bladder,
    Uterine,
    Ovarian,
    Sarcoma,
    Lymphoma,
    MultipleMyeloma,
    GermCell,
    Neuroendocrine,
    UnknownPrimary,
    Other,
}

/// <summary>Pain character (SINS component 2; case presentation). scores.md §1.1.</summary>
public enum PainCharacter { Mechanical, Occasional, None }

/// <summary>Frankel grade A-E (scores.md §7.1). Never mapped onto ASIA automatically.</summary>
public enum FrankelGrade { A, B, C, D, E }

/// <summary>ASIA Impairment Scale A-E (scores.md §7.2). Never mapped onto Frankel automatically.</summary>
public enum AsiaGrade { A, B, C, D, E }

/// <summary>Visceral metastases as the revised Tokuhashi score classifies them (scores.md §4).</summary>
public enum VisceralMetastases { None, Removable, Unremovable }
