using TumorBoard.Application.Features.Decisions;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Decisions;
using TumorBoard.UnitTests.Cases;
using static TumorBoard.UnitTests.Decisions.TestDecisions;

namespace TumorBoard.UnitTests.Decisions;

/// <summary>
/// The rules table on <see cref="DecisionOutcome"/>: every outcome has one coherent row, and the validator, the
/// normalisation and the amendment rule follow the row, not the outcome's name.
/// </summary>
public sealed class DecisionOutcomeRulesTests
{
    static readonly DecisionContentValidator Validator = new(FixedClock.At2026);

    public static TheoryData<DecisionOutcome> Outcomes() => [.. Enum.GetValues<DecisionOutcome>()];

    [Fact]
    public void Every_outcome_has_exactly_one_row_and_the_table_nothing_else()
    {
        DecisionOutcomeRules.All.Select(r => r.Outcome).Order().ShouldBe(Enum.GetValues<DecisionOutcome>().Order());
        foreach (var outcome in Enum.GetValues<DecisionOutcome>())
            DecisionOutcomeRules.For(outcome).ShouldBeSameAs(DecisionOutcomeRules.All.Single(r => r.Outcome == outcome));
    }

    [Theory, MemberData(nameof(Outcomes))]
    public void Every_row_is_coherent_with_what_signing_and_the_form_can_do(DecisionOutcome outcome)
    {
        var rules = DecisionOutcomeRules.For(outcome);
        // Signing either re-lists the case or decides it (and a decided case's assessments lock): never both, never neither.
        rules.RelistsCase.ShouldNotBe(rules.LocksAssessments);
        // A re-listed case says what the board waits for (the agenda note names it).
        if (rules.RelistsCase) rules.AsksForInformation.ShouldBeTrue();
        // A plan is asked for only where the form shows the plan section (treatment outcomes).
        if (rules.RequiresPlan) rules.IsTreatment.ShouldBeTrue();
        (rules.IsTreatment || rules.AsksForInformation).ShouldBeTrue("an outcome with neither would have nothing but a rationale");
    }

    [Theory, MemberData(nameof(Outcomes))]
    public void The_validator_requires_exactly_what_the_outcome_row_says(DecisionOutcome outcome)
    {
        var rules = DecisionOutcomeRules.For(outcome);
        var bare = new DecisionContent
        {
            Outcome = outcome, Rationale = "Discussed.", PatientPreferences = "As discussed.", ResponsibleClinicianId = ResponsibleClinician,
        };

        var failed = Validator.Validate(bare).Errors.Select(e => e.PropertyName).ToHashSet();

        failed.Contains(nameof(DecisionContent.Plan)).ShouldBe(rules.RequiresPlan);
        failed.Contains(nameof(DecisionContent.InformationNeeded)).ShouldBe(rules.AsksForInformation);
        failed.Contains(nameof(DecisionContent.Intent)).ShouldBe(rules.IsTreatment);
        // The concordance depends on the case's NOMS suggestion too (NomsConcordanceRule, in the commands' validators).
        failed.Contains(nameof(DecisionContent.NomsConcordance)).ShouldBeFalse();
        failed.Contains(nameof(DecisionContent.FollowUpDate)).ShouldBe(rules.IsTreatment);
    }

    [Theory, MemberData(nameof(Outcomes))]
    public void Normalising_keeps_only_the_parts_the_outcome_row_gives_it(DecisionOutcome outcome)
    {
        var rules = DecisionOutcomeRules.For(outcome);
        var everything = Content() with
        {
            Outcome = outcome, InformationNeeded = [InformationNeeded.Biopsy], InformationNeededDetails = "CT-guided biopsy of T11",
            NomsConcordance = NomsConcordance.Discordant, DiscordanceReason = DiscordanceReason.Other, DiscordanceText = "Patient wish",
        };

        var normal = everything.Normalized();

        (normal.InformationNeeded.Count > 0).ShouldBe(rules.AsksForInformation);
        (normal.InformationNeededDetails is not null).ShouldBe(rules.AsksForInformation);
        (normal.Intent is not null).ShouldBe(rules.IsTreatment);
        (normal.NomsConcordance is not null).ShouldBe(rules.IsTreatment);
        (normal.DiscordanceText is not null).ShouldBe(rules.IsTreatment);
        normal.IsTreatment.ShouldBe(rules.IsTreatment);
    }

