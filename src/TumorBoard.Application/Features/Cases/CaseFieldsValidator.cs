using FluentValidation;
using TumorBoard.Application.Common.Validation;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.Application.Common.Models;

namespace TumorBoard.Application.Features.Cases;

public sealed class CaseFieldsValidator : AbstractValidator<CaseFields>
{
    public CaseFieldsValidator(BoardClock clock)
    {
        RuleFor(c => c.Histology).NotNull().WithMessage("Choose the primary tumour's histology.").IsInEnum();
        RuleFor(c => c.HistologyOtherText).NotEmpty().WithMessage("Describe the histology when you choose 'Other'.")
            .When(c => c.Histology == PrimaryHistology.Other);
        RuleFor(c => c.HistologyOtherText).MaximumLength(200);
        RuleFor(c => c.DiagnosisDate).PastClinicalDate(clock, "The date of diagnosis");
        RuleFor(c => c.Lesions).Must(l => l.Count <= 20).WithMessage("At most 20 lesions.");
        RuleForEach(c => c.Lesions).ChildRules(l =>
        {
            l.RuleFor(x => x.LevelFrom).NotNull().WithMessage("Choose the lesion's level.").IsInEnum();
            l.RuleFor(x => x.LevelTo).IsInEnum()
                .Must((x, to) => to is null || x.LevelFrom is null || to >= x.LevelFrom)
                .WithMessage("The last level of a range must be at or below the first level.");
            l.RuleForEach(x => x.Compartments).IsInEnum();
            l.RuleFor(x => x.ImagingDate).NotNull().WithMessage("Enter the imaging date.")
                .PastClinicalDate(clock, "The imaging date");
        });
        RuleFor(c => c.Pain).IsInEnum();
        RuleFor(c => c.Frankel).IsInEnum();
        RuleForEach(c => c.MsccSymptoms).IsInEnum();
        RuleFor(c => c.Asia).IsInEnum();
        RuleFor(c => c.SymptomOnsetDate).PastClinicalDate(clock, "The symptom onset");
        RuleFor(c => c.Urgency).NotNull().WithMessage("Choose the urgency.").IsInEnum();
        RuleFor(c => c.Ecog).InclusiveBetween(0, 4).WithMessage("ECOG is 0 to 4.");
        RuleFor(c => c.Karnofsky).Must(k => k is null || (k >= 10 && k <= 100 && k % 10 == 0))
            .WithMessage("Karnofsky is 10 to 100 in steps of 10.");
        RuleFor(c => c.ExtraspinalBoneMetastases).InclusiveBetween(0, 999)
            .WithMessage("The number of extraspinal bone metastases is a whole number, 0 or more.");
        RuleFor(c => c.VisceralMetastases).IsInEnum();
        RuleFor(c => c.PriorRadiotherapy).Must(l => l.Count <= 20).WithMessage("At most 20 radiotherapy courses.");
        RuleForEach(c => c.PriorRadiotherapy).ChildRules(r =>
        {
            r.RuleFor(x => x.LevelFrom).NotNull().WithMessage("Choose the treated level.").IsInEnum();
            r.RuleFor(x => x.LevelTo).IsInEnum()
                .Must((x, to) => to is null || x.LevelFrom is null || to >= x.LevelFrom)
                .WithMessage("The last level of a range must be at or below the first level.");
            r.RuleFor(x => x.TotalDoseGy).NotNull().WithMessage("Enter the total dose in Gy.")
                .InclusiveBetween(0.1m, 100m).WithMessage("The total dose is between 0.1 and 100 Gy.");
            r.RuleFor(x => x.Fractions).NotNull().WithMessage("Enter the number of fractions.")
                .InclusiveBetween(1, 60).WithMessage("Fractions are between 1 and 60.");
            r.RuleFor(x => x.EndDate).NotNull().WithMessage("Enter the end date of the course.")
                .PastClinicalDate(clock, "The end date");
        });
        RuleFor(c => c.CurrentSystemicTherapy).MaximumLength(1000);
        RuleFor(c => c.ClinicalQuestion).NotEmpty().WithMessage("Enter the clinical question for the board.")
            .MaximumLength(TumorBoardCase.ClinicalQuestionMaxLength)
            .WithMessage($"The clinical question has at most {TumorBoardCase.ClinicalQuestionMaxLength:N0} characters.");
        RuleFor(c => c.ReferringClinician).MaximumLength(200);
        RuleFor(c => c.PatientPreferences).MaximumLength(2000);
    }
}
