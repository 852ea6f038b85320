using System.Text.RegularExpressions;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Scores;

namespace TumorBoard.Application.Features.Fhir;

/// <summary>
/// The codes an export uses: LOINC and SNOMED CT where a code exists (pathways.md §3), and the concepts of our own
/// CodeSystem (canonical URL <see cref="FhirOptions.CodeSystemUrl"/>) for the scores, their components and our
/// vocabularies. Concept displays come from <see cref="DisplayWords"/>, the one vocabulary of the app.
/// </summary>
public static partial class FhirVocabulary
{
    public const string CodeSystemId = "tumorboard";
    public const string Loinc = "http://loinc.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string EcogLoinc = "89247-1";
    public const string KarnofskyLoinc = "89243-0";
    public const string ConsultNoteLoinc = "11488-4";
    public const string BoneMetastasisSnomed = "94222008";
    public const string Rfc3986 = "urn:ietf:rfc:3986";
    public const string AstmSignature = "urn:iso-astm:E1762-95:2013";
    /// <summary>ASTM E1762 "Verification Signature": the chair approves the board's decision for the record.</summary>
    public const string VerificationSignature = "1.2.840.10065.1.12.1.5";

    /// <summary>SNOMED CT body structures of the vertebrae from the mCODE TG263 concept map (pathways.md §3); C1, C2,
    /// the sacrum and the coccyx are UNVERIFIED there and carry only our level code.</summary>
    public static readonly IReadOnlyDictionary<SpinalLevel, string> VertebraSnomed = new Dictionary<SpinalLevel, string>
    {
        [SpinalLevel.C3] = "91116008", [SpinalLevel.C4] = "14705001", [SpinalLevel.C5] = "67479001", [SpinalLevel.C6] = "88298007",
        [SpinalLevel.C7] = "16126006",
        [SpinalLevel.T1] = "56094003", [SpinalLevel.T2] = "50060007", [SpinalLevel.T3] = "73138009", [SpinalLevel.T4] = "86197001",
        [SpinalLevel.T5] = "6105006", [SpinalLevel.T6] = "32430008", [SpinalLevel.T7] = "71737002", [SpinalLevel.T8] = "77435000",
        [SpinalLevel.T9] = "33766003", [SpinalLevel.T10] = "48405002", [SpinalLevel.T11] = "52120002", [SpinalLevel.T12] = "280849005",
        [SpinalLevel.L1] = "61032001", [SpinalLevel.L2] = "53983007", [SpinalLevel.L3] = "55492004", [SpinalLevel.L4] = "71996003",
        [SpinalLevel.L5] = "21799000",
    };

    /// <summary>A concept of our CodeSystem.</summary>
    public sealed record Concept(string Code, string Display, string Definition);

    // Observation codes and their components (no LOINC or SNOMED code exists for them, pathways.md §3).
    public static readonly Concept Sins = new("sins", "Spinal Instability Neoplastic Score (SINS)", "SINS total 0-18 of one lesion (scores.md §1).");
    public static readonly Concept SinsLocation = new("sins-location", "SINS location points", "SINS component 1: location.");
    public static readonly Concept SinsPain = new("sins-pain", "SINS pain points", "SINS component 2: pain.");
    public static readonly Concept SinsBoneLesion = new("sins-bone-lesion", "SINS bone lesion points", "SINS component 3: bone lesion quality.");
    public static readonly Concept SinsAlignment = new("sins-alignment", "SINS alignment points", "SINS component 4: radiographic spinal alignment.");
    public static readonly Concept SinsCollapse = new("sins-collapse", "SINS vertebral body collapse points", "SINS component 5: vertebral body collapse.");
    public static readonly Concept SinsPosterolateral = new("sins-posterolateral", "SINS posterolateral involvement points", "SINS component 6: posterolateral involvement.");
    public static readonly Concept SinsCategoryCode = new("sins-category", "SINS category", "SINS band: stable 0-6, potentially unstable 7-12, unstable 13-18.");
    public static readonly Concept Escc = new("escc", "Bilsky epidural spinal cord compression (ESCC) grade", "Bilsky ESCC grade of one lesion (scores.md §2).");
    public static readonly Concept Tokuhashi = new("tokuhashi-revised", "Revised Tokuhashi score", "Revised Tokuhashi total 0-15 (scores.md §4).");
    public static readonly Concept TokuhashiGeneralCondition = new("tokuhashi-general-condition", "Tokuhashi general condition points", "Revised Tokuhashi: general condition (Karnofsky).");
    public static readonly Concept TokuhashiExtraspinal = new("tokuhashi-extraspinal-bone", "Tokuhashi extraspinal bone metastases points", "Revised Tokuhashi: number of extraspinal bone metastases.");
    public static readonly Concept TokuhashiVertebral = new("tokuhashi-vertebral-body", "Tokuhashi vertebral body metastases points", "Revised Tokuhashi: number of vertebral body metastases.");
    public static readonly Concept TokuhashiVisceral = new("tokuhashi-visceral", "Tokuhashi visceral metastases points", "Revised Tokuhashi: metastases to major internal organs.");
    public static readonly Concept TokuhashiPrimary = new("tokuhashi-primary-site", "Tokuhashi primary site points", "Revised Tokuhashi: primary site of the cancer.");
    public static readonly Concept TokuhashiFrankel = new("tokuhashi-frankel", "Tokuhashi palsy (Frankel) points", "Revised Tokuhashi: palsy by Frankel grade.");
    public static readonly Concept TokuhashiPrognosisCode = new("tokuhashi-prognosis", "Tokuhashi predicted prognosis", "Revised Tokuhashi band: under 6, at least 6, at least 12 months.");
    public static readonly Concept Tomita = new("tomita", "Tomita score", "Tomita total 2-10 (scores.md §5).");
    public static readonly Concept TomitaGrowth = new("tomita-primary-growth", "Tomita primary tumour growth points", "Tomita: growth rate of the primary tumour.");
    public static readonly Concept TomitaVisceralCode = new("tomita-visceral", "Tomita visceral metastases points", "Tomita: visceral metastases.");
    public static readonly Concept TomitaBone = new("tomita-bone", "Tomita bone metastases points", "Tomita: bone metastases including the spine.");
    public static readonly Concept TomitaStrategyCode = new("tomita-strategy", "Tomita surgical strategy", "Tomita band: the surgical strategy it suggests.");
    public static readonly Concept Decision = new("spinal-tumor-board-decision", "Spinal tumour board decision", "One signed version of the board's joint decision on a spinal-metastasis case.");
    public static readonly Concept DecisionSection = new("section-decision", "Decision", "Composition section: the board's recommendation and plan.");
    public static readonly Concept AssessmentsSection = new("section-assessments", "Specialist assessments", "Composition section: the submitted assessments and their scores.");
    public static readonly Concept PositionsSection = new("section-positions", "Positions and dissent", "Composition section: each attending member's position.");

