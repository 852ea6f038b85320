using System.Text.Json;
using System.Text.Json.Serialization;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Common;

namespace TumorBoard.Domain.Decisions;

/// <summary>
/// One step of the recommended plan, in order. Dose and fractions only for radiotherapy steps. Kind and timing are
/// nullable only so that a step sent without them is refused by the validator under its field instead of silently
/// taking the first member; stored steps always have both.
/// </summary>
public sealed record PlanStep
{
    public PlanStepKind? Kind { get; init; }
    public IReadOnlyList<SpinalLevel> TargetLevels { get; init; } = [];
    /// <summary>Total dose in Gy (conventional EBRT and SBRT/SRS only).</summary>
    public decimal? DoseGy { get; init; }
    public int? Fractions { get; init; }
    public StepTiming? Timing { get; init; }
    [MultiLine]
    public string? Details { get; init; }

    public static bool IsRadiotherapy(PlanStepKind? kind) => kind is PlanStepKind.ConventionalEbrt or PlanStepKind.SbrtSrs;

    /// <summary>Steps aimed at the spine itself, which need target levels.</summary>
    public static bool NeedsLevels(PlanStepKind? kind) => kind is PlanStepKind.SeparationSurgery or PlanStepKind.Stabilisation
        or PlanStepKind.CementAugmentation or PlanStepKind.EnBlocResection or PlanStepKind.ConventionalEbrt or PlanStepKind.SbrtSrs;

    public string Summary
    {
        get
        {
            var parts = new List<string> { Common.DisplayWords.Of(Kind) };
            if (TargetLevels.Count > 0) parts.Add(string.Join(", ", TargetLevels));
            if (DoseGy is { } d && Fractions is { } f) parts.Add($"{d:0.##} Gy in {f} fraction{(f == 1 ? "" : "s")}");
            parts.Add(Common.DisplayWords.Of(Timing));
            return string.Join(" · ", parts);
        }
    }
}

/// <summary>
/// The board's recommendation as the form records it (issue #6 "Decision"). The shape is checked by the command
/// validators; <see cref="Normalized"/> drops what does not belong to the chosen outcome so nothing stray is signed.
/// The board's recommendation is kept apart from the treatment actually given (see <see cref="DecisionFollowUp"/>).
/// </summary>
public sealed record DecisionContent
{
    public const int TextMaxLength = 4000;
    public const int ShortTextMaxLength = 1000;

    public DecisionOutcome Outcome { get; init; }
    public IReadOnlyList<InformationNeeded> InformationNeeded { get; init; } = [];
    [MultiLine]
    public string? InformationNeededDetails { get; init; }
    public IReadOnlyList<PlanStep> Plan { get; init; } = [];
    public TreatmentIntent? Intent { get; init; }
    [MultiLine]
    public string Rationale { get; init; } = "";
    public NomsConcordance? NomsConcordance { get; init; }
    public DiscordanceReason? DiscordanceReason { get; init; }
    [MultiLine]
    public string? DiscordanceText { get; init; }
    /// <summary>The patient's preferences as the board considered them.</summary>
    [MultiLine]
    public string? PatientPreferences { get; init; }
    public bool PatientPreferencesNotAvailable { get; init; }
    [MultiLine]
    public string? PatientPreferencesNotAvailableReason { get; init; }
    public Guid? ResponsibleClinicianId { get; init; }
    public DateOnly? FollowUpDate { get; init; }

    /// <summary>What the chosen outcome means (<see cref="DecisionOutcomeRules"/>).</summary>
    [JsonIgnore] public OutcomeRules Rules => DecisionOutcomeRules.For(Outcome);

    /// <summary>A treatment outcome (<see cref="OutcomeRules.IsTreatment"/>): plan, intent and concordance apply.</summary>
    [JsonIgnore] public bool IsTreatment => Rules.IsTreatment;

    public DecisionContent Normalized() => this with
    {
        InformationNeeded = Rules.AsksForInformation ? [.. InformationNeeded.Distinct().Order()] : [],
        InformationNeededDetails = Rules.AsksForInformation ? Blank(InformationNeededDetails) : null,
        Plan = [.. Plan.Select(s => s with
        {
            TargetLevels = [.. s.TargetLevels.Distinct().Order()],
            DoseGy = PlanStep.IsRadiotherapy(s.Kind) ? s.DoseGy : null,
            Fractions = PlanStep.IsRadiotherapy(s.Kind) ? s.Fractions : null,
            Details = Blank(s.Details),
        })],
        Intent = IsTreatment ? Intent : null,
        Rationale = Rationale.Trim(),
        NomsConcordance = IsTreatment ? NomsConcordance : null,
        DiscordanceReason = IsTreatment && NomsConcordance == Decisions.NomsConcordance.Discordant ? DiscordanceReason : null,
        DiscordanceText = IsTreatment && NomsConcordance == Decisions.NomsConcordance.Discordant ? Blank(DiscordanceText) : null,
        PatientPreferences = PatientPreferencesNotAvailable ? null : Blank(PatientPreferences),
        PatientPreferencesNotAvailableReason = PatientPreferencesNotAvailable ? Blank(PatientPreferencesNotAvailableReason) : null,
    };

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>The one JSON shape for stored decision content and its canonical (hashed) form: camelCase, enum names, no indentation.</summary>
public static class DecisionJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        WriteIndented = false,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;
}
