using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Rendering;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Decisions;

namespace TumorBoard.Web.Pages.Decisions;

/// <summary>The clinic's words for the decision's coded values (values stay the member names, as in the API).</summary>
public static class DecisionText
{
    static readonly Dictionary<string, string> Words = new()
    {
        [nameof(DecisionOutcome.TreatmentRecommendation)] = "Treatment recommendation",
        [nameof(DecisionOutcome.MoreInformationNeeded)] = "More information needed",
        [nameof(DecisionOutcome.StandardOfCareConfirmed)] = "Standard of care confirmed",
        [nameof(PlanStepKind.SeparationSurgery)] = "Separation surgery",
        [nameof(PlanStepKind.Stabilisation)] = "Stabilisation",
        [nameof(PlanStepKind.CementAugmentation)] = "Cement augmentation (vertebro-/kyphoplasty)",
        [nameof(PlanStepKind.EnBlocResection)] = "En bloc resection",
        [nameof(PlanStepKind.ConventionalEbrt)] = "Conventional EBRT",
        [nameof(PlanStepKind.SbrtSrs)] = "SBRT / SRS",
        [nameof(PlanStepKind.SystemicTherapy)] = "Systemic therapy",
        [nameof(PlanStepKind.BoneModifyingAgent)] = "Bone-modifying agent",
        [nameof(PlanStepKind.BestSupportiveCare)] = "Best supportive care",
        [nameof(PlanStepKind.ReferralPalliativeCare)] = "Referral: palliative care",
        [nameof(PlanStepKind.ReferralPain)] = "Referral: pain service",
        [nameof(PlanStepKind.ReferralRehabilitation)] = "Referral: rehabilitation",
        [nameof(PlanStepKind.ReferralClinicalTrial)] = "Referral: clinical trial",
        [nameof(StepTiming.Emergency)] = "Emergency (within 24 hours)",
        [nameof(StepTiming.Urgent)] = "Urgent (within a week)",
        [nameof(StepTiming.Soon)] = "Soon (within four weeks)",
        [nameof(StepTiming.AfterPreviousStep)] = "After the previous step",
        [nameof(StepTiming.Elective)] = "Elective",
        [nameof(TreatmentIntent.LocalControl)] = "Local control",
        [nameof(TreatmentIntent.CurativeIntent)] = "Curative intent",
        [nameof(NomsConcordance.Concordant)] = "Concordant with the NOMS suggestion",
        [nameof(NomsConcordance.Discordant)] = "Departs from the NOMS suggestion",
        [nameof(DiscordanceReason.PatientPreference)] = "Patient preference",
        [nameof(DiscordanceReason.PriorRadiotherapy)] = "Prior radiotherapy",
        [nameof(DiscordanceReason.NewFindings)] = "New findings",
        [nameof(DiscordanceReason.Other)] = "Other (describe)",
        [nameof(PositionKind.Agree)] = "Agrees",
        [nameof(PositionKind.Disagree)] = "Disagrees (dissent)",
        [nameof(PositionKind.Abstain)] = "Abstains",
    };

    public static string Label<T>(T value) where T : struct, Enum =>
        Words.TryGetValue(value.ToString(), out var w) ? w : Scores.ScoreOptions.Words(value.ToString());

    public static string Label<T>(T? value) where T : struct, Enum => value is { } v ? Label(v) : "—";

    /// <summary>Options with member names as values; <paramref name="empty"/> adds a first blank option.</summary>
    public static List<SelectListItem> Options<T>(string? empty = null) where T : struct, Enum =>
        [.. empty is null ? [] : new[] { new SelectListItem(empty, "") },
         .. Enum.GetValues<T>().Select(v => new SelectListItem(Label(v), v.ToString()))];

    public static List<SelectListItem> StepKinds => Options<PlanStepKind>("— no step —");
    public static List<SelectListItem> Timings => Options<StepTiming>("— choose —");
    public static List<SelectListItem> Intents => Options<TreatmentIntent>("— choose —");
    public static List<SelectListItem> DiscordanceReasons => Options<DiscordanceReason>("— not discordant —");

    /// <summary>"27 Gy in 3 fractions" for a radiotherapy step, otherwise a dash.</summary>
    public static string Dose(PlanStep step) =>
        step.DoseGy is { } d && step.Fractions is { } f ? $"{d:0.##} Gy in {f} fraction{(f == 1 ? "" : "s")}" : "—";

    /// <summary>The NOMS suggestion stored with a decision version (null when none was stored).</summary>
    public static BoardNomsResult? StoredNoms(DecisionView d) =>
        d.NomsSuggestion.ValueKind == JsonValueKind.Object ? d.NomsSuggestion.Deserialize<BoardNomsResult>(DecisionJson.Options) : null;

    public const string AmendmentNoms = "The suggestion of the meeting the decision was made in; an amendment keeps it.";

    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss") + " UTC";
}
