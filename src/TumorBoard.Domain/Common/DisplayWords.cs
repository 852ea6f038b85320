using TumorBoard.Domain.Analytics;
using System.Text.RegularExpressions;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.PatientLetters;
using TumorBoard.Domain.Mscc;
using TumorBoard.Domain.Patients;
using TumorBoard.Domain.Scores;
using TumorBoard.Domain.Security;

namespace TumorBoard.Domain.Common;

/// <summary>
/// The one place that turns a domain value into the clinic's words: every page, the printed report, the case-history
/// export, the calendar and the option lists of the forms read their labels here. Each Domain enumeration lists the
/// words of every member below (a unit test fails when one is missing or two members of one enumeration share words);
/// the JSON API keeps carrying the member names. Field names ("TreatmentRecommendation" -> "Treatment recommendation")
/// are worded by rule through <see cref="Of(string)"/>.
/// </summary>
public static partial class DisplayWords
{
    /// <summary>What a page shows for a value that is not recorded.</summary>
    public const string NotRecorded = "—";

    static readonly Dictionary<Type, IReadOnlyDictionary<string, string>> Enums = new(
    [
        // Quality analytics
        Words((PeriodBasis.MeetingDate, "Meeting date"), (PeriodBasis.DecisionDate, "Decision date")),
        Words((VersionScope.Latest, "Latest version only"), (VersionScope.All, "All signed versions")),
        Words((MetricUnit.Proportion, "Proportion"), (MetricUnit.Hours, "Hours"), (MetricUnit.Days, "Days")),
        Words((ExportKind.decisions, "Decisions"), (ExportKind.steps, "Plan steps"), (ExportKind.attendance, "Attendance")),
        // Cases, patients, meetings
        Words((CaseStatus.Draft, "Draft"), (CaseStatus.ReadyForBoard, "Ready for board"), (CaseStatus.Scheduled, "Scheduled"),
            (CaseStatus.Discussed, "Discussed"), (CaseStatus.Decided, "Decided"), (CaseStatus.Closed, "Closed"), (CaseStatus.Withdrawn, "Withdrawn")),
        Words((Urgency.Routine, "Routine"), (Urgency.Urgent, "Urgent")),
        Words((Compartment.VertebralBody, "Vertebral body"), (Compartment.Pedicle, "Pedicle"), (Compartment.PosteriorElements, "Posterior elements"),
            (Compartment.Epidural, "Epidural"), (Compartment.IntraduralExtramedullary, "Intradural-extramedullary"),
            (Compartment.Intramedullary, "Intramedullary")),
        Words((Sex.Female, "Female"), (Sex.Male, "Male"), (Sex.Other, "Other"), (Sex.Unknown, "Unknown")),
        Words((MeetingStatus.Planned, "Planned"), (MeetingStatus.InProgress, "In progress"), (MeetingStatus.Closed, "Closed"),
            (MeetingStatus.Cancelled, "Cancelled")),
        Words((AgendaItemStatus.Scheduled, "Scheduled"), (AgendaItemStatus.Discussed, "Discussed"), (AgendaItemStatus.Decided, "Decided"),
            (AgendaItemStatus.Deferred, "Deferred"), (AgendaItemStatus.Removed, "Removed")),
        Words((Discipline.MedicalOncology, "Medical oncology"), (Discipline.RadiationOncology, "Radiation oncology"),
            (Discipline.Neurosurgery, "Neurosurgery"), (Discipline.Radiology, "Radiology"), (Discipline.Pathology, "Pathology")),
        Words((PasswordWeakness.Common, "A common password"), (PasswordWeakness.Pattern, "A pattern"),
            (PasswordWeakness.PersonalInfo, "Contains the account's name or e-mail address"),
            (PasswordWeakness.ApplicationName, "Contains the application's name")),

        // Clinical presentation (scores.md §1.1 pain, §4 visceral metastases, §7.1 Frankel, §7.2 ASIA)
        Codes<SpinalLevel>(),
        Words((PrimaryHistology.LungNsclc, "Lung, non-small-cell (NSCLC)"), (PrimaryHistology.SmallCellLung, "Lung, small-cell"),
            (PrimaryHistology.Breast, "Breast"), (PrimaryHistology.Prostate, "Prostate"), (PrimaryHistology.RenalCell, "Renal cell"),
            (PrimaryHistology.Thyroid, "Thyroid"), (PrimaryHistology.Colorectal, "Colorectal"), (PrimaryHistology.Melanoma, "Melanoma"),
            (PrimaryHistology.Hepatocellular, "Hepatocellular"), (PrimaryHistology.Gastric, "Gastric"), (PrimaryHistology.Oesophageal, "Oesophageal"),
            (PrimaryHistology.Pancreatic, "Pancreatic"), (PrimaryHistology.Bladder, "Bladder"), (PrimaryHistology.Uterine, "Uterine"),
            (PrimaryHistology.Ovarian, "Ovarian"), (PrimaryHistology.Sarcoma, "Sarcoma"), (PrimaryHistology.Lymphoma, "Lymphoma"),
            (PrimaryHistology.MultipleMyeloma, "Multiple myeloma / plasmacytoma"), (PrimaryHistology.GermCell, "Seminoma / germ-cell"),
            (PrimaryHistology.Neuroendocrine, "Neuroendocrine / carcinoid"), (PrimaryHistology.UnknownPrimary, "Unknown primary"),
            (PrimaryHistology.Other, "Other (describe)")),
        Words((PainCharacter.Mechanical, "Mechanical"), (PainCharacter.Occasional, "Occasional, non-mechanical"), (PainCharacter.None, "None")),
        Codes<FrankelGrade>(),
        Codes<AsiaGrade>(),
        Words((VisceralMetastases.None, "None"), (VisceralMetastases.Removable, "Removable"), (VisceralMetastases.Unremovable, "Unremovable")),

        // Specialist assessments
        Words((AssessmentStatus.Draft, "Draft"), (AssessmentStatus.Submitted, "Submitted"), (AssessmentStatus.Locked, "Locked")),
        Words((AssessmentVersionKind.Draft, "Draft"), (AssessmentVersionKind.Submission, "Submission"), (AssessmentVersionKind.Revision, "Revision")),
        Words((NeurologicalCourse.Stable, "Stable"), (NeurologicalCourse.Progressive, "Progressive"), (NeurologicalCourse.Acute, "Acute")),
        Words((SurgicalFitness.Yes, "Yes"), (SurgicalFitness.No, "No"), (SurgicalFitness.Borderline, "Borderline")),
        // Separation surgery, stabilisation and cement augmentation as the NOMS mechanical branch names them (scores.md §3.3 A4, B2).
        Words((NeurosurgeryRecommendation.None, "No surgery"), (NeurosurgeryRecommendation.SeparationSurgery, "Separation surgery"),
            (NeurosurgeryRecommendation.StabilisationOpen, "Open stabilisation"),
            (NeurosurgeryRecommendation.StabilisationPercutaneous, "Percutaneous stabilisation"),
            (NeurosurgeryRecommendation.CementVertebroplasty, "Vertebroplasty"), (NeurosurgeryRecommendation.CementKyphoplasty, "Kyphoplasty"),
            (NeurosurgeryRecommendation.EnBlocResection, "En bloc resection")),
        Words((RadiationRecommendation.None, "No radiotherapy"), (RadiationRecommendation.ConventionalEbrt, "Conventional EBRT"),
            (RadiationRecommendation.SbrtSrs, "SBRT/SRS"), (RadiationRecommendation.PostoperativeSbrt, "Postoperative SBRT")),
        Words((RadiationTiming.NoSurgery, "No surgery"), (RadiationTiming.BeforeSurgery, "Before surgery"), (RadiationTiming.AfterSurgery, "After surgery")),
        Words((SystemicDiseaseStatus.NoOtherDisease, "No other disease"), (SystemicDiseaseStatus.Stable, "Stable"),
            (SystemicDiseaseStatus.Responding, "Responding"), (SystemicDiseaseStatus.Progressive, "Progressive")),
        Words((ExpectedSurvival.LessThan3Months, "Less than 3 months"), (ExpectedSurvival.From3To6Months, "From 3 to 6 months"),
            (ExpectedSurvival.From6To12Months, "From 6 to 12 months"), (ExpectedSurvival.MoreThan12Months, "More than 12 months")),
        Words((SystemicTherapyPlan.Continue, "Continue"), (SystemicTherapyPlan.Change, "Change"), (SystemicTherapyPlan.Start, "Start"),
            (SystemicTherapyPlan.None, "None")),
        Words((BoneModifyingAgent.Denosumab, "Denosumab"), (BoneModifyingAgent.ZoledronicAcid, "Zoledronic acid"), (BoneModifyingAgent.None, "None")),

        // Scores: SINS (scores.md §1.1-1.2), ESCC (§2), radiosensitivity (§3.2), Tokuhashi (§4), Tomita (§5)
        Words((SinsLocation.Junctional, "Junctional"), (SinsLocation.Mobile, "Mobile"), (SinsLocation.Semirigid, "Semirigid"),
            (SinsLocation.Rigid, "Rigid")),
        Words((SinsBoneLesion.Lytic, "Lytic"), (SinsBoneLesion.Mixed, "Mixed"), (SinsBoneLesion.Blastic, "Blastic")),
        Words((SinsAlignment.SubluxationTranslation, "Subluxation/translation"), (SinsAlignment.DeNovoDeformity, "De novo deformity"),
            (SinsAlignment.Normal, "Normal")),
        Words((SinsCollapse.MoreThan50Percent, "More than 50 percent"), (SinsCollapse.LessThan50Percent, "Less than 50 percent"),
            (SinsCollapse.NoCollapseOver50PercentInvolved, "No collapse over 50 percent involved"), (SinsCollapse.None, "None")),
        Words((SinsPosterolateral.Bilateral, "Bilateral"), (SinsPosterolateral.Unilateral, "Unilateral"), (SinsPosterolateral.None, "None")),
        Words((SinsCategory.Stable, "Stable"), (SinsCategory.PotentiallyUnstable, "Potentially unstable"), (SinsCategory.Unstable, "Unstable")),
        Words((EsccGrade.Grade0, "Grade 0"), (EsccGrade.Grade1a, "Grade 1a"), (EsccGrade.Grade1b, "Grade 1b"), (EsccGrade.Grade1c, "Grade 1c"),
            (EsccGrade.Grade2, "Grade 2"), (EsccGrade.Grade3, "Grade 3")),
        Words((Radiosensitivity.Sensitive, "Sensitive"), (Radiosensitivity.Resistant, "Resistant"), (Radiosensitivity.Unknown, "Unknown")),
        Words((TokuhashiPrimarySite.Lung, "Lung"), (TokuhashiPrimarySite.Osteosarcoma, "Osteosarcoma"), (TokuhashiPrimarySite.Stomach, "Stomach"),
            (TokuhashiPrimarySite.Bladder, "Bladder"), (TokuhashiPrimarySite.Esophagus, "Esophagus"), (TokuhashiPrimarySite.Pancreas, "Pancreas"),
            (TokuhashiPrimarySite.Liver, "Liver"), (TokuhashiPrimarySite.Gallbladder, "Gallbladder"), (TokuhashiPrimarySite.Unidentified, "Unidentified"),
            (TokuhashiPrimarySite.Other, "Other"), (TokuhashiPrimarySite.Kidney, "Kidney"), (TokuhashiPrimarySite.Uterus, "Uterus"),
            (TokuhashiPrimarySite.Rectum, "Rectum"), (TokuhashiPrimarySite.Thyroid, "Thyroid"), (TokuhashiPrimarySite.Breast, "Breast"),
            (TokuhashiPrimarySite.Prostate, "Prostate"), (TokuhashiPrimarySite.Carcinoid, "Carcinoid")),
        Words((TokuhashiPrognosis.LessThan6Months, "Less than 6 months"), (TokuhashiPrognosis.AtLeast6Months, "At least 6 months"),
            (TokuhashiPrognosis.AtLeast12Months, "At least 12 months")),
        Words((TomitaPrimaryGrowth.Slow, "Slow"), (TomitaPrimaryGrowth.Moderate, "Moderate"), (TomitaPrimaryGrowth.Rapid, "Rapid")),
        Words((TomitaVisceral.None, "None"), (TomitaVisceral.Treatable, "Treatable"), (TomitaVisceral.Untreatable, "Untreatable")),
        Words((TomitaBoneMetastases.Solitary, "Solitary"), (TomitaBoneMetastases.Multiple, "Multiple")),
        Words((TomitaStrategy.WideOrMarginalExcision, "Wide or marginal excision"),
            (TomitaStrategy.MarginalOrIntralesionalExcision, "Marginal or intralesional excision"),
            (TomitaStrategy.PalliativeSurgery, "Palliative surgery"), (TomitaStrategy.SupportiveCare, "Supportive care")),

        // Decisions: the treatment options NOMS integrates, plus supportive care and referrals (scores.md §3.3); the screen's
        // fuller wording is the one the report, the history and the export use too.
        Words((DecisionOutcome.TreatmentRecommendation, "Treatment recommendation"), (DecisionOutcome.MoreInformationNeeded, "More information needed"),
            (DecisionOutcome.StandardOfCareConfirmed, "Standard of care confirmed")),
        Words((DecisionKind.Board, "Board decision"), (DecisionKind.EmergencyPlan, "Emergency plan outside a meeting")),
        Words((InformationNeeded.Imaging, "Imaging"), (InformationNeeded.Biopsy, "Biopsy"), (InformationNeeded.Consult, "Consult")),
        Words((PlanStepKind.SeparationSurgery, "Separation surgery"), (PlanStepKind.Stabilisation, "Stabilisation"),
            (PlanStepKind.CementAugmentation, "Cement augmentation (vertebro-/kyphoplasty)"), (PlanStepKind.EnBlocResection, "En bloc resection"),
            (PlanStepKind.ConventionalEbrt, "Conventional EBRT"), (PlanStepKind.SbrtSrs, "SBRT/SRS"),
            (PlanStepKind.SystemicTherapy, "Systemic therapy"), (PlanStepKind.BoneModifyingAgent, "Bone-modifying agent"),
            (PlanStepKind.BestSupportiveCare, "Best supportive care"), (PlanStepKind.ReferralPalliativeCare, "Referral: palliative care"),
            (PlanStepKind.ReferralPain, "Referral: pain service"), (PlanStepKind.ReferralRehabilitation, "Referral: rehabilitation"),
            (PlanStepKind.ReferralClinicalTrial, "Referral: clinical trial")),
        // Timing windows as pathways.md §1 sets the MSCC targets.
        Words((StepTiming.Emergency, "Emergency (within 24 hours)"), (StepTiming.Urgent, "Urgent (within a week)"),
            (StepTiming.Soon, "Soon (within four weeks)"), (StepTiming.AfterPreviousStep, "After the previous step"), (StepTiming.Elective, "Elective")),
        Words((TreatmentIntent.Palliative, "Palliative"), (TreatmentIntent.LocalControl, "Local control"), (TreatmentIntent.CurativeIntent, "Curative intent")),
        Words((NomsConcordance.Concordant, "Concordant with the NOMS suggestion"), (NomsConcordance.Discordant, "Departs from the NOMS suggestion")),
        Words((DiscordanceReason.PatientPreference, "Patient preference"), (DiscordanceReason.Comorbidity, "Comorbidity"),
            (DiscordanceReason.PriorRadiotherapy, "Prior radiotherapy"), (DiscordanceReason.NewFindings, "New findings"),
            (DiscordanceReason.Other, "Other (describe)")),
        Words((DecisionStatus.Draft, "Draft"), (DecisionStatus.Signed, "Signed"), (DecisionStatus.Superseded, "Superseded")),
        // Patient letters (pathways.md §4)
        Words((PatientLanguage.de, "German"), (PatientLanguage.fr, "French"), (PatientLanguage.it, "Italian"), (PatientLanguage.en, "English")),
        Words((LetterSendMethod.Print, "Printed for the patient"), (LetterSendMethod.Post, "Sent by post"),
            (LetterSendMethod.HandedOver, "Handed over in person")),
        // How the decision report reached the referrer (measure 11, pathways.md §2).
        Words((ReportChannel.Post, "Post"), (ReportChannel.SecureEmail, "Secure e-mail"), (ReportChannel.Fax, "Fax"),
            (ReportChannel.ElectronicRecord, "Electronic health record"), (ReportChannel.HandedOver, "Handed over in person")),
        Words((LetterVersionKind.Generated, "Drafted from the decision"), (LetterVersionKind.Edited, "\"Why\" edited")),
        Words((LetterStatus.Draft, "Draft"), (LetterStatus.Sent, "Sent"), (LetterStatus.Superseded, "Superseded")),
        // A position as the member chooses it and as the decision, the report and the history list it.
        Words((PositionKind.Agree, "Agree"), (PositionKind.Disagree, "Disagree (dissent)"), (PositionKind.Abstain, "Abstain")),
        // Implementation and the reasons for deviating (practice.md (b)13).
        Words((FollowUpStatus.Implemented, "Implemented"), (FollowUpStatus.PartiallyImplemented, "Partially implemented"),
            (FollowUpStatus.NotImplemented, "Not implemented"), (FollowUpStatus.Unknown, "Unknown")),
        Words((DeviationReason.PatientWish, "Patient's wish"), (DeviationReason.MedicalReason, "Medical reason"), (DeviationReason.Death, "Death"),
            (DeviationReason.NewFindings, "New findings"), (DeviationReason.Other, "Other")),
        // MSCC fast track (pathways.md §1)
        Words((TriageLevel.P1, "P1 emergency"), (TriageLevel.P2, "P2 urgent"), (TriageLevel.Routine, "Routine")),
        Words((MsccSymptom.RadicularPainWithWeakness, "Radicular pain with weakness"), (MsccSymptom.LimbWeakness, "Limb weakness"),
            (MsccSymptom.DifficultyWalking, "Difficulty walking"), (MsccSymptom.SensoryLoss, "Sensory loss"),
            (MsccSymptom.BladderOrBowelDysfunction, "Bladder or bowel dysfunction"),
            (MsccSymptom.ThoracicOrCervicalPain, "Thoracic or cervical spinal pain"), (MsccSymptom.ProgressivePain, "Progressive spinal pain"),
            (MsccSymptom.PainOnStrainingOrLyingFlat, "Pain worse on straining or lying flat"), (MsccSymptom.NightPain, "Spinal pain at night"),
            (MsccSymptom.LocalisedTenderness, "Localised spinal tenderness")),
        Words((MsccEvent.SymptomOnset, "Symptom onset"), (MsccEvent.FirstContact, "First contact / referral"),
            (MsccEvent.MsccSuspected, "MSCC suspected"), (MsccEvent.MriWholeSpineDone, "Whole-spine MRI done"),
            (MsccEvent.CoordinatorContacted, "MSCC coordinator contacted"), (MsccEvent.DexamethasoneStarted, "Dexamethasone started")),
        Words((MsccClockName.Mri, "Whole-spine MRI"), (MsccClockName.TreatmentPlan, "Treatment plan agreed"),
            (MsccClockName.RadiotherapyStart, "Radiotherapy started")),
        Words((ClockState.Running, "Running"), (ClockState.Met, "Met"), (ClockState.Breached, "Breached")),
        Words((BreachReason.PatientUnfit, "Patient unfit"), (BreachReason.ImagingCapacity, "Imaging capacity"),
            (BreachReason.PatientDeclined, "Patient declined"), (BreachReason.Transfer, "Transfer"), (BreachReason.Other, "Other (describe)")),
    ]);

