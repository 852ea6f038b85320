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
        RuleFor(c => c.Rationale).NotEmpty().WithMessage("Give the rationale for the decision.")
            .MaximumLength(DecisionContent.TextMaxLength);

        When(c => c.Rules.AsksForInformation, () =>
        {
            RuleFor(c => c.InformationNeeded).NotEmpty().WithMessage("Say what is needed: imaging, biopsy or a consult.");
            RuleForEach(c => c.InformationNeeded).IsInEnum();
        });
        RuleFor(c => c.InformationNeededDetails).MaximumLength(DecisionContent.ShortTextMaxLength);

        RuleFor(c => c.Plan).NotEmpty().When(c => c.Rules.RequiresPlan)
            .WithMessage(c => $"A {DisplayWords.Of(c.Outcome).ToLowerInvariant()} needs at least one plan step.");
        RuleFor(c => c.Plan.Count).LessThanOrEqualTo(MaxPlanSteps).OverridePropertyName("Plan")
            .WithMessage($"A plan has at most {MaxPlanSteps} steps.");
        RuleForEach(c => c.Plan).SetValidator(new PlanStepValidator());

        When(c => c.Rules.IsTreatment, () =>
        {
            RuleFor(c => c.Intent).NotNull().WithMessage("Choose the intent: palliative, local control or curative-intent.").IsInEnum();
            RuleFor(c => c.NomsConcordance).NotNull().WithMessage("Say whether the decision is concordant with the NOMS suggestion.").IsInEnum();
            RuleFor(c => c.FollowUpDate).NotNull().WithMessage("Set a follow-up date.");
        });
        When(c => c.Rules.IsTreatment && c.NomsConcordance == NomsConcordance.Discordant, () =>
        {
            RuleFor(c => c.DiscordanceReason).NotNull().WithMessage("A decision that departs from the NOMS suggestion needs the reason.").IsInEnum();
            RuleFor(c => c.DiscordanceText).NotEmpty().When(c => c.DiscordanceReason == DiscordanceReason.Other)
                .WithMessage("Describe the other reason.");
        });
        RuleFor(c => c.DiscordanceText).MaximumLength(DecisionContent.ShortTextMaxLength);

        RuleFor(c => c.PatientPreferences).NotEmpty().When(c => !c.PatientPreferencesNotAvailable)
            .WithMessage("Record the patient's preferences as considered, or mark them not available with a reason.")
            .MaximumLength(DecisionContent.TextMaxLength);
        RuleFor(c => c.PatientPreferencesNotAvailableReason).NotEmpty().When(c => c.PatientPreferencesNotAvailable)
            .WithMessage("Say why the patient's preferences are not available.")
            .MaximumLength(DecisionContent.ShortTextMaxLength);

        RuleFor(c => c.ResponsibleClinicianId).NotNull().WithMessage("Name the clinician responsible for carrying it out.")
            .NotEqual(Guid.Empty).WithMessage("Name the clinician responsible for carrying it out.");
        RuleFor(c => c.FollowUpDate).Must(d => d is null || d >= clock.Today)
            .WithMessage("The follow-up date cannot be in the past.")
            .WithinPlanningHorizon(clock, "The follow-up date");
    }

    sealed class PlanStepValidator : AbstractValidator<PlanStep>
    {
        public PlanStepValidator()
        {
            RuleFor(s => s.Kind).NotNull().WithMessage("Choose the kind of this step.").IsInEnum();
            RuleFor(s => s.Timing).NotNull().WithMessage("Choose when this step should happen.").IsInEnum();
            RuleFor(s => s.TargetLevels).NotEmpty().When(s => PlanStep.NeedsLevels(s.Kind))
                .WithMessage("Name the target level(s) of this step.");
            RuleForEach(s => s.TargetLevels).IsInEnum();
            When(s => PlanStep.IsRadiotherapy(s.Kind), () =>
            {
                RuleFor(s => s.DoseGy).NotNull().WithMessage("Give the total dose in Gy.")
                    .GreaterThan(0).LessThanOrEqualTo(100).WithMessage("The total dose must be above 0 and at most 100 Gy.");
                RuleFor(s => s.Fractions).NotNull().WithMessage("Give the number of fractions.")
                    .InclusiveBetween(1, 50).WithMessage("Fractions must be between 1 and 50.");
                RuleFor(s => s).Must(s => s.DoseGy is null || s.Fractions is null or 0 || s.DoseGy / s.Fractions <= 30)
                    .OverridePropertyName("DoseGy").WithMessage("More than 30 Gy per fraction: check the dose and fractions.");
            }).Otherwise(() =>
            {
                RuleFor(s => s.DoseGy).Null().WithMessage("Dose is recorded for radiotherapy steps only.");
                RuleFor(s => s.Fractions).Null().WithMessage("Fractions are recorded for radiotherapy steps only.");
            });
            RuleFor(s => s.Details).MaximumLength(DecisionContent.ShortTextMaxLength);
        }
    }
}
