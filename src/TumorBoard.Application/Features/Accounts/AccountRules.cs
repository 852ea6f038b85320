using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Accounts;

/// <summary>The fields an administrator sets on an account (create and update alike).</summary>
public interface IAccountFields
{
    string DisplayName { get; }
    string[] Roles { get; }
    Discipline? Discipline { get; }
}

public sealed class AccountFieldsValidator : AbstractValidator<IAccountFields>
{
    public AccountFieldsValidator()
    {
        RuleFor(c => c.DisplayName).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Roles).NotEmpty().WithMessage("Choose at least one role.");
        RuleFor(c => c.Roles).Must(roles => roles.All(Domain.Security.Roles.All.Contains))
            .WithMessage($"Choose roles from: {string.Join(", ", Domain.Security.Roles.All)}.");
        RuleFor(c => c.Discipline).IsInEnum();
        RuleFor(c => c.Discipline).NotNull().When(c => c.Roles.Contains(Domain.Security.Roles.Specialist))
            .WithMessage("A specialist needs exactly one discipline.");
        RuleFor(c => c.Discipline).Null().When(c => !c.Roles.Contains(Domain.Security.Roles.Specialist))
            .WithMessage("Only a specialist has a discipline.");
    }
}

public static class AccountRules
{
    /// <summary>Runs Identity's own password validators (length 12, distinct characters) as a FluentValidation rule.</summary>
    public static IRuleBuilderOptionsConditions<T, string> IdentityPassword<T>(
        this IRuleBuilder<T, string> rule, UserManager<AppUser> users) =>
        rule.CustomAsync(async (password, context, _) =>
        {
            if (string.IsNullOrEmpty(password))
            {
                context.AddFailure("Enter a password.");
                return;
            }
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, new AppUser(), password);
                foreach (var error in result.Errors) context.AddFailure(error.Description);
            }
        });

    /// <summary>Identity refused a change: its errors become validation failures on the named field.</summary>
    public static void ThrowIfFailed(this IdentityResult result, string field)
    {
        if (result.Succeeded) return;
        throw new ValidationException(result.Errors.Select(e => new ValidationFailure(FieldOf(e.Code, field), e.Description)));
    }

    static string FieldOf(string code, string fallback) => code switch
    {
        "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName" => "Email",
        "PasswordMismatch" => "CurrentPassword",
        _ => fallback,
    };

    public static string[] Normalize(IEnumerable<string> roles) => roles.Where(r => !string.IsNullOrWhiteSpace(r)).Distinct().ToArray();
}
