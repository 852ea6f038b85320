using FluentValidation;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Scores;

namespace TumorBoard.Application.Features.Assessments;

/// <summary>The content of an assessment command (SaveAssessmentDraft, ReviseAssessment): one record, its discipline's rules.</summary>
public static class AssessmentContentRules
{
    static readonly Type[] Records = [typeof(NeurosurgeryContent), typeof(RadiationOncologyContent), typeof(MedicalOncologyContent)];

    /// <summary>Present, and exactly one of the three content records (a type that extends one is not content).</summary>
    public static IRuleBuilderOptions<T, AssessmentContent> OneOfTheContentRecords<T>(this IRuleBuilder<T, AssessmentContent> rule) =>
        rule.NotNull().WithMessage("Send the assessment's content.")
            .Must(c => c is null || Records.Contains(c.GetType()))
            .WithMessage("The content is a neurosurgery, radiation oncology or medical oncology assessment.");

    /// <summary>
    /// The rules of the content's own discipline (FluentValidation's inheritance validator), the messages named as the
    /// content's fields ("Ecog", "Lesions[0].Escc"): the typed routes take the content flat, the forms bind it as Input.
    /// </summary>
    public static IRuleBuilderOptions<T, AssessmentContent> ValidForItsDiscipline<T>(this IRuleBuilder<T, AssessmentContent> rule) =>
        rule.SetInheritanceValidator(v =>
        {
            v.Add(new NeurosurgeryContentValidator());
            v.Add(new RadiationOncologyContentValidator());
            v.Add(new MedicalOncologyContentValidator());
        }).OverridePropertyName("");
}

/// <summary>Ranges and vocabularies only: a draft may be partial; completeness is checked on submission (the domain).</summary>
public sealed class NeurosurgeryContentValidator : AbstractValidator<NeurosurgeryContent>
{
    public NeurosurgeryContentValidator()
    {
        RuleFor(c => c.Lesions).Must(l => l.Count <= 20).WithMessage("At most 20 lesions.");
        RuleForEach(c => c.Lesions).ChildRules(l =>
        {
            l.RuleFor(x => x.IndexLevel).IsInEnum().WithMessage("Choose a spinal level (Occiput, C1 ... S5, Coccyx).");
            l.RuleFor(x => x.LocationOverride).IsInEnum();
            l.RuleFor(x => x.Pain).IsInEnum();
            l.RuleFor(x => x.BoneLesion).IsInEnum();
            l.RuleFor(x => x.Alignment).IsInEnum();
            l.RuleFor(x => x.Collapse).IsInEnum();
            l.RuleFor(x => x.Posterolateral).IsInEnum();
            l.RuleFor(x => x.Escc).Must(e => e is null || EsccGrades.TryParse(e, out _))
                .WithMessage("The ESCC grade is one of 0, 1a, 1b, 1c, 2, 3 (a bare 1 is not a grade).");
        });
        RuleFor(c => c.Frankel).IsInEnum();
        RuleFor(c => c.Asia).IsInEnum();
        RuleFor(c => c.Course).IsInEnum();
        RuleFor(c => c.FitForOpenSurgery).IsInEnum();
        RuleFor(c => c.FitnessReason).NotEmpty().WithMessage("Give the reason why fitness for open surgery is borderline.")
            .When(c => c.FitForOpenSurgery == SurgicalFitness.Borderline);
        RuleFor(c => c.FitnessReason).MaximumLength(1000);
        RuleFor(c => c.Recommendation).IsInEnum();
        RuleForEach(c => c.TargetLevels).IsInEnum().WithMessage("Choose a spinal level (Occiput, C1 ... S5, Coccyx).");
        RuleFor(c => c.Rationale).MaximumLength(4000);
    }
}

public sealed class RadiationOncologyContentValidator : AbstractValidator<RadiationOncologyContent>
{
    public RadiationOncologyContentValidator()
    {
        RuleFor(c => c.RadiosensitivityOverride).IsInEnum();
        RuleFor(c => c.OverrideReason).NotEmpty().WithMessage("Give the reason for overriding the table's radiosensitivity.")
            .When(c => c.RadiosensitivityOverride is not null);
        RuleFor(c => c.OverrideReason).MaximumLength(1000);
        RuleFor(c => c.Recommendation).IsInEnum();
        RuleFor(c => c.TotalDoseGy).InclusiveBetween(RadiationSchedules.MinDoseGy, RadiationSchedules.MaxDoseGy)
            .WithMessage("The total dose is 1 to 60 Gy.");
        RuleFor(c => c.Fractions).InclusiveBetween(RadiationSchedules.MinFractions, RadiationSchedules.MaxFractions)
            .WithMessage("The number of fractions is 1 to 40.");
        RuleForEach(c => c.TargetLevels).IsInEnum().WithMessage("Choose a spinal level (Occiput, C1 ... S5, Coccyx).");
        RuleFor(c => c.Timing).IsInEnum();
        RuleFor(c => c.Rationale).MaximumLength(4000);
    }
}

public sealed class MedicalOncologyContentValidator : AbstractValidator<MedicalOncologyContent>
{
    public MedicalOncologyContentValidator()
    {
        RuleFor(c => c.SystemicDisease).IsInEnum();
        RuleFor(c => c.VisceralMetastases).IsInEnum();
        RuleFor(c => c.TomitaVisceral).IsInEnum();
        RuleFor(c => c.Ecog).InclusiveBetween(0, 4).WithMessage("ECOG is 0 to 4.");
        RuleFor(c => c.Karnofsky).Must(k => k is null || (k >= 10 && k <= 100 && k % 10 == 0))
            .WithMessage("Karnofsky is 10 to 100 in steps of 10.");
        RuleFor(c => c.ExtraspinalBoneMetastases).InclusiveBetween(0, 999)
            .WithMessage("The number of extraspinal bone metastases is a whole number, 0 or more.");
        RuleFor(c => c.VertebralBodyMetastases).InclusiveBetween(1, 999)
            .WithMessage("The number of vertebral body metastases is at least 1.");
        RuleFor(c => c.TokuhashiPrimarySite).IsInEnum();
        RuleFor(c => c.Frankel).IsInEnum();
        RuleFor(c => c.TomitaPrimaryGrowth).IsInEnum();
        RuleFor(c => c.TomitaBoneMetastases).IsInEnum();
        RuleFor(c => c.ExpectedSurvival).IsInEnum();
        RuleFor(c => c.SystemicTherapy).IsInEnum();
        RuleFor(c => c.SystemicTherapyText).MaximumLength(1000);
        RuleFor(c => c.BoneModifyingAgent).IsInEnum();
        RuleFor(c => c.PatientPreferences).MaximumLength(2000);
        RuleFor(c => c.Rationale).MaximumLength(4000);
    }
}
