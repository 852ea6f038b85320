using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;

namespace TumorBoard.UnitTests.Decisions;

public sealed class DecisionDiffTests
{
    static readonly DecisionContent Surgery = new()
    {
        Outcome = DecisionOutcome.TreatmentRecommendation,
        Plan =
        [
            new PlanStep { Kind = PlanStepKind.SeparationSurgery, TargetLevels = [SpinalLevel.T5], Timing = StepTiming.Urgent },
            new PlanStep { Kind = PlanStepKind.SbrtSrs, TargetLevels = [SpinalLevel.T5], DoseGy = 27m, Fractions = 3, Timing = StepTiming.AfterPreviousStep },
        ],
        Intent = TreatmentIntent.LocalControl, Rationale = "Separation surgery then SBRT.", NomsConcordance = NomsConcordance.Concordant,
        PatientPreferences = "Wants to keep walking.", FollowUpDate = new DateOnly(2026, 12, 24),
    };

    static IReadOnlyList<LabelledChange> Diff(DecisionContent before, DecisionContent after, string? reason = null) =>
        DecisionDiff.Between(new DecisionFacts(before, "Dr Clinician", null), new DecisionFacts(after, "Dr Clinician", reason));

    [Fact]
    public void The_same_decision_has_no_differences() => Diff(Surgery, Surgery with { }).ShouldBeEmpty();

    [Fact]
    public void A_changed_dose_and_level_are_named_by_step_with_human_labels()
    {
        var after = Surgery with { Plan = [Surgery.Plan[0], Surgery.Plan[1] with { DoseGy = 24m, Fractions = 2, TargetLevels = [SpinalLevel.T5, SpinalLevel.T6] }] };
        Diff(Surgery, after, "Dose corrected").ShouldBe(new[]
        {
            new LabelledChange("plan[1].targetLevels", "Plan step 2: target levels", "T5", "T5, T6"),
            new LabelledChange("plan[1].doseGy", "Plan step 2: total dose (Gy)", "27", "24"),
            new LabelledChange("plan[1].fractions", "Plan step 2: fractions", "3", "2"),
            new LabelledChange("amendmentReason", "Amendment reason", null, "Dose corrected"),
        });
    }

    [Fact]
    public void An_added_and_a_removed_step_are_one_row_each_described_in_full_in_plan_order()
    {
        var added = Surgery with { Plan = [.. Surgery.Plan, new PlanStep { Kind = PlanStepKind.ReferralRehabilitation, Timing = StepTiming.Soon }] };
        var changes = Diff(Surgery, added with { Intent = TreatmentIntent.Palliative });
        changes.Select(c => c.Field).ShouldBe(new[] { "plan[2]", "intent" });
        changes[0].ShouldBe(new LabelledChange("plan[2]", "Plan step 3", null, "Referral: rehabilitation · Soon (within four weeks)"));

        var removed = Diff(Surgery, Surgery with { Plan = [Surgery.Plan[0]] }).ShouldHaveSingleItem();
        removed.ShouldBe(new LabelledChange("plan[1]", "Plan step 2", "SBRT/SRS · T5 · 27 Gy in 3 fractions · After the previous step", null));
    }

    [Fact]
    public void Outcome_concordance_preferences_clinician_and_follow_up_date_are_compared()
    {
        var after = Surgery with
        {
            NomsConcordance = NomsConcordance.Discordant, DiscordanceReason = DiscordanceReason.PatientPreference,
            PatientPreferences = null, PatientPreferencesNotAvailable = true, PatientPreferencesNotAvailableReason = "Sedated",
            FollowUpDate = new DateOnly(2027, 1, 7),
        };
        var changes = DecisionDiff.Between(new DecisionFacts(Surgery, "Dr A", null), new DecisionFacts(after, "Dr B", null));
        changes.Select(c => c.Label).ShouldBe(new[]
        {
            "Concordance with the NOMS suggestion", "Reason for discordance", "Patient preferences", "Patient preferences not available",
            "Why the preferences are not available", "Responsible clinician", "Follow-up date",
        });
        changes.Single(c => c.Field == "nomsConcordance").ShouldBe(new LabelledChange("nomsConcordance", "Concordance with the NOMS suggestion",
            "Concordant with the NOMS suggestion", "Departs from the NOMS suggestion"));
        changes.Single(c => c.Field == "followUpDate").After.ShouldBe("2027-01-07");
    }
}
