using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Audit;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Security;
using TumorBoard.Application.Common.Validation;

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
        RuleFor(c => c.Roles).NotEmpty().WithText("ChooseAtLeastOneRole");
        RuleFor(c => c.Roles).Must(roles => roles.All(Domain.Security.Roles.All.Contains))
            .WithText("Accounts_RolesFrom", string.Join(", ", Domain.Security.Roles.All));
        RuleFor(c => c.Roles).Must(roles => !Domain.Security.Roles.CombineAdministrationWithClinicalWork(roles))
            .When(c => c.Roles is not null)
            .WithText("Accounts_AdministratorAlone", Domain.Security.Roles.Administrator, string.Join(", ", Domain.Security.Roles.Clinical));
        RuleFor(c => c.Discipline).IsInEnum();
        RuleFor(c => c.Discipline).NotNull().When(c => c.Roles.Contains(Domain.Security.Roles.Specialist))
            .WithText("SpecialistNeedsExactlyOneDiscipline");
        RuleFor(c => c.Discipline).Null().When(c => !c.Roles.Contains(Domain.Security.Roles.Specialist))
            .WithText("OnlySpecialistHasDiscipline");
    }
}

public static class AccountRules
{
    /// <summary>
    /// Runs Identity's password validators (length 12, distinct characters, <see cref="GuessablePasswordValidator"/>) as a
    /// FluentValidation rule, against the account the password is for (<paramref name="account"/>: its name and e-mail
    /// address are refused in it), so every refusal comes back together with the other fields' messages.
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, string> IdentityPassword<T>(
        this IRuleBuilder<T, string> rule, UserManager<AppUser> users, Func<T, Task<AppUser?>> account) =>
        rule.CustomAsync(async (password, context, _) =>
        {
            if (string.IsNullOrEmpty(password))
            {
                context.AddFailure(ValidationTexts.Get("Accounts_EnterPassword"));
                return;
            }
            var user = await account(context.InstanceToValidate) ?? new AppUser();
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, user, password);
                foreach (var error in result.Errors) context.AddFailure(error.Description);
            }
        });

    /// <summary>Identity refused a change: its errors become validation failures on the named field.</summary>
    public static void ThrowIfFailed(this IdentityResult result, string field)
    {
        if (result.Succeeded) return;
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            throw new DomainConflictException(new RuleText("Account.ChangedAtSameTime"));
        throw new ValidationException(result.Errors.Select(e => new ValidationFailure(FieldOf(e.Code, field), e.Description)));
    }

    static string FieldOf(string code, string fallback) => code switch
    {
        "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName" => "Email",
        "PasswordMismatch" => "CurrentPassword",
        _ => fallback,
    };

    /// <summary>EntityType of the audit row that records a change of an account's roles (or discipline) in words.</summary>
    public const string RolesAuditEntity = "AccountRoles";

    /// <summary>
    /// Identity's user_roles rows are audited as bare ids; this adds one row in the clinic's words: who (the acting
    /// administrator), whose account, the roles and discipline before and after, and the reason given. Queued on the
    /// context, so the next save (inside the use case's transaction) seals it into the chain with the change itself.
    /// </summary>
    public static void QueueRolesAudit(this TumorBoardDbContext db, ICurrentUser actor, AuditScope scope, TimeProvider clock, Guid accountId,
        string operation, RolesChange change) =>
        db.QueueAudit(new AuditEntry
        {
            OccurredAt = AuditHash.ToMicroseconds(clock.GetUtcNow()),
            ActorId = actor.Id, ActorName = actor.DisplayName, Action = scope.Action,
            EntityType = RolesAuditEntity, EntityId = accountId.ToString(), Operation = operation,
            Changes = JsonSerializer.Serialize(change, AuditJson),
        });

    /// <summary>What a roles audit row holds (its Changes JSON).</summary>
    public sealed record RolesChange(ValueChange<string[]> Roles, ValueChange<string?>? Discipline, string? Reason);

    /// <summary>Written as { "old": …, "new": … }, as the rows of tracked changes are.</summary>
    public sealed record ValueChange<T>([property: JsonPropertyName("old")] T Old, [property: JsonPropertyName("new")] T New);

    static readonly JsonSerializerOptions AuditJson = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static string[] Normalize(IEnumerable<string> roles) => roles.Where(r => !string.IsNullOrWhiteSpace(r)).Distinct().ToArray();
}