    /// <summary>The NOMS suggestion's codes (the API's contract, <see cref="NomsCodes"/>) in the clinic's words.</summary>
    static readonly Dictionary<string, string> CodeWords = new(StringComparer.Ordinal)
    {
        [NomsCodes.Cebrt] = "Conventional EBRT", [NomsCodes.Srs] = "SBRT/SRS",
        [NomsCodes.SeparationSurgeryThenSrs] = "Separation surgery, then SBRT/SRS",
        [NomsCodes.SurgicalConsult] = "Surgical consultation", [NomsCodes.Stabilization] = "Stabilisation",
        [NomsCodes.InstabilityNotSurgicallyAddressable] = "Instability that surgery cannot address",
        [NomsCodes.Escc1cDiscuss] = "ESCC 1c: discuss separation surgery",
        [NomsCodes.PalliativeNotFitForSurgery] = "Palliative radiotherapy: not fit for surgery",
        [NomsCodes.RadiosensitivityUnverified] = "Radiosensitivity taken from the histology, evidence uncertain: radiation oncology to confirm",
        [NomsCodes.AcuteProgressiveMyelopathy] = "Acute progressive myelopathy: surgical emergency",
    };

    /// <summary>The published source of each score version (<see cref="ScoreVersions"/>), as a clinician cites it.</summary>
    static readonly Dictionary<string, string> Sources = new(StringComparer.Ordinal)
    {
        [ScoreVersions.Sins] = "Spinal Instability Neoplastic Score, Fisher et al., Spine 2010",
        [ScoreVersions.Escc] = "Epidural spinal cord compression scale, Bilsky et al., J Neurosurg Spine 2010",
        [ScoreVersions.Tokuhashi] = "Revised Tokuhashi score, Tokuhashi et al., Spine 2005",
        [ScoreVersions.Tomita] = "Tomita score, Tomita et al., Spine 2001",
        [ScoreVersions.Noms] = "NOMS framework, Laufer et al., Oncologist 2013",
    };