    [Fact]
    public void An_amendment_may_change_the_outcome_only_to_one_that_signing_treats_the_same()
    {
        foreach (var from in Enum.GetValues<DecisionOutcome>())
        foreach (var to in Enum.GetValues<DecisionOutcome>())
            OutcomeRules.MayAmend(from, to).ShouldBe(
                DecisionOutcomeRules.For(from).RelistsCase == DecisionOutcomeRules.For(to).RelistsCase, $"{from} -> {to}");
        OutcomeRules.MayAmend(DecisionOutcome.TreatmentRecommendation, DecisionOutcome.StandardOfCareConfirmed).ShouldBeTrue();
        OutcomeRules.MayAmend(DecisionOutcome.MoreInformationNeeded, DecisionOutcome.TreatmentRecommendation).ShouldBeFalse();
    }

    [Fact]
    public void The_form_section_lists_come_from_the_table()
    {
        DecisionOutcomeRules.Where(r => r.IsTreatment)
            .ShouldBe(Enum.GetValues<DecisionOutcome>().Where(o => DecisionOutcomeRules.For(o).IsTreatment));
        DecisionOutcomeRules.Where(r => r.AsksForInformation).ShouldBe([DecisionOutcome.MoreInformationNeeded]);
    }

    [Fact]
    public void A_step_without_kind_or_timing_is_refused_on_its_fields_together_with_every_other_problem()
    {
        var content = Content() with
        {
            Plan = [new PlanStep { TargetLevels = [SpinalLevel.T11] }, new PlanStep { Kind = PlanStepKind.ConventionalEbrt,
                TargetLevels = [SpinalLevel.T11], DoseGy = 10000m, Fractions = 0, Timing = null }],
            Rationale = "", ResponsibleClinicianId = null, FollowUpDate = new DateOnly(1900, 1, 1),
        };

        var errors = Validator.Validate(content).Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();

        errors.ShouldContain(("Plan[0].Kind", "Choose the kind of this step."));
        errors.ShouldContain(("Plan[0].Timing", "Choose when this step should happen."));
        errors.ShouldContain(("Plan[1].Timing", "Choose when this step should happen."));
        errors.ShouldContain(("Plan[1].DoseGy", "The total dose must be above 0 and at most 100 Gy."));
        errors.ShouldContain(("Plan[1].Fractions", "Fractions must be between 1 and 50."));
        errors.ShouldContain(("Rationale", "Give the rationale for the decision."));
        errors.ShouldContain(("ResponsibleClinicianId", "Name the clinician responsible for carrying it out."));
        errors.ShouldContain(("FollowUpDate", "The follow-up date cannot be in the past."));
    }
}

/// <summary>The case-status groups and the prior-radiotherapy overlap, each kept once in the domain.</summary>
public sealed class CaseRulesOnceTests
{
    [Fact]
    public void A_case_is_closed_for_writing_once_decided_closed_or_withdrawn_and_ended_once_closed_or_withdrawn()
    {
        Enum.GetValues<CaseStatus>().Where(CaseStatuses.IsClosed)
            .ShouldBe([CaseStatus.Decided, CaseStatus.Closed, CaseStatus.Withdrawn]);
        Enum.GetValues<CaseStatus>().Where(CaseStatuses.IsEnded).ShouldBe([CaseStatus.Closed, CaseStatus.Withdrawn]);
        CaseStatuses.Ended.IsSubsetOf(CaseStatuses.Closed).ShouldBeTrue();
    }

    [Fact]
    public void Prior_radiotherapy_overlaps_the_target_levels_when_its_range_includes_any_of_them()
    {
        var t4to6 = new PriorRadiotherapy { LevelFrom = SpinalLevel.T4, LevelTo = SpinalLevel.T6, TotalDoseGy = 20, Fractions = 5 };
        var l1 = new PriorRadiotherapy { LevelFrom = SpinalLevel.L1, LevelTo = SpinalLevel.L1, TotalDoseGy = 8, Fractions = 1 };

        PriorRadiotherapy.AtLevels([t4to6, l1], [SpinalLevel.T6, SpinalLevel.T7]).ShouldBe([t4to6]);
        PriorRadiotherapy.AtLevels([t4to6, l1], [SpinalLevel.T4]).ShouldBe([t4to6]);
        PriorRadiotherapy.AtLevels([t4to6, l1], [SpinalLevel.T7, SpinalLevel.T12]).ShouldBeEmpty();
        PriorRadiotherapy.AtLevels([t4to6, l1], [SpinalLevel.L1, SpinalLevel.T5]).ShouldBe([t4to6, l1]);
        PriorRadiotherapy.AtLevels([t4to6], []).ShouldBeEmpty();
    }
}
