using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Persistence;
using TumorBoard.Web.Development;

namespace TumorBoard.IntegrationTests.Infrastructure;

/// <summary>
/// One app and one database for a collection (Infrastructure/DatabaseCollections.cs). Tests call <see cref="ResetAsync"/>
/// first (<see cref="DatabaseTest"/> does): clinical data and the audit trail are emptied; the demo accounts (password
/// hashing is deliberately slow) stay.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const string Coordinator = "coordinator@demo.tumorboard";
    public const string MedOnc = "medonc@demo.tumorboard";
    public const string RadOnc = "radonc@demo.tumorboard";
    public const string Neurosurgeon = "neurosurg@demo.tumorboard";
    public const string Clinician = "clinician@demo.tumorboard";
    public const string Admin = "admin@demo.tumorboard";
    public static readonly string Password = DemoData.Password;

    readonly ConcurrentDictionary<string, string> tokens = new();
    readonly ConcurrentDictionary<string, ClaimsPrincipal> principals = new();

    public TumorBoardApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = new TumorBoardApp(await TestPostgres.CreateDatabaseAsync());
        _ = App.Server;   // starts the host: migrates and seeds the accounts
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>These helpers over an app started elsewhere (the browser tests' Kestrel app); the caller disposes the app.</summary>
    public static AppFixture Over(TumorBoardApp app) => new() { App = app };

    /// <summary>
    /// Empties everything but the accounts, roles and data-protection keys, and the audit checkpoint file. As the
    /// superuser with triggers off (session_replication_role): the append-only tables refuse TRUNCATE otherwise.
    /// </summary>
    public async Task ResetAsync()
    {
        await using var conn = new NpgsqlConnection(App.ConnectionString);
        await conn.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("""
            SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public'
              AND tablename NOT IN ('__EFMigrationsHistory', 'data_protection_keys', 'users', 'roles', 'user_roles',
                                    'user_claims', 'user_logins', 'user_tokens', 'role_claims')
            """, conn))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        // The app's background work (the audit sealer, the read log) may hold a lock on one of the tables and wait for
        // another that TRUNCATE already holds: PostgreSQL then ends one of the two with a deadlock (40P01), and CI once
        // failed on it. The reset is the one that gives way and runs again; the app's side retries its own work.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var truncate = new NpgsqlCommand(
                    $"SET session_replication_role = replica; TRUNCATE {string.Join(", ", tables)} RESTART IDENTITY CASCADE; "
                    + "SET session_replication_role = origin;", conn);
                await truncate.ExecuteNonQueryAsync();
                break;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.LockNotAvailable && attempt < 5)
            {
                await using var back = new NpgsqlCommand("SET session_replication_role = origin;", conn);
                await back.ExecuteNonQueryAsync();
                await Task.Delay(50 * attempt);
            }
        }
        File.Delete(App.CheckpointFile);
    }

    /// <summary>
    /// The whole verification (chain and checkpoints), as `verify-audit` runs it (no signed-in user), once every
    /// committed row is sealed (<see cref="SealPendingAsync"/>), so it checks them all. A test about pending rows calls
    /// <see cref="AuditVerifier"/> itself.
    /// </summary>
    public async Task<AuditVerification> VerifyAuditTrailAsync()
    {
        await SealPendingAsync();
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();
    }

    /// <summary>
    /// Seals every committed audit row now, instead of waiting for the app's sealer (ADR 0006): one pass of the same
    /// <see cref="AuditSealer"/>, serialised with the running sealer by its pass lock. Returns how many it sealed.
    /// </summary>
    public async Task<int> SealPendingAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync();
    }

    /// <summary>An API client signed in with a bearer token as <paramref name="email"/> (null: anonymous).</summary>
    public async Task<HttpClient> ClientAsync(string? email)
    {
        var client = App.CreateClient(new() { AllowAutoRedirect = false });
        if (email is null) return client;
        var token = tokens.TryGetValue(email, out var t) ? t : tokens[email] = await RequestTokenAsync(email, Password);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<string> RequestTokenAsync(string email, string password)
    {
        using var client = App.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>();
        return body!.AccessToken;
    }

    public void ForgetToken(string email) => tokens.TryRemove(email, out _);

    sealed record TokenBody(string AccessToken, int ExpiresIn, string TokenType);

    /// <summary>Sends a command or query through the real pipeline as <paramref name="email"/> (null: anonymous).</summary>
    public Task<T> Send<T>(string? email, Mediator.ICommand<T> command) => AsUserAsync(email, s => s.Send(command));
    public Task<T> Send<T>(string? email, Mediator.IQuery<T> query) => AsUserAsync(email, s => s.Send(query));

    async Task<T> AsUserAsync<T>(string? email, Func<ISender, ValueTask<T>> send)
    {
        var principal = email is null ? new ClaimsPrincipal(new ClaimsIdentity()) : await PrincipalAsync(email);
        await using var scope = App.Services.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = principal };
        try { return await send(scope.ServiceProvider.GetRequiredService<ISender>()); }
        finally { accessor.HttpContext = null; }
    }

    async Task<ClaimsPrincipal> PrincipalAsync(string email)
    {
        if (principals.TryGetValue(email, out var p)) return p;
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
        return principals[email] = await signIn.CreateUserPrincipalAsync(user);
    }

    public async Task<Guid> UserIdAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return (await users.FindByEmailAsync(email))!.Id;
    }

    /// <summary>Runs something against the database directly (assertions on what was stored).</summary>
    public async Task<T> QueryDbAsync<T>(Func<TumorBoardDbContext, Task<T>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TumorBoardDbContext>());
    }
}
