using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Patients;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Validation;

namespace TumorBoard.Application.Features.Patients;

/// <summary>The field rules shared by RegisterPatient and UpdatePatient.</summary>
public interface IPatientFields
{
    string Mrn { get; }
    string FamilyName { get; }
    string GivenName { get; }
    DateOnly? DateOfBirth { get; }
    Sex? Sex { get; }
    /// <summary>The language the patient reads (de, fr, it, en); none given: the board's (Board:PatientLetter:DefaultLanguage).</summary>
    PatientLanguage? Language { get; }
}

public sealed class PatientFieldsValidator : AbstractValidator<IPatientFields>
{
    public PatientFieldsValidator(BoardClock clock)
    {
        // Checked in the canonical form that is stored: look-alikes are normalised, anything else not A-Z 0-9 - / . is named.
        RuleFor(p => p.Mrn).Custom((mrn, context) =>
        {
            if (Domain.Patients.Mrn.Problem(Domain.Patients.Mrn.Normalize(mrn)) is { } problem) context.AddFailure(problem);
        });
        RuleFor(p => p.FamilyName).NotEmpty().WithText("EnterFamilyName").MaximumLength(Patient.NameMaxLength);
        RuleFor(p => p.GivenName).NotEmpty().WithText("EnterGivenName").MaximumLength(Patient.NameMaxLength);
        RuleFor(p => p.DateOfBirth).NotNull().WithText("EnterDateBirth")
            .Must(d => d is null || Patient.IsPlausibleDateOfBirth(d.Value, clock.Today))
            .WithText("DateBirthPastAtMost120");
        RuleFor(p => p.Sex).NotNull().WithText("ChooseSexFemaleMaleOtherUnknown").IsInEnum();
        RuleFor(p => p.Language).IsInEnum().WithText("ChoosePatientLanguageDeFrEn");
    }
}

/// <summary>The registered patient an MRN matches once normalised (issue #10 item 13): named in the refusal of a duplicate.</summary>
public sealed record MrnMatch(Guid Id, string Mrn, string FamilyName, string GivenName, DateOnly DateOfBirth)
{
    public string Message =>
        $"This medical record number matches patient {Mrn}, {FamilyName} {GivenName} (born {DateOfBirth:yyyy-MM-dd}), who is already registered.";
}

public static class PatientRules
{
    /// <summary>The patient other than <paramref name="except"/> whose MRN is the canonical form of <paramref name="entered"/>.</summary>
    public static Task<MrnMatch?> FindByMrnAsync(TumorBoardDbContext db, string? entered, Guid? except, CancellationToken ct)
    {
        var mrn = Mrn.Normalize(entered);
        return db.Patients.AsNoTracking().Where(p => p.Mrn == mrn && p.Id != except)
            .Select(p => new MrnMatch(p.Id, p.Mrn, p.FamilyName, p.GivenName, p.DateOfBirth)).FirstOrDefaultAsync(ct);
    }

    /// <summary>The duplicate check of register and update: a 400 on Mrn naming the patient it matches.</summary>
    public static IRuleBuilderOptionsConditions<T, string> NotAnotherPatientsMrn<T>(this IRuleBuilder<T, string> rule,
        TumorBoardDbContext db, Func<T, Guid?> self) =>
        rule.CustomAsync(async (mrn, context, ct) =>
        {
            if (Mrn.Problem(Mrn.Normalize(mrn)) is not null) return;   // the field rule has said what is wrong
            if (await FindByMrnAsync(db, mrn, self(context.InstanceToValidate), ct) is { } match) context.AddFailure(match.Message);
        });
}
