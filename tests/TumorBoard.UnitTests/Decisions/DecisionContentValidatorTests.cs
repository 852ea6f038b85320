using FluentValidation.Results;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Decisions;
using TumorBoard.UnitTests.Cases;
using static TumorBoard.UnitTests.Decisions.TestDecisions;

namespace TumorBoard.UnitTests.Decisions;

/// <summary>What a complete decision needs (issue #6 "Decision"; practice.md (b)9), rule by rule.</summary>
public sealed class DecisionContentValidatorTests
{
    static readonly DecisionContentValidator Validator = new(FixedClock.At2026);

    static ValidationResult Validate(DecisionContent content) => Validator.Validate(content);

    /// <summary>The content is refused on exactly these fields.</summary>
    static void ShouldFailOn(DecisionContent content, params string[] fields)
    {
        var result = Validate(content);
        result.Errors.Select(e => e.PropertyName).Distinct().Order().ShouldBe(fields.Order(),
            string.Join("; ", result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")));
    }

    static string MessageOn(DecisionContent content, string field) =>
        Validate(content).Errors.First(e => e.PropertyName == field).ErrorMessage;

    static PlanStep Sbrt(decimal? dose, int? fractions) =>
        new() { Kind = PlanStepKind.SbrtSrs, TargetLevels = [SpinalLevel.L2], DoseGy = dose, Fractions = fractions, Timing = StepTiming.Soon };

    static PlanStep Systemic => new() { Kind = PlanStepKind.SystemicTherapy, Timing = StepTiming.Soon };

    [Fact]
    public void A_complete_treatment_recommendation_is_valid() => Validate(Content()).IsValid.ShouldBeTrue();

    [Fact]
    public void A_complete_request_for_more_information_is_valid_without_plan_intent_concordance_or_date() =>
        Validate(MoreInformation()).IsValid.ShouldBeTrue();

    [Fact]
    public void Standard_of_care_confirmed_needs_no_plan_but_intent_and_date() =>
        ShouldFailOn(Content() with { Outcome = DecisionOutcome.StandardOfCareConfirmed, Plan = [], Intent = null, NomsConcordance = null, FollowUpDate = null },
            "FollowUpDate", "Intent");

    [Fact]
    public void An_unknown_outcome_is_refused() => ShouldFailOn(Content() with { Outcome = (DecisionOutcome)42 }, "Outcome");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void The_rationale_is_required(string rationale)
    {
        ShouldFailOn(Content() with { Rationale = rationale }, "Rationale");
        MessageOn(Content() with { Rationale = rationale }, "Rationale").ShouldBe("Give the rationale for the decision.");
    }

    [Fact]
    public void The_rationale_has_a_length_limit()
    {
        Validate(Content() with { Rationale = new string('x', DecisionContent.TextMaxLength) }).IsValid.ShouldBeTrue();
        ShouldFailOn(Content() with { Rationale = new string('x', DecisionContent.TextMaxLength + 1) }, "Rationale");
    }

    [Fact]
    public void More_information_needed_says_what_is_needed()
    {
        ShouldFailOn(MoreInformation() with { InformationNeeded = [] }, "InformationNeeded");
        MessageOn(MoreInformation() with { InformationNeeded = [] }, "InformationNeeded").ShouldContain("imaging, biopsy or a consult");
        ShouldFailOn(MoreInformation() with { InformationNeeded = [(InformationNeeded)9] }, "InformationNeeded[0]");
        ShouldFailOn(MoreInformation() with { InformationNeededDetails = new string('x', DecisionContent.ShortTextMaxLength + 1) }, "InformationNeededDetails");
    }

    [Fact]
    public void A_treatment_recommendation_needs_a_plan_of_at_most_twenty_steps()
    {
        ShouldFailOn(Content() with { Plan = [] }, "Plan");
        Validate(Content() with { Plan = [.. Enumerable.Repeat(Systemic, DecisionContentValidator.MaxPlanSteps)] }).IsValid.ShouldBeTrue();
        ShouldFailOn(Content() with { Plan = [.. Enumerable.Repeat(Systemic, DecisionContentValidator.MaxPlanSteps + 1)] }, "Plan");
    }

    [Fact]
    public void A_treatment_needs_intent_and_a_follow_up_date_and_a_known_concordance()
    {
        ShouldFailOn(Content() with { Intent = null }, "Intent");
        // Whether the concordance may stay empty depends on the case's NOMS suggestion: NomsConcordanceRule (integration tests).
        Validate(Content() with { NomsConcordance = null }).IsValid.ShouldBeTrue();
        ShouldFailOn(Content() with { FollowUpDate = null }, "FollowUpDate");
        ShouldFailOn(Content() with { Intent = (TreatmentIntent)7, NomsConcordance = (NomsConcordance)7 }, "Intent", "NomsConcordance");
    }

    [Fact]
    public void Spine_steps_name_their_target_levels_other_steps_need_none()
    {
        ShouldFailOn(Content() with { Plan = [Content().Plan[0] with { TargetLevels = [] }] }, "Plan[0].TargetLevels");
        ShouldFailOn(Content() with { Plan = [Content().Plan[0] with { TargetLevels = [(SpinalLevel)99] }] }, "Plan[0].TargetLevels[0]");
        Validate(Content() with { Plan = [Systemic, new PlanStep { Kind = PlanStepKind.ReferralPalliativeCare, Timing = StepTiming.Elective }] })
            .IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Unknown_step_kinds_and_timings_are_refused() =>
        ShouldFailOn(Content() with { Plan = [Systemic with { Kind = (PlanStepKind)99, Timing = (StepTiming)99 }] }, "Plan[0].Kind", "Plan[0].Timing");

    [Theory]
    [InlineData(PlanStepKind.SbrtSrs)]
    [InlineData(PlanStepKind.ConventionalEbrt)]
    public void A_radiotherapy_step_gives_dose_and_fractions(PlanStepKind kind)
    {
        var step = Sbrt(null, null) with { Kind = kind };
        ShouldFailOn(Content() with { Plan = [Content().Plan[0], step] }, "Plan[1].DoseGy", "Plan[1].Fractions");
        MessageOn(Content() with { Plan = [Content().Plan[0], step] }, "Plan[1].DoseGy").ShouldBe("Give the total dose in Gy.");
        Validate(Content() with { Plan = [step with { DoseGy = 30m, Fractions = 10 }] }).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData(0, 1, "Plan[0].DoseGy")]
    [InlineData(-8, 1, "Plan[0].DoseGy")]
    [InlineData(100.5, 50, "Plan[0].DoseGy")]
    [InlineData(20, 0, "Plan[0].Fractions")]
    [InlineData(60, 51, "Plan[0].Fractions")]
    public void Dose_and_fractions_stay_in_range(double dose, int fractions, string field) =>
        ShouldFailOn(Content() with { Plan = [Sbrt((decimal)dose, fractions)] }, field);

    [Fact]
    public void More_than_30_Gy_per_fraction_is_refused_and_30_is_accepted()
    {
        ShouldFailOn(Content() with { Plan = [Sbrt(35m, 1)] }, "Plan[0].DoseGy");
        MessageOn(Content() with { Plan = [Sbrt(35m, 1)] }, "Plan[0].DoseGy").ShouldContain("More than 30 Gy per fraction");
        ShouldFailOn(Content() with { Plan = [Sbrt(61m, 2)] }, "Plan[0].DoseGy");
        Validate(Content() with { Plan = [Sbrt(30m, 1)] }).IsValid.ShouldBeTrue();
        Validate(Content() with { Plan = [Sbrt(100m, 50)] }).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Dose_and_fractions_are_refused_on_a_step_that_is_not_radiotherapy()
    {
        ShouldFailOn(Content() with { Plan = [Content().Plan[0] with { DoseGy = 8m }] }, "Plan[0].DoseGy");
        MessageOn(Content() with { Plan = [Content().Plan[0] with { DoseGy = 8m }] }, "Plan[0].DoseGy").ShouldBe("Dose is recorded for radiotherapy steps only.");
        ShouldFailOn(Content() with { Plan = [Systemic with { Fractions = 1 }] }, "Plan[0].Fractions");
    }

    [Fact]
    public void Step_details_have_a_length_limit() =>
        ShouldFailOn(Content() with { Plan = [Systemic with { Details = new string('x', DecisionContent.ShortTextMaxLength + 1) }] }, "Plan[0].Details");

    [Fact]
    public void A_decision_departing_from_NOMS_gives_the_reason_and_describes_other()
    {
        var discordant = Content() with { NomsConcordance = NomsConcordance.Discordant };
        ShouldFailOn(discordant, "DiscordanceReason");
        MessageOn(discordant, "DiscordanceReason").ShouldContain("departs from the NOMS suggestion");
        Validate(discordant with { DiscordanceReason = DiscordanceReason.PriorRadiotherapy }).IsValid.ShouldBeTrue();
        ShouldFailOn(discordant with { DiscordanceReason = DiscordanceReason.Other }, "DiscordanceText");
        ShouldFailOn(discordant with { DiscordanceReason = DiscordanceReason.Other, DiscordanceText = "  " }, "DiscordanceText");
        Validate(discordant with { DiscordanceReason = DiscordanceReason.Other, DiscordanceText = "Trial slot available" }).IsValid.ShouldBeTrue();
        ShouldFailOn(discordant with { DiscordanceReason = (DiscordanceReason)9 }, "DiscordanceReason");
    }

    [Fact]
    public void A_concordant_decision_needs_no_discordance_reason() =>
        Validate(Content() with { DiscordanceReason = null, DiscordanceText = null }).IsValid.ShouldBeTrue();

    [Fact]
    public void Patient_preferences_are_recorded_or_marked_not_available_with_a_reason()
    {
        ShouldFailOn(Content() with { PatientPreferences = null }, "PatientPreferences");
        ShouldFailOn(Content() with { PatientPreferences = "   " }, "PatientPreferences");
        ShouldFailOn(Content() with { PatientPreferences = null, PatientPreferencesNotAvailable = true }, "PatientPreferencesNotAvailableReason");
        Validate(Content() with { PatientPreferences = null, PatientPreferencesNotAvailable = true, PatientPreferencesNotAvailableReason = "Sedated in ICU" })
            .IsValid.ShouldBeTrue();
        ShouldFailOn(Content() with { PatientPreferences = new string('x', DecisionContent.TextMaxLength + 1) }, "PatientPreferences");
    }

    [Fact]
    public void The_responsible_clinician_is_named()
    {
        ShouldFailOn(Content() with { ResponsibleClinicianId = null }, "ResponsibleClinicianId");
        ShouldFailOn(Content() with { ResponsibleClinicianId = Guid.Empty }, "ResponsibleClinicianId");
    }

    [Fact]
    public void The_follow_up_date_may_be_today_but_not_in_the_past()
    {
        Validate(Content() with { FollowUpDate = FixedClock.Today }).IsValid.ShouldBeTrue();
        ShouldFailOn(Content() with { FollowUpDate = FixedClock.Today.AddDays(-1) }, "FollowUpDate");
        MessageOn(Content() with { FollowUpDate = FixedClock.Today.AddDays(-1) }, "FollowUpDate").ShouldBe("The follow-up date cannot be in the past.");
        ShouldFailOn(MoreInformation() with { FollowUpDate = FixedClock.Today.AddDays(-1) }, "FollowUpDate");
    }

    [Fact]
    public void Every_missing_field_is_reported_at_once()
    {
        var empty = new DecisionContent();
        ShouldFailOn(empty, "FollowUpDate", "Intent", "PatientPreferences", "Plan", "Rationale", "ResponsibleClinicianId");
    }
}
