using TumorBoard.Application.Features.Accounts;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Accounts;

/// <summary>Fresh accounts for tests that change or lock an account (the demo accounts are shared by the collection).</summary>
public static class Accounts
{
    public const string Password = "Fresh-Account-Password-1";

    public static string NewEmail() => $"test-{Guid.NewGuid():N}@example.test";

    public static CreateAccount.Command Create(string? email = null, string[]? roles = null, Discipline? discipline = null) => new()
    {
        Email = email ?? NewEmail(), DisplayName = "Test Person", Roles = roles ?? [Roles.Clinician],
        Discipline = discipline, Password = Password,
    };

    public static async Task<(Guid Id, string Email)> CreateAsync(AppFixture app, string[]? roles = null, Discipline? discipline = null)
    {
        var command = Create(roles: roles, discipline: discipline);
        var id = (await app.Send(AppFixture.Admin, command)).Id;
        return (id, command.Email);
    }
}