    /// <summary>A NOMS code in words ("SURGICAL_CONSULT" -> "Surgical consultation"); <paramref name="none"/> when there is
    /// none; an unknown code (a newer API) is worded by rule rather than shown raw.</summary>
    public static string Code(string? code, string none = NotRecorded) =>
        string.IsNullOrEmpty(code) ? none : CodeWords.TryGetValue(code, out var w) ? w : Sentence(code.Replace('_', ' ').ToLowerInvariant());

    static string Sentence(string words) => char.ToUpperInvariant(words[0]) + words[1..];

    /// <summary>The literature a score version rests on ("SINS/Fisher2010" -> "Spinal Instability Neoplastic Score, Fisher et
    /// al., Spine 2010").</summary>
    public static string Source(string version) => Sources.TryGetValue(version, out var w) ? w : version;

    /// <summary>The words of every NOMS code (for the completeness test).</summary>
    public static IReadOnlyDictionary<string, string> NomsCodeWords => CodeWords;

    /// <summary>
    /// An input a score names as missing (its field name in the API: "escc", "sinsTotal") in the clinic's words, as read
    /// inside a sentence ("Missing inputs: radiosensitivity, ESCC grade (Bilsky), SINS total").
    /// </summary>
    public static string Input(string field) => Inputs.TryGetValue(field, out var w) ? w : InSentence(Of(field));

