using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TumorBoard.Application.Persistence;
using TumorBoard.Application.Features.Accounts;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Http.BadInput;

/// <summary>The bad-input tests have a database of their own: "nothing was written" is then a fact about their requests alone.</summary>
[CollectionDefinition(Name)]
public sealed class BadInputCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "bad-input";
}

/// <summary>
/// Sends bad input to every API operation that takes it, as one account holding every role (and a discipline), so that the
/// role check lets each request through to the validation it is about. Each test collects every wrong answer and reports
/// them together.
/// </summary>
[Collection(BadInputCollection.Name)]
public abstract class BadInputTest(AppFixture app) : IAsyncLifetime
{
    protected const string EveryRole = "every-role@bad-input.tumorboard";
    protected AppFixture App { get; } = app;
    protected IReadOnlyList<ApiOperation> Operations { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await App.ResetAsync();
        if (!await App.QueryDbAsync(db => db.Users.AnyAsync(u => u.Email == EveryRole)))
            await CreateEveryRoleAccountAsync();
        Operations = ApiSurface.Operations(App);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// One identity that reaches every operation, so each bad value meets the operation's input rules rather than its role
    /// check. The application refuses Administrator together with clinical roles (CreateAccount's validator), so this test
    /// account is made with Identity directly, beside the application's rules, and exists only in this collection's database.
    /// </summary>
    async Task CreateEveryRoleAccountAsync()
    {
        await using var scope = App.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(), UserName = EveryRole, Email = EveryRole, EmailConfirmed = true, DisplayName = "Every Role",
            Discipline = Discipline.Neurosurgery, CreatedAt = DateTimeOffset.UtcNow,
        };
        (await users.CreateAsync(user, AppFixture.Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRolesAsync(user, Roles.All)).Succeeded.ShouldBeTrue();
    }

    protected Task<HttpClient> ClientAsync() => App.ClientAsync(EveryRole);

    /// <summary>
    /// "" when the answer is a 400 problem+json whose errors name <paramref name="field"/> (and only it, when
    /// <paramref name="only"/>); else what was wrong, for the collected report.
    /// </summary>
    protected static async Task<string> NamesFieldAsync(HttpResponseMessage response, string field, bool only = false)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.BadRequest) return $"answered {(int)response.StatusCode}: {Cut(text)}";
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return "is not problem+json";
        var problem = JsonDocument.Parse(text).RootElement;
        if (!problem.TryGetProperty("errors", out var errors)) return $"names no field: {Cut(text)}";
        var keys = errors.EnumerateObject().Select(p => p.Name).ToArray();
        if (!keys.Contains(field)) return $"names [{string.Join(", ", keys)}], not {field}";
        if (only && keys.Length != 1) return $"names [{string.Join(", ", keys)}], more than {field}";
        if (errors.GetProperty(field).EnumerateArray().Any(m => string.IsNullOrWhiteSpace(m.GetString()))) return "has an empty message";
        return "";
    }

    /// <summary>
    /// <see cref="NamesFieldAsync(HttpResponseMessage, string, bool)"/> for a bad value in <paramref name="field"/> of
    /// <paramref name="op"/>'s body. A FHIR-bodied operation (<see cref="ApiOperation.TakesFhir"/>) names no field of ours:
    /// it answers a 400 whose errors are under <c>resource</c> alone, with at least one blocking issue in <c>issues</c>.
    /// </summary>
    protected static async Task<string> NamesFieldAsync(HttpResponseMessage response, ApiOperation op, string field, bool only = false)
    {
        if (!op.TakesFhir) return await NamesFieldAsync(response, field, only);
        if (await NamesFieldAsync(response, "resource", only: true) is { Length: > 0 } problem) return $"(a FHIR body) {problem}";
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        if (!body.TryGetProperty("issues", out var issues) || issues.ValueKind != JsonValueKind.Array) return "(a FHIR body) lists no issues";
        var blocking = issues.EnumerateArray().Where(i => i.GetProperty("severity").GetString() is "error" or "fatal").ToList();
        if (blocking.Count == 0) return "(a FHIR body) lists no error among its issues";
        if (blocking.Any(i => i.GetProperty("location").ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(i.GetProperty("message").GetString())))
            return "(a FHIR body) has an issue without a location or a message";
        return "";
    }

    /// <summary>The messages under <paramref name="field"/> in a 400, or none.</summary>
    protected static async Task<string[]> MessagesAsync(HttpResponseMessage response, string field)
    {
        if (response.StatusCode != HttpStatusCode.BadRequest) return [];
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var messages)
            ? [.. messages.EnumerateArray().Select(m => m.GetString() ?? "")]
            : [];
    }

    static string Cut(string text) => text.Length > 300 ? text[..300] : text;

    protected static void ShouldAllPass(List<string> failures, int checkedCount)
    {
        checkedCount.ShouldBeGreaterThan(0, "nothing was checked");
        failures.ShouldBeEmpty($"{failures.Count} of {checkedCount} checks failed:\n" + string.Join("\n", failures));
    }
}
