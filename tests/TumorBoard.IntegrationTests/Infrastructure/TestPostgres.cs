using System.Net.Sockets;
using Npgsql;
using Testcontainers.PostgreSql;
using TumorBoard.Web.Development;
using TumorBoard.Web.Database;

namespace TumorBoard.IntegrationTests.Infrastructure;

/// <summary>
/// The PostgreSQL server for this test run, found once: $TUMORBOARD_TEST_PG (a superuser connection string:
/// the tests create roles and play a superuser tampering with the trail), else Testcontainers when a Docker engine answers, else a private
/// initdb/pg_ctl cluster in a temporary folder (the same LocalPostgres class `dotnet run` uses).
/// Each fixture then creates its own database on it, owned by the owner role; the app runs as the app role
/// (<see cref="DatabaseRoles"/>: both are created on the server once per run, with the passwords below, so a server
/// that wants passwords works too). The connection string returned is the superuser's, on the new database: what a
/// test that plays the attacker (or resets the data) uses; <see cref="AsApp"/> and <see cref="AsOwner"/> give the others.
/// </summary>
public static class TestPostgres
{
    public const string OwnerPassword = "tumorboard-test-owner";
    public const string AppPassword = "tumorboard-test-app";

    static readonly SemaphoreSlim Gate = new(1, 1);
    static string? adminConnectionString;
    public static string Source { get; private set; } = "";

    public static async Task<string> CreateDatabaseAsync() => await CreateDatabaseAsync(await ServerAsync());

    /// <summary>A fresh test database on another server (a private cluster a test starts and stops itself).</summary>
    public static async Task<string> CreateDatabaseAsync(string admin)
    {
        var name = "tb_test_" + Guid.NewGuid().ToString("N")[..12];
        await DatabaseRoles.EnsureAsync(admin, OwnerPassword, AppPassword);   // idempotent: another server may lack the roles
        await DatabaseRoles.PrepareDatabaseAsync(admin, name);
        return new NpgsqlConnectionStringBuilder(admin) { Database = name, IncludeErrorDetail = true }.ConnectionString;
    }

    /// <summary>The same database as the app's least-privilege role.</summary>
    public static string AsApp(string connectionString) => DatabaseRoles.As(connectionString, DatabaseRoles.App, AppPassword);

    /// <summary>The same database as the schema owner (migrations).</summary>
    public static string AsOwner(string connectionString) => DatabaseRoles.As(connectionString, DatabaseRoles.Owner, OwnerPassword);

    static async Task<string> ServerAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (adminConnectionString is not null) return adminConnectionString;
            var admin = await FindServerAsync();
            await DatabaseRoles.EnsureAsync(admin, OwnerPassword, AppPassword);
            return adminConnectionString = admin;
        }
        finally { Gate.Release(); }
    }

    static async Task<string> FindServerAsync()
    {
        var fromEnv = Environment.GetEnvironmentVariable("TUMORBOARD_TEST_PG");
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            Source = "env";
            return fromEnv;
        }
        if (DockerIsReachable())
        {
            var container = new PostgreSqlBuilder("postgres:16-alpine").Build();
            await container.StartAsync();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
            Source = "testcontainers";
            return container.GetConnectionString();
        }
        var dir = Path.Combine(Path.GetTempPath(), "tb-pg-" + Guid.NewGuid().ToString("N")[..8]);
        var cluster = await LocalPostgres.StartAsync(dir);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            cluster.StopAsync().GetAwaiter().GetResult();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        Source = "local-initdb";
        return cluster.ConnectionString("postgres");
    }

    static bool DockerIsReachable()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        var socketPath = host is not null && host.StartsWith("unix://") ? host["unix://".Length..] : "/var/run/docker.sock";
        if (host is not null && !host.StartsWith("unix://")) return false;   // a TCP engine: not probed here
        if (!File.Exists(socketPath)) return false;
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            return true;
        }
        catch (SocketException) { return false; }
    }
}
