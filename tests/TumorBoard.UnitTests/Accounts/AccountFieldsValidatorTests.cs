using TumorBoard.Application.Features.Accounts;
using TumorBoard.Domain.Security;

namespace TumorBoard.UnitTests.Accounts;

public sealed class AccountFieldsValidatorTests
{
    sealed record Fields(string DisplayName, string[] Roles, Discipline? Discipline) : IAccountFields;

    static IReadOnlyList<string> Errors(Fields f) =>
        new AccountFieldsValidator().Validate(f).Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}").ToList();

    [Fact]
    public void A_specialist_with_one_discipline_is_valid() =>
        Errors(new("Dr. Nora", [Roles.Specialist, Roles.Coordinator], Discipline.Neurosurgery)).ShouldBeEmpty();

    [Fact]
    public void A_specialist_needs_a_discipline() =>
        Errors(new("Dr. Nora", [Roles.Specialist], null)).ShouldBe(["Discipline: A specialist needs exactly one discipline."]);

    [Fact]
    public void A_non_specialist_has_no_discipline() =>
        Errors(new("Ada", [Roles.Administrator], Discipline.Pathology)).ShouldBe(["Discipline: Only a specialist has a discipline."]);

    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Specialist)]
    [InlineData(Roles.Clinician)]
    public void Administrator_is_held_alone(string clinical)
    {
        var discipline = clinical == Roles.Specialist ? Discipline.Pathology : (Discipline?)null;
        Errors(new("Ada", [Roles.Administrator, clinical], discipline)).ShouldHaveSingleItem().ShouldBe(
            "Roles: An administrator account holds no clinical role: choose Administrator alone, or clinical roles (Coordinator, Specialist, Clinician) without it.");
        Errors(new("Ada", [Roles.Administrator], null)).ShouldBeEmpty();
        Roles.CombineAdministrationWithClinicalWork([Roles.Coordinator, Roles.Clinician, Roles.Specialist]).ShouldBeFalse();
    }

    [Fact]
    public void An_account_needs_at_least_one_known_role()
    {
        Errors(new("Ada", [], null)).ShouldContain("Roles: Choose at least one role.");
        Errors(new("Ada", ["Surgeon"], null)).ShouldHaveSingleItem().ShouldStartWith("Roles: Choose roles from:");
    }
}
