namespace TumorBoard.Domain.Mscc;

/// <summary>
/// The MSCC triage class (pathways.md §1.1). Ordered: a higher value is more urgent, so "raise, never lower" and
/// "P1 first" are comparisons of the value (stored as an int for the worklist index).
/// </summary>
public enum TriageLevel { Routine = 0, P2 = 1, P1 = 2 }

/// <summary>
/// Symptoms and signs recorded on the case (pathways.md §1.1). The first five are neurological (cord or cauda equina
/// compression: P1); the rest are spinal pain suggesting metastases without neurology (P2).
/// </summary>
public enum MsccSymptom
{
    RadicularPainWithWeakness,
    LimbWeakness,
    DifficultyWalking,
    SensoryLoss,
    BladderOrBowelDysfunction,
    ThoracicOrCervicalPain,
    ProgressivePain,
    PainOnStrainingOrLyingFlat,
    NightPain,
    LocalisedTenderness,
}

/// <summary>A moment of the MSCC pathway recorded on the case with who recorded it and when (pathways.md §1.2).</summary>
public enum MsccEvent
{
    SymptomOnset,
    FirstContact,
    MsccSuspected,
    MriWholeSpineDone,
    CoordinatorContacted,
    DexamethasoneStarted,
}

/// <summary>The pathway clocks (pathways.md §1.2): MRI and plan from the suspicion; radiotherapy from the decision.</summary>
public enum MsccClockName { Mri, TreatmentPlan, RadiotherapyStart }

public enum ClockState { Running, Met, Breached }

/// <summary>Why a clock was breached (pathways.md §1.3); Other needs a text.</summary>
public enum BreachReason { PatientUnfit, ImagingCapacity, PatientDeclined, Transfer, Other }
