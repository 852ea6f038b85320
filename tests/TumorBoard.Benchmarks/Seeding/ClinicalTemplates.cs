using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Patients;
using TumorBoard.Domain.Scores;

namespace TumorBoard.Benchmarks.Seeding;

/// <summary>Varied, complete clinical content (after the app's demo board) for generated cases and assessments.</summary>
public static class ClinicalTemplates
{
    public static readonly string[] FamilyNames =
        ["Keller", "Meier", "Rossi", "Baumann", "Schmid", "Huber", "Weber", "Fischer", "Brunner", "Gerber", "Steiner", "Frei",
         "Moser", "Graf", "Wyss", "Roth", "Suter", "Bachmann", "Kaufmann", "Zimmermann", "Marti", "Lehmann", "Bieri", "Kunz"];
    public static readonly string[] GivenNames =
        ["Anna", "Thomas", "Giulia", "Peter", "Laura", "Markus", "Sofia", "Jonas", "Elena", "Lukas", "Marta", "Daniel",
         "Nina", "David", "Sara", "Martin", "Lea", "Simon", "Julia", "Reto", "Petra", "Urs", "Claudia", "Beat"];

    static readonly PrimaryHistology[] Histologies =
        [PrimaryHistology.Breast, PrimaryHistology.Prostate, PrimaryHistology.LungNsclc, PrimaryHistology.RenalCell,
         PrimaryHistology.MultipleMyeloma, PrimaryHistology.Colorectal, PrimaryHistology.Melanoma, PrimaryHistology.Thyroid,
         PrimaryHistology.Hepatocellular, PrimaryHistology.Lymphoma, PrimaryHistology.UnknownPrimary];

    static readonly Compartment[][] Compartments =
        [[Compartment.VertebralBody], [Compartment.VertebralBody, Compartment.Pedicle],
         [Compartment.VertebralBody, Compartment.Pedicle, Compartment.Epidural]];

    static readonly string[] Questions =
        ["Suspected cord compression with new leg weakness: decompression and stabilisation, or radiotherapy alone?",
         "Painful lesion without compression: conventional radiotherapy dose?",
         "Solitary metastasis with ESCC 2: separation surgery followed by SBRT?",
         "Lytic lesion with mechanical pain: stabilisation needed?",
         "Progressive collapse after radiotherapy: cement augmentation?",
         "Oligometastatic disease: en bloc resection or SBRT?"];

    public static Sex SexOf(int i) => i % 2 == 0 ? Sex.Female : Sex.Male;

    public static CaseDetails Case(Random rng, DateOnly today, DateOnly registered)
    {
        var histology = Histologies[rng.Next(Histologies.Length)];
        var from = (SpinalLevel)rng.Next((int)SpinalLevel.C3, (int)SpinalLevel.S1);
        var to = from + rng.Next(0, 2);
        var compartments = Compartments[rng.Next(Compartments.Length)];
        var ecog = rng.Next(0, 4);
        var priorRt = rng.Next(10) == 0;
        return new CaseDetails
        {
            Histology = histology, DiagnosisDate = registered.AddMonths(-rng.Next(1, 72)),
            Lesions = [new SpinalLesion { LevelFrom = from, LevelTo = to, Compartments = compartments, ImagingDate = registered.AddDays(-rng.Next(1, 14)) }],
            Pain = rng.Next(3) == 0 ? PainCharacter.Occasional : PainCharacter.Mechanical,
            Frankel = compartments.Length == 3 && rng.Next(3) == 0 ? FrankelGrade.D : FrankelGrade.E,
            Myelopathy = compartments.Length == 3 && rng.Next(2) == 0,
            SymptomOnsetDate = registered.AddDays(-rng.Next(3, 60)),
            Urgency = rng.Next(8) == 0 ? Urgency.Urgent : Urgency.Routine,
            Ecog = ecog, Karnofsky = 90 - ecog * 10, ExtraspinalBoneMetastases = rng.Next(0, 10),
            VisceralMetastases = (VisceralMetastases)rng.Next(0, 3), BrainMetastases = rng.Next(10) == 0,
            PriorRadiotherapy = priorRt
                ? [new PriorRadiotherapy { LevelFrom = from, LevelTo = to, TotalDoseGy = 20, Fractions = 5, EndDate = registered.AddMonths(-8) }]
                : [],
            CurrentSystemicTherapy = rng.Next(4) == 0 ? null : "Systemic therapy per primary oncologist",
            ClinicalQuestion = Questions[rng.Next(Questions.Length)],
            ReferringClinician = "Dr. Petra Referrer, oncology outpatient clinic",
        };
    }

