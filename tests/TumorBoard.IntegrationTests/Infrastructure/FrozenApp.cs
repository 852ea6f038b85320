using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Persistence;

namespace TumorBoard.IntegrationTests.Infrastructure;

/// <summary>
/// The fixture's app on the same database with a <see cref="FakeTimeProvider"/> in place of the system clock, so a test
/// can ask what the board shows at a chosen moment (between the two midnights, on a daylight-saving night) instead of
/// comparing against the real clock. Meant for reads: write the data through the fixture's app at the real time.
/// </summary>
public sealed class FrozenApp(AppFixture fixture, FakeTimeProvider time) : IAsyncDisposable
{
    readonly WebApplicationFactory<Program> host =
        fixture.App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(time)));

    public FakeTimeProvider Time => time;

    public BoardClock Clock => host.Services.GetRequiredService<BoardClock>();

    /// <summary>Sends a query through the real pipeline as <paramref name="email"/>, at the frozen moment.</summary>
    public Task<T> SendAsync<T>(string email, IQuery<T> query) => AsUserAsync(email, s => s.Send(query));

    /// <summary>Sends a command at the frozen moment (a signature at 23:30 UTC, say), as <paramref name="email"/>.</summary>
    public Task<T> SendAsync<T>(string email, ICommand<T> command) => AsUserAsync(email, s => s.Send(command));

    async Task<T> AsUserAsync<T>(string email, Func<ISender, ValueTask<T>> send)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
        ClaimsPrincipal principal = await signIn.CreateUserPrincipalAsync(user);
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = principal };
        try { return await send(scope.ServiceProvider.GetRequiredService<ISender>()); }
        finally { accessor.HttpContext = null; }
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
