using Npgsql;

namespace TumorBoard.Web.Database;

/// <summary>
/// The two database roles (README "Database roles"). <see cref="Owner"/> owns the schema and runs the migrations;
/// <see cref="App"/> is what the running app connects as: it owns nothing and may only read and write rows, never
/// UPDATE, DELETE or TRUNCATE the audit trail, alter a table or switch a trigger off. The migration
/// LeastPrivilegeAppRole grants to the role named <see cref="App"/> (fixed: production creates it, or makes its login
/// role a member of it). The methods here run as a superuser and serve the private Development cluster and the tests;
/// production runs the documented SQL instead.
/// </summary>
public static class DatabaseRoles
{
    public const string Owner = "tumorboard_owner";
    public const string App = "tumorboard_app";

    /// <summary>Serialises role set-up of several processes on one cluster ("TBROLES1" in ASCII).</summary>
    const long LockKey = 0x5442_524F_4C45_5331;

    /// <summary>
    /// Creates both roles as logins when missing (roles are cluster-wide: safe when several processes set up databases
    /// on one cluster at once), or brings existing ones back to the attributes they must have. A password is set only
    /// when given (trust authentication needs none).
    /// </summary>
    public static async Task EnsureAsync(string superuserConnectionString, string? ownerPassword = null, string? appPassword = null,
        CancellationToken ct = default)
    {
        await using var conn = new NpgsqlConnection(superuserConnectionString);
        await conn.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await Execute(conn, $"SELECT pg_advisory_xact_lock({LockKey})", ct);
        foreach (var (role, password) in new[] { (Owner, ownerPassword), (App, appPassword) })
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_roles WHERE rolname = @r", conn);
            exists.Parameters.AddWithValue("r", role);
            var verb = await exists.ExecuteScalarAsync(ct) is null ? "CREATE" : "ALTER";
            var attributes = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS"
                + (password is null ? "" : $" PASSWORD '{password.Replace("'", "''")}'");
            await Execute(conn, $"{verb} ROLE {role} {attributes}", ct);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Creates <paramref name="database"/> owned by <see cref="Owner"/>, or hands an existing one (and everything the old
    /// single-user set-up created in it as the superuser) over to <see cref="Owner"/>; then only the owner may create
    /// objects in its public schema.
    /// </summary>
    public static async Task PrepareDatabaseAsync(string superuserConnectionString, string database, CancellationToken ct = default)
    {
        var quoted = "\"" + database.Replace("\"", "") + "\"";
        await using (var conn = new NpgsqlConnection(superuserConnectionString))
        {
            await conn.OpenAsync(ct);
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", conn);
            exists.Parameters.AddWithValue("n", database);
            await Execute(conn, await exists.ExecuteScalarAsync(ct) is null
                ? $"CREATE DATABASE {quoted} OWNER {Owner}"
                : $"ALTER DATABASE {quoted} OWNER TO {Owner}", ct);
        }
        var inDatabase = new NpgsqlConnectionStringBuilder(superuserConnectionString) { Database = database }.ConnectionString;
        await using (var conn = new NpgsqlConnection(inDatabase))
        {
            await conn.OpenAsync(ct);
            await Execute(conn, AdoptSql, ct);
        }
    }

    /// <summary>
    /// The public schema to the owner, CREATE in it for nobody else; tables, sequences and routines the superuser created
    /// there (a database from before the two roles) to the owner. Extension members and sequences that belong to a
    /// column follow their extension or table.
    /// </summary>
    const string AdoptSql = $$"""
        ALTER SCHEMA public OWNER TO {{Owner}};
        REVOKE CREATE ON SCHEMA public FROM PUBLIC;
        DO $$
        DECLARE r record;
        BEGIN
            FOR r IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
                        AND pg_get_userbyid(c.relowner) <> '{{Owner}}'
                        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                          AND d.deptype IN ('e', 'a', 'i'))
            LOOP
                EXECUTE format('ALTER %s %s OWNER TO {{Owner}}',
                    CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                   WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.name);
            END LOOP;
            FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                      WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> '{{Owner}}'
                        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid
                                          AND d.deptype = 'e')
            LOOP
                EXECUTE format('ALTER ROUTINE %s OWNER TO {{Owner}}', r.name);
            END LOOP;
        END $$;
        """;

    /// <summary><paramref name="connectionString"/> with the user (and password) replaced.</summary>
    public static string As(string connectionString, string role, string? password = null) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Username = role, Password = password }.ConnectionString;

    static async Task Execute(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
