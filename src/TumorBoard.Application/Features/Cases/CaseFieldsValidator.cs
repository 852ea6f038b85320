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
        RuleFor(c => c.Histology).NotNull().WithText("ChoosePrimaryTumourHistology").IsInEnum();
        RuleFor(c => c.HistologyOtherText).NotEmpty().WithText("DescribeHistologyWhenYouChooseOther")
            .When(c => c.Histology == PrimaryHistology.Other);
        RuleFor(c => c.HistologyOtherText).MaximumLength(200);
        RuleFor(c => c.DiagnosisDate).PastClinicalDate(clock, "Subject_DiagnosisDate");
        RuleFor(c => c.Lesions).Must(l => l.Count <= 20).WithText("AtMost20Lesions");
        RuleForEach(c => c.Lesions).ChildRules(l =>
        {
            l.RuleFor(x => x.LevelFrom).NotNull().WithText("ChooseLesionLevel").IsInEnum();
            l.RuleFor(x => x.LevelTo).IsInEnum()
                .Must((x, to) => to is null || x.LevelFrom is null || to >= x.LevelFrom)
                .WithText("LastLevelRangeAtBelowFirst");
            l.RuleForEach(x => x.Compartments).IsInEnum();
            l.RuleFor(x => x.ImagingDate).NotNull().WithText("EnterImagingDate")
                .PastClinicalDate(clock, "Subject_ImagingDate");
        });
        RuleFor(c => c.Pain).IsInEnum();
        RuleFor(c => c.Frankel).IsInEnum();
        RuleForEach(c => c.MsccSymptoms).IsInEnum();
        RuleFor(c => c.Asia).IsInEnum();
        RuleFor(c => c.SymptomOnsetDate).PastClinicalDate(clock, "Subject_SymptomOnset");
        RuleFor(c => c.Urgency).NotNull().WithText("ChooseUrgency").IsInEnum();
        RuleFor(c => c.Ecog).InclusiveBetween(0, 4).WithText("ECOG04");
        RuleFor(c => c.Karnofsky).Must(k => k is null || (k >= 10 && k <= 100 && k % 10 == 0))
            .WithText("Karnofsky10100Steps10");
        RuleFor(c => c.ExtraspinalBoneMetastases).InclusiveBetween(0, 999)
            .WithText("NumberExtraspinalBoneMetastasesWholeNumber");
        RuleFor(c => c.VisceralMetastases).IsInEnum();
        RuleFor(c => c.PriorRadiotherapy).Must(l => l.Count <= 20).WithText("AtMost20RadiotherapyCourses");
        RuleForEach(c => c.PriorRadiotherapy).ChildRules(r =>
        {
            r.RuleFor(x => x.LevelFrom).NotNull().WithText("ChooseTreatedLevel").IsInEnum();
            r.RuleFor(x => x.LevelTo).IsInEnum()
                .Must((x, to) => to is null || x.LevelFrom is null || to >= x.LevelFrom)
                .WithText("LastLevelRangeAtBelowFirst");
            r.RuleFor(x => x.TotalDoseGy).NotNull().WithText("EnterTotalDoseGy")
                .InclusiveBetween(0.1m, 100m).WithText("TotalDoseBetween01100");
            r.RuleFor(x => x.Fractions).NotNull().WithText("EnterNumberFractions")
                .InclusiveBetween(1, 60).WithText("FractionsAreBetween160");
            r.RuleFor(x => x.EndDate).NotNull().WithText("EnterEndDateCourse")
                .PastClinicalDate(clock, "Subject_EndDate");
        });
        RuleFor(c => c.CurrentSystemicTherapy).MaximumLength(1000);
        RuleFor(c => c.ClinicalQuestion).NotEmpty().WithText("EnterClinicalQuestionBoard")
            .MaximumLength(TumorBoardCase.ClinicalQuestionMaxLength)
            .WithText("Case_ClinicalQuestionMax", TumorBoardCase.ClinicalQuestionMaxLength);
        RuleFor(c => c.ReferringClinician).MaximumLength(200);
        RuleFor(c => c.PatientPreferences).MaximumLength(2000);
    }
}
