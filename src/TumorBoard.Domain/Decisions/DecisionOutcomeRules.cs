namespace TumorBoard.Domain.Decisions;

/// <summary>
/// What one <see cref="DecisionOutcome"/> means, in one row: which parts of the decision form apply and are required, and
/// what signing it does to the case. The validator, sign and amend, the decision pages (the sections a chosen outcome
/// shows) and the report read these rows and never the outcome's name, so a new outcome is its enum member, its row here
/// and its label.
/// </summary>
/// <param name="Outcome">The outcome the row describes.</param>
/// <param name="IsTreatment">Plan, intent, NOMS concordance and a follow-up date apply (intent, concordance and date are required).</param>
/// <param name="RequiresPlan">At least one plan step is required (only meaningful for a treatment outcome).</param>
/// <param name="AsksForInformation">What is needed (imaging, biopsy, consult) applies and at least one item is required.</param>
/// <param name="RelistsCase">Signing re-lists the case on the next planned meeting with room (the case goes back to ReadyForBoard).</param>
/// <param name="LocksAssessments">Signing decides the case: it becomes Decided and its assessments lock.</param>
public sealed record OutcomeRules(DecisionOutcome Outcome, bool IsTreatment, bool RequiresPlan, bool AsksForInformation,
    bool RelistsCase, bool LocksAssessments)
{
    /// <summary>
    /// Whether an amendment may change <paramref name="from"/> into <paramref name="to"/>: only when signing either did
    /// the same to the case. A re-listed case is not "decided" by amending its request for information, nor a decided
    /// case re-listed: the case is discussed again at a meeting instead.
    /// </summary>
    public static bool MayAmend(DecisionOutcome from, DecisionOutcome to) =>
        DecisionOutcomeRules.For(from) is var a && DecisionOutcomeRules.For(to) is var b
        && a.RelistsCase == b.RelistsCase && a.LocksAssessments == b.LocksAssessments;
}

/// <summary>The rules table: one row per <see cref="DecisionOutcome"/> (a unit test fails when a member has none).</summary>
public static class DecisionOutcomeRules
{
    public static readonly IReadOnlyList<OutcomeRules> All =
    [
        new(DecisionOutcome.TreatmentRecommendation, IsTreatment: true, RequiresPlan: true, AsksForInformation: false,
            RelistsCase: false, LocksAssessments: true),
        new(DecisionOutcome.MoreInformationNeeded, IsTreatment: false, RequiresPlan: false, AsksForInformation: true,
            RelistsCase: true, LocksAssessments: false),
        // A streamlined, triaged case: the standard of care is confirmed without a plan having to be spelled out.
        new(DecisionOutcome.StandardOfCareConfirmed, IsTreatment: true, RequiresPlan: false, AsksForInformation: false,
            RelistsCase: false, LocksAssessments: true),
    ];

    static readonly Dictionary<DecisionOutcome, OutcomeRules> ByOutcome = All.ToDictionary(r => r.Outcome);

    /// <summary>The row of <paramref name="outcome"/>; an undefined value (refused by the validator) gets no part of the form.</summary>
    public static OutcomeRules For(DecisionOutcome outcome) =>
        ByOutcome.TryGetValue(outcome, out var rules) ? rules : new(outcome, false, false, false, false, false);

    /// <summary>The outcomes whose row satisfies <paramref name="applies"/>, in the enum's order (e.g. where a form section shows).</summary>
    public static IReadOnlyList<DecisionOutcome> Where(Func<OutcomeRules, bool> applies) =>
        [.. All.Where(applies).Select(r => r.Outcome).Order()];
}