    /// <summary>The words of every input a score can name as missing (for the completeness test).</summary>
    public static IReadOnlyDictionary<string, string> InputWords => Inputs;

    static readonly Dictionary<string, string> Inputs = new(StringComparer.Ordinal)
    {
        ["location"] = "location", ["pain"] = "pain", ["boneLesion"] = "bone lesion quality", ["alignment"] = "spinal alignment",
        ["collapse"] = "vertebral body collapse", ["posterolateral"] = "posterolateral involvement",
        ["karnofsky"] = "Karnofsky performance status", ["extraspinalBoneMetastases"] = "extraspinal bone metastases",
        ["vertebralBodyMetastases"] = "vertebral body metastases", ["visceralMetastases"] = "visceral metastases",
        ["primarySite"] = "primary site", ["frankel"] = "Frankel grade", ["primaryGrowth"] = "growth of the primary tumour",
        ["boneMetastases"] = "bone metastases", ["radiosensitivity"] = "radiosensitivity", ["escc"] = "ESCC grade (Bilsky)",
        ["sinsTotal"] = "SINS total", ["fitForSurgery"] = "fitness for surgery",
    };

    /// <summary>Field and member names that the rule would word wrongly.</summary>
    static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["Ecog"] = "ECOG", ["Asia"] = "ASIA", ["FollowUpRecorded"] = "Follow-up recorded",
    };

    /// <summary>The words of a member; a value outside the Domain's enumerations (a history event kind) is worded by rule.</summary>
    public static string Of(Enum value) =>
        Enums.TryGetValue(value.GetType(), out var words) && words.TryGetValue(value.ToString(), out var w) ? w : Of(value.ToString());

    /// <summary>The words of a member, or <paramref name="none"/> when the value is not recorded.</summary>
    public static string Of<T>(T? value, string none = NotRecorded) where T : struct, Enum => value is { } v ? Of(v) : none;

    /// <summary>The words as they read inside a sentence: "no surgery", "radiation oncology", but "SBRT/SRS", "ECOG".</summary>
    public static string InSentence(Enum value) => InSentence(Of(value));

    /// <summary>A field or member name in words: "TreatmentRecommendation" -> "Treatment recommendation"; short codes
    /// ("T5", "D") stay as they are.</summary>
    public static string Of(string name)
    {
        if (Names.TryGetValue(name, out var words)) return words;
        if (name.Length <= 3) return name;
        var spaced = Spacing().Replace(name, " ").Trim();
        return spaced.Length == 0 ? name : spaced[0] + spaced[1..].ToLowerInvariant();
    }

    /// <summary>The enumerations that have words here, and their words by member name (for the completeness test).</summary>
    public static IReadOnlyDictionary<Type, IReadOnlyDictionary<string, string>> Vocabulary => Enums;

    static string InSentence(string words) =>
        words.Length > 1 && char.IsUpper(words[0]) && !char.IsUpper(words[1]) ? char.ToLowerInvariant(words[0]) + words[1..] : words;

    static KeyValuePair<Type, IReadOnlyDictionary<string, string>> Words<T>(params (T Value, string Words)[] members) where T : struct, Enum =>
        new(typeof(T), members.ToDictionary(m => m.Value.ToString(), m => m.Words, StringComparer.Ordinal));

    /// <summary>An enumeration whose member names are the clinic's codes ("T11", "C", "Occiput").</summary>
    static KeyValuePair<Type, IReadOnlyDictionary<string, string>> Codes<T>() where T : struct, Enum =>
        new(typeof(T), Enum.GetNames<T>().ToDictionary(n => n, n => n, StringComparer.Ordinal));

    [GeneratedRegex("(?<=[a-z])(?=[A-Z0-9])|(?<=[0-9])(?=[A-Z])")]
    private static partial Regex Spacing();
}
