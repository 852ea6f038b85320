using FluentValidation;
using TumorBoard.Domain.Patients;

namespace TumorBoard.Application.Features.Patients;

/// <summary>The field rules shared by RegisterPatient and UpdatePatient.</summary>
public interface IPatientFields
{
    string Mrn { get; }
    string FamilyName { get; }
    string GivenName { get; }
    DateOnly? DateOfBirth { get; }
    Sex? Sex { get; }
}

public sealed class PatientFieldsValidator : AbstractValidator<IPatientFields>
{
    public PatientFieldsValidator(TimeProvider clock)
    {
        RuleFor(p => p.Mrn).Must(m => !string.IsNullOrWhiteSpace(m)).WithMessage("Enter the medical record number.")
            .Must(m => m is null || m.Trim().Length <= Patient.MrnMaxLength)
            .WithMessage($"The medical record number has at most {Patient.MrnMaxLength} characters.");
        RuleFor(p => p.FamilyName).NotEmpty().WithMessage("Enter the family name.").MaximumLength(Patient.NameMaxLength);
        RuleFor(p => p.GivenName).NotEmpty().WithMessage("Enter the given name.").MaximumLength(Patient.NameMaxLength);
        RuleFor(p => p.DateOfBirth).NotNull().WithMessage("Enter the date of birth.")
            .Must(d => d is null || Patient.IsPlausibleDateOfBirth(d.Value, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)))
            .WithMessage("The date of birth must be in the past and at most 120 years ago.");
        RuleFor(p => p.Sex).NotNull().WithMessage("Choose the sex (female, male, other or unknown).").IsInEnum();
    }
}