    public static NeurosurgeryContent Neurosurgery(SpinalLevel level, bool epidural, int variant) => new()
    {
        Lesions =
        [
            new LesionAssessment
            {
                IndexLevel = level, Pain = PainCharacter.Mechanical, BoneLesion = variant % 2 == 0 ? SinsBoneLesion.Lytic : SinsBoneLesion.Mixed,
                Alignment = SinsAlignment.Normal, Collapse = SinsCollapse.LessThan50Percent, Posterolateral = SinsPosterolateral.Unilateral,
                Escc = epidural ? "2" : "0", GrossInstability = false,
            },
        ],
        Frankel = epidural ? FrankelGrade.D : FrankelGrade.E, Myelopathy = epidural, Course = NeurologicalCourse.Stable,
        FitForOpenSurgery = SurgicalFitness.Yes,
        Recommendation = epidural ? NeurosurgeryRecommendation.SeparationSurgery : NeurosurgeryRecommendation.None,
        TargetLevels = epidural ? [level] : [],
        Rationale = (epidural ? "High-grade ESCC with myelopathy; fit for surgery." : "No epidural disease: no surgery now.")
            + (variant > 0 ? $" Reviewed again (version note {variant})." : ""),
    };

    public static RadiationOncologyContent RadiationOncology(SpinalLevel level, bool epidural, int variant) => epidural
        ? new()
        {
            Reirradiation = false, Recommendation = RadiationRecommendation.PostoperativeSbrt, TotalDoseGy = 27m, Fractions = 3,
            TargetLevels = [level], Timing = RadiationTiming.AfterSurgery,
            Rationale = "Postoperative SBRT for durable local control." + (variant > 0 ? $" Plan reviewed ({variant})." : ""),
        }
        : new()
        {
            Reirradiation = false, Recommendation = RadiationRecommendation.ConventionalEbrt, TotalDoseGy = 20m, Fractions = 5,
            TargetLevels = [level], Timing = RadiationTiming.NoSurgery,
            Rationale = "No compression: conventional EBRT." + (variant > 0 ? $" Plan reviewed ({variant})." : ""),
        };

    public static MedicalOncologyContent MedicalOncology(PrimaryHistology histology, int variant) => new()
    {
        SystemicDisease = SystemicDiseaseStatus.Stable, VisceralMetastases = VisceralMetastases.None, TomitaVisceral = TomitaVisceral.None,
        BrainMetastases = false, Ecog = 1, Karnofsky = 80, ExtraspinalBoneMetastases = 2, VertebralBodyMetastases = 1,
        TokuhashiPrimarySite = histology == PrimaryHistology.Prostate ? TokuhashiPrimarySite.Prostate : TokuhashiPrimarySite.Breast,
        Frankel = FrankelGrade.D, TomitaPrimaryGrowth = TomitaPrimaryGrowth.Slow, TomitaBoneMetastases = TomitaBoneMetastases.Multiple,
        ExpectedSurvival = ExpectedSurvival.MoreThan12Months, SystemicTherapy = SystemicTherapyPlan.Continue,
        BoneModifyingAgent = BoneModifyingAgent.Denosumab, FitForSystemicTherapy = true,
        Rationale = "Stable systemic disease on current therapy." + (variant > 0 ? $" Updated ({variant})." : ""),
    };

    public static DecisionContent Decision(SpinalLevel target, bool epidural, Guid responsible, DateOnly followUp) => new()
    {
        Outcome = DecisionOutcome.TreatmentRecommendation,
        Plan = epidural
            ?
            [
                new PlanStep { Kind = PlanStepKind.SeparationSurgery, TargetLevels = [target], Timing = StepTiming.Urgent },
                new PlanStep { Kind = PlanStepKind.SbrtSrs, TargetLevels = [target], DoseGy = 27m, Fractions = 3, Timing = StepTiming.AfterPreviousStep },
                new PlanStep { Kind = PlanStepKind.BoneModifyingAgent, Timing = StepTiming.Soon, Details = "Denosumab 120 mg every 4 weeks" },
            ]
            :
            [
                new PlanStep { Kind = PlanStepKind.ConventionalEbrt, TargetLevels = [target], DoseGy = 20m, Fractions = 5, Timing = StepTiming.Soon },
                new PlanStep { Kind = PlanStepKind.BoneModifyingAgent, Timing = StepTiming.Soon, Details = "Denosumab 120 mg every 4 weeks" },
            ],
        Intent = TreatmentIntent.LocalControl,
        Rationale = epidural
            ? "High-grade epidural compression: separation surgery first, then stereotactic radiotherapy."
            : "No compression, stable spine: conventional radiotherapy for pain control.",
        NomsConcordance = NomsConcordance.Concordant,
        PatientPreferences = "Wants to stay mobile; agrees with the plan after discussing the risks.",
        ResponsibleClinicianId = responsible,
        FollowUpDate = followUp,
    };
}
