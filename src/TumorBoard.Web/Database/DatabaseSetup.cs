using Microsoft.EntityFrameworkCore;
using Npgsql;
using TumorBoard.Application.Persistence;
using TumorBoard.Web.Development;

namespace TumorBoard.Web.Database;

/// <summary>
/// The app's two connections: <see cref="App"/> (ConnectionStrings:TumorBoard, the least-privilege role the app runs as)
/// and <see cref="Owner"/> (ConnectionStrings:TumorBoardOwner, the schema owner, used only to migrate).
/// </summary>
public sealed record DatabaseConnections(string App, string? Owner, LocalPostgres? Cluster);

public static class DatabaseSetup
{
    public const string AppKey = "TumorBoard";
    public const string OwnerKey = "TumorBoardOwner";

    public static void AddTumorBoardDatabase(this IServiceCollection services, string connectionString) =>
        services.AddDbContext<TumorBoardDbContext>(o => Configure(o, WithoutSessionReset(connectionString)));

    /// <summary>
    /// The request connections skip Npgsql's DISCARD ALL when a pooled connection is taken again: it was two of a case
    /// read's four statements (issue #11) and threw away the session's cached plans every time. Safe because the app keeps
    /// no session state on a pooled connection: no SET or set_config(…, false), no session advisory lock (the audit sealer
    /// holds its lock on its own unpooled connection), no LISTEN, no temporary table, no prepared statement of its own; an
    /// open transaction is rolled back when the connection returns to the pool whatever this setting.
    /// </summary>
    static string WithoutSessionReset(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString;

    static DbContextOptionsBuilder Configure(DbContextOptionsBuilder o, string connectionString) => o
        .UseNpgsql(connectionString, npg => npg.MigrationsAssembly("TumorBoard.Migrations"))
        .UseSnakeCaseNamingConvention();

    /// <summary>
    /// Resolves the connection strings. Without one, in Development, starts the private cluster under .data/postgres
    /// with both roles; elsewhere fails fast with what to do.
    /// </summary>
    public static async Task<DatabaseConnections> ResolveAsync(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString(AppKey);
        var owner = builder.Configuration.GetConnectionString(OwnerKey);
        if (!string.IsNullOrWhiteSpace(configured))
            return new(configured, string.IsNullOrWhiteSpace(owner) ? null : owner, null);
        if (!builder.Environment.IsDevelopment())
            throw new InvalidOperationException("No connection string is configured. " + LocalPostgres.MissingBinariesHelp);

        var dataDir = builder.Configuration["LocalPostgres:DataDirectory"]
            ?? Path.Combine(builder.Environment.ContentRootPath, ".data", "postgres");
        var cluster = await LocalPostgres.StartAsync(dataDir);
        var superuser = cluster.ConnectionString("postgres");
        await DatabaseRoles.EnsureAsync(superuser);
        await DatabaseRoles.PrepareDatabaseAsync(superuser, "tumorboard");
        var database = cluster.ConnectionString("tumorboard");
        return new(DatabaseRoles.As(database, DatabaseRoles.App), DatabaseRoles.As(database, DatabaseRoles.Owner), cluster);
    }

    /// <summary>
    /// Applies the migrations as the owner. Without an owner connection string only Development falls back to the app's
    /// own (a developer's single-user database); `--migrate` in production needs ConnectionStrings:TumorBoardOwner.
    /// </summary>
    public static async Task MigrateAsync(DatabaseConnections connections, IHostEnvironment environment)
    {
        var owner = connections.Owner ?? (environment.IsDevelopment() ? connections.App : throw new InvalidOperationException(
            $"Migrations run as the schema owner: set ConnectionStrings:{OwnerKey} (environment variable ConnectionStrings__{OwnerKey}) "
            + $"to a connection as the owner role, e.g. {DatabaseRoles.Owner}. The app itself connects as {DatabaseRoles.App} "
            + "(README, \"Database roles\")."));
        var options = new DbContextOptionsBuilder<TumorBoardDbContext>();
        Configure(options, owner);
        await using var db = new TumorBoardDbContext(options.Options);
        await db.Database.MigrateAsync();
    }

    /// <summary>
    /// Checks that the run-time connection cannot rewrite the audit trail: not a superuser, not (a member of) the owner of
    /// audit_entries, and without UPDATE, DELETE or TRUNCATE on it or on audit_seals (its hash chain). Outside Development a privileged connection, or a
    /// database that was never migrated, stops the start; in Development it is a warning (a single-user database).
    /// </summary>
    public static async Task CheckRunTimeRoleAsync(string appConnectionString, IHostEnvironment environment, ILogger logger)
    {
        await using var conn = new NpgsqlConnection(appConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT current_user,
                   (SELECT rolsuper FROM pg_roles WHERE rolname = current_user),
                   pg_has_role(c.relowner, 'USAGE'),
                   has_table_privilege(c.oid, 'UPDATE') OR has_table_privilege(c.oid, 'DELETE') OR has_table_privilege(c.oid, 'TRUNCATE')
                   OR has_table_privilege(s.oid, 'UPDATE') OR has_table_privilege(s.oid, 'DELETE') OR has_table_privilege(s.oid, 'TRUNCATE')
                   OR pg_has_role(s.relowner, 'USAGE'),
                   s.oid IS NULL
              FROM (SELECT to_regclass('audit_entries') AS oid, to_regclass('audit_seals') AS seals) t
              LEFT JOIN pg_class c ON c.oid = t.oid LEFT JOIN pg_class s ON s.oid = t.seals
            """, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        var user = reader.GetString(0);
        string? problem = reader.IsDBNull(2) || reader.GetBoolean(4)
            ? "the database has no audit trail (or no audit seals) yet: apply the migrations first (run once with --migrate)"
            : reader.GetBoolean(1) ? $"{user} is a superuser"
            : reader.GetBoolean(2) ? $"{user} owns the audit trail (or has its owner's rights), so it can alter it and switch its triggers off"
            : reader.GetBoolean(3) ? $"{user} may UPDATE, DELETE or TRUNCATE the audit trail or its seals (or owns the seals)"
            : null;
        if (problem is null) return;
        var message = $"ConnectionStrings:{AppKey} must connect as a least-privilege role (a member of {DatabaseRoles.App}, README "
            + $"\"Database roles\"), but {problem}.";
        if (!environment.IsDevelopment()) throw new InvalidOperationException(message);
        logger.LogWarning("{Message}", message);
    }
}
