namespace TumorBoard.Domain.Decisions;

/// <summary>What the board concluded for this discussion.</summary>
public enum DecisionOutcome
{
    /// <summary>A treatment plan is recommended (one or more ordered plan steps).</summary>
    TreatmentRecommendation,
    /// <summary>The board cannot decide yet; the case is re-listed automatically once signed.</summary>
    MoreInformationNeeded,
    /// <summary>Standard of care confirmed (a streamlined, triaged case still gets a recorded outcome).</summary>
    StandardOfCareConfirmed,
}

/// <summary>What the board asks for before discussing the case again.</summary>
public enum InformationNeeded { Imaging, Biopsy, Consult }

/// <summary>The treatment options NOMS integrates, plus supportive care and referrals (issue #6).</summary>
public enum PlanStepKind
{
    SeparationSurgery,
    Stabilisation,
    CementAugmentation,
    EnBlocResection,
    ConventionalEbrt,
    SbrtSrs,
    SystemicTherapy,
    BoneModifyingAgent,
    BestSupportiveCare,
    ReferralPalliativeCare,
    ReferralPain,
    ReferralRehabilitation,
    ReferralClinicalTrial,
}

/// <summary>When a plan step should happen.</summary>
public enum StepTiming
{
    /// <summary>Within 24 hours (e.g. MSCC with neurological deficit).</summary>
    Emergency,
    /// <summary>Within a week.</summary>
    Urgent,
    /// <summary>Within four weeks.</summary>
    Soon,
    /// <summary>Once the previous step is completed (e.g. radiotherapy after separation surgery).</summary>
    AfterPreviousStep,
    /// <summary>Planned electively, no fixed window.</summary>
    Elective,
}

public enum TreatmentIntent { Palliative, LocalControl, CurativeIntent }

/// <summary>How the decision relates to the computed NOMS suggestion (scores.md §3.3: the suggestion is advisory).</summary>
public enum NomsConcordance { Concordant, Discordant }

public enum DiscordanceReason { PatientPreference, Comorbidity, PriorRadiotherapy, NewFindings, Other }

/// <summary>Draft: being written in the meeting. Signed: the current decision. Superseded: replaced by a later signed version.</summary>
public enum DecisionStatus { Draft, Signed, Superseded }

/// <summary>A member's position on the draft decision.</summary>
public enum PositionKind { Agree, Disagree, Abstain }

/// <summary>What happened to a plan step (practice.md (b)13: implemented / partially / deviated / unknown).</summary>
public enum FollowUpStatus { Implemented, PartiallyImplemented, NotImplemented, Unknown }

/// <summary>Why a step was not (or only partly) carried out (practice.md (b)13, (d)10).</summary>
public enum DeviationReason { PatientWish, MedicalReason, Death, NewFindings, Other }

/// <summary>A decision made by the board in a meeting, or an emergency plan agreed outside a meeting for a P1 case (issue #14 part 1).</summary>
public enum DecisionKind { Board, EmergencyPlan }
