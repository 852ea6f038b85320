using FluentValidation;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Scores;
using TumorBoard.Application.Common.Validation;

namespace TumorBoard.Application.Features.Assessments;

/// <summary>The content of an assessment command (SaveAssessmentDraft, ReviseAssessment): one record, its discipline's rules.</summary>
public static class AssessmentContentRules
{
    static readonly Type[] Records = [typeof(NeurosurgeryContent), typeof(RadiationOncologyContent), typeof(MedicalOncologyContent)];

    /// <summary>Present, and exactly one of the three content records (a type that extends one is not content).</summary>
    public static IRuleBuilderOptions<T, AssessmentContent> OneOfTheContentRecords<T>(this IRuleBuilder<T, AssessmentContent> rule) =>
        rule.NotNull().WithText("SendAssessmentContent")
            .Must(c => c is null || Records.Contains(c.GetType()))
            .WithText("ContentNeurosurgeryRadiationOncologyMedicalOncology");

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
        RuleFor(c => c.Lesions).Must(l => l.Count <= 20).WithText("AtMost20Lesions");
        RuleForEach(c => c.Lesions).ChildRules(l =>
        {
            l.RuleFor(x => x.IndexLevel).IsInEnum().WithText("ChooseSpinalLevelOcciputC1S5");
            l.RuleFor(x => x.LocationOverride).IsInEnum();
            l.RuleFor(x => x.Pain).IsInEnum();
            l.RuleFor(x => x.BoneLesion).IsInEnum();
            l.RuleFor(x => x.Alignment).IsInEnum();
            l.RuleFor(x => x.Collapse).IsInEnum();
            l.RuleFor(x => x.Posterolateral).IsInEnum();
            l.RuleFor(x => x.Escc).Must(e => e is null || EsccGrades.TryParse(e, out _))
                .WithText("ESCCGradeOne01a1b");
        });
        RuleFor(c => c.Frankel).IsInEnum();
        RuleFor(c => c.Asia).IsInEnum();
        RuleFor(c => c.Course).IsInEnum();
        RuleFor(c => c.FitForOpenSurgery).IsInEnum();
        RuleFor(c => c.FitnessReason).NotEmpty().WithText("GiveReasonWhyFitnessOpenSurgery")
            .When(c => c.FitForOpenSurgery == SurgicalFitness.Borderline);
        RuleFor(c => c.FitnessReason).MaximumLength(1000);
        RuleFor(c => c.Recommendation).IsInEnum();
        RuleForEach(c => c.TargetLevels).IsInEnum().WithText("ChooseSpinalLevelOcciputC1S5");
        RuleFor(c => c.Rationale).MaximumLength(4000);
    }
}

public sealed class RadiationOncologyContentValidator : AbstractValidator<RadiationOncologyContent>
{
    public RadiationOncologyContentValidator()
    {
        RuleFor(c => c.RadiosensitivityOverride).IsInEnum();
        RuleFor(c => c.OverrideReason).NotEmpty().WithText("GiveReasonOverridingTableRadiosensitivity")
            .When(c => c.RadiosensitivityOverride is not null);
        RuleFor(c => c.OverrideReason).MaximumLength(1000);
        RuleFor(c => c.Recommendation).IsInEnum();
        RuleFor(c => c.TotalDoseGy).InclusiveBetween(RadiationSchedules.MinDoseGy, RadiationSchedules.MaxDoseGy)
            .WithText("TotalDose160Gy");
        RuleFor(c => c.Fractions).InclusiveBetween(RadiationSchedules.MinFractions, RadiationSchedules.MaxFractions)
            .WithText("NumberFractions140");
        RuleForEach(c => c.TargetLevels).IsInEnum().WithText("ChooseSpinalLevelOcciputC1S5");
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
        RuleFor(c => c.Ecog).InclusiveBetween(0, 4).WithText("ECOG04");
        RuleFor(c => c.Karnofsky).Must(k => k is null || (k >= 10 && k <= 100 && k % 10 == 0))
            .WithText("Karnofsky10100Steps10");
        RuleFor(c => c.ExtraspinalBoneMetastases).InclusiveBetween(0, 999)
            .WithText("NumberExtraspinalBoneMetastasesWholeNumber");
        RuleFor(c => c.VertebralBodyMetastases).InclusiveBetween(1, 999)
            .WithText("NumberVertebralBodyMetastasesAtLeast");
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
