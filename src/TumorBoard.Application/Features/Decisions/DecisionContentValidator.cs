using FluentValidation;
using TumorBoard.Application.Common.Validation;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Application.Common.Models;

namespace TumorBoard.Application.Features.Decisions;

/// <summary>
/// What a complete decision needs (issue #6 "Decision"; practice.md (b)9: the form enforces the checklist or records
/// "not available"). Used by recording, revising and amending alike. What applies to an outcome comes from its row in
/// <see cref="DecisionOutcomeRules"/>, never from the outcome's name.
/// </summary>
public sealed class DecisionContentValidator : AbstractValidator<DecisionContent>
{
    public const int MaxPlanSteps = 20;

    public DecisionContentValidator(BoardClock clock)
    {
        RuleFor(c => c.Outcome).IsInEnum();
        RuleFor(c => c.Rationale).NotEmpty().WithText("GiveRationaleDecision")
            .MaximumLength(DecisionContent.TextMaxLength);

        When(c => c.Rules.AsksForInformation, () =>
        {
            RuleFor(c => c.InformationNeeded).NotEmpty().WithText("SayWhatNeededImagingBiopsyConsult");
            RuleForEach(c => c.InformationNeeded).IsInEnum();
        });
        RuleFor(c => c.InformationNeededDetails).MaximumLength(DecisionContent.ShortTextMaxLength);

        RuleFor(c => c.Plan).NotEmpty().When(c => c.Rules.RequiresPlan)
            .WithText("Decision_PlanStepNeeded", c => [DisplayWords.Of(c.Outcome).ToLowerInvariant()]);
        RuleFor(c => c.Plan.Count).LessThanOrEqualTo(MaxPlanSteps).OverridePropertyName("Plan")
            .WithText("Decision_PlanMaxSteps", MaxPlanSteps);
        RuleForEach(c => c.Plan).SetValidator(new PlanStepValidator());

        When(c => c.Rules.IsTreatment, () =>
        {
            RuleFor(c => c.Intent).NotNull().WithText("ChooseIntentPalliativeLocalControlCurative").IsInEnum();
            // Required only with a complete NOMS suggestion: NomsConcordanceRule, in each command's validator.
            RuleFor(c => c.NomsConcordance).IsInEnum();
            RuleFor(c => c.FollowUpDate).NotNull().WithText("SetFollowUpDate");
        });
        When(c => c.Rules.IsTreatment && c.NomsConcordance == NomsConcordance.Discordant, () =>
        {
            RuleFor(c => c.DiscordanceReason).NotNull().WithText("DecisionThatDepartsFromNOMSSuggestion").IsInEnum();
            RuleFor(c => c.DiscordanceText).NotEmpty().When(c => c.DiscordanceReason == DiscordanceReason.Other)
                .WithText("DescribeOtherReason");
        });
        RuleFor(c => c.DiscordanceText).MaximumLength(DecisionContent.ShortTextMaxLength);

        RuleFor(c => c.PatientPreferences).NotEmpty().When(c => !c.PatientPreferencesNotAvailable)
            .WithText("RecordPatientPreferencesAsConsideredMark")
            .MaximumLength(DecisionContent.TextMaxLength);
        RuleFor(c => c.PatientPreferencesNotAvailableReason).NotEmpty().When(c => c.PatientPreferencesNotAvailable)
            .WithText("SayWhyPatientPreferencesAreNot")
            .MaximumLength(DecisionContent.ShortTextMaxLength);

        RuleFor(c => c.ResponsibleClinicianId).NotNull().WithText("NameClinicianResponsibleCarryingOut")
            .NotEqual(Guid.Empty).WithText("NameClinicianResponsibleCarryingOut");
        RuleFor(c => c.FollowUpDate).Must(d => d is null || d >= clock.Today)
            .WithText("FollowUpDateCannotPast")
            .WithinPlanningHorizon(clock, "Subject_FollowUpDate");
    }

    sealed class PlanStepValidator : AbstractValidator<PlanStep>
    {
        public PlanStepValidator()
        {
            RuleFor(s => s.Kind).NotNull().WithText("ChooseKindStep").IsInEnum();
            RuleFor(s => s.Timing).NotNull().WithText("ChooseWhenStepShouldHappen").IsInEnum();
            RuleFor(s => s.TargetLevels).NotEmpty().When(s => PlanStep.NeedsLevels(s.Kind))
                .WithText("NameTargetLevelSStep");
            RuleForEach(s => s.TargetLevels).IsInEnum();
            When(s => PlanStep.IsRadiotherapy(s.Kind), () =>
            {
                RuleFor(s => s.DoseGy).NotNull().WithText("GiveTotalDoseGy")
                    .GreaterThan(0).LessThanOrEqualTo(100).WithText("TotalDoseAbove0AtMost");
                RuleFor(s => s.Fractions).NotNull().WithText("GiveNumberFractions")
                    .InclusiveBetween(1, 50).WithText("FractionsBetween150");
                RuleFor(s => s).Must(s => s.DoseGy is null || s.Fractions is null or 0 || s.DoseGy / s.Fractions <= 30)
                    .OverridePropertyName("DoseGy").WithText("MoreThan30GyPerFraction");
            }).Otherwise(() =>
            {
                RuleFor(s => s.DoseGy).Null().WithText("DoseRecordedRadiotherapyStepsOnly");
                RuleFor(s => s.Fractions).Null().WithText("FractionsAreRecordedRadiotherapyStepsOnly");
            });
            RuleFor(s => s.Details).MaximumLength(DecisionContent.ShortTextMaxLength);
        }
    }
}