    static IEnumerable<Concept> Fixed =>
    [
        Sins, SinsLocation, SinsPain, SinsBoneLesion, SinsAlignment, SinsCollapse, SinsPosterolateral, SinsCategoryCode, Escc,
        Tokuhashi, TokuhashiGeneralCondition, TokuhashiExtraspinal, TokuhashiVertebral, TokuhashiVisceral, TokuhashiPrimary,
        TokuhashiFrankel, TokuhashiPrognosisCode, Tomita, TomitaGrowth, TomitaVisceralCode, TomitaBone, TomitaStrategyCode,
        Decision, DecisionSection, AssessmentsSection, PositionsSection,
    ];

    /// <summary>The enumerations whose members are concepts "{prefix}-{member in kebab case}".</summary>
    static readonly (Type Type, string Prefix, string What)[] Vocabularies =
    [
        (typeof(SpinalLevel), "level", "Spinal level"),
        (typeof(PrimaryHistology), "histology", "Primary tumour histology"),
        (typeof(SinsCategory), "sins", "SINS category"),
        (typeof(EsccGrade), "escc", "Bilsky ESCC grade"),
        (typeof(TokuhashiPrognosis), "tokuhashi", "Revised Tokuhashi prognosis"),
        (typeof(TomitaStrategy), "tomita", "Tomita surgical strategy"),
        (typeof(DecisionOutcome), "outcome", "Board decision outcome"),
        (typeof(DecisionKind), "decision-kind", "Kind of decision (made in a meeting, or an emergency plan outside a meeting)"),
        (typeof(InformationNeeded), "information", "Information the board asks for"),
        (typeof(PlanStepKind), "plan-step", "Plan step"),
        (typeof(TreatmentIntent), "intent", "Treatment intent"),
        (typeof(NomsConcordance), "noms", "Concordance with the NOMS suggestion"),
        (typeof(DiscordanceReason), "discordance", "Reason for departing from the NOMS suggestion"),
        (typeof(DeviationReason), "deviation", "Reason a plan step was not carried out as planned"),
    ];

    /// <summary>Every concept of our CodeSystem, in a fixed order.</summary>
    public static IReadOnlyList<Concept> All() =>
    [
        .. Fixed,
        .. Vocabularies.SelectMany(v => Enum.GetValues(v.Type).Cast<Enum>()
            .Select(e => new Concept(CodeOf(v.Prefix, e), DisplayWords.Of(e), $"{v.What}: {DisplayWords.Of(e)}."))),
    ];

    /// <summary>Our code for a member of one of <see cref="Vocabularies"/>.</summary>
    public static string Code(Enum value)
    {
        var vocabulary = Vocabularies.FirstOrDefault(v => v.Type == value.GetType());
        return vocabulary.Type is null
            ? throw new ArgumentOutOfRangeException(nameof(value), value.GetType().Name, "Not a vocabulary of the FHIR CodeSystem.")
            : CodeOf(vocabulary.Prefix, value);
    }

    static string CodeOf(string prefix, Enum value) => value is EsccGrade g
        ? $"{prefix}-{EsccGrades.ToCode(g)}"
        : $"{prefix}-{Kebab(value.ToString())}";

    static string Kebab(string name) => Words().Replace(name, "$1-$2").ToLowerInvariant();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex Words();
}
