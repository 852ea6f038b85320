using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.Web.Database;

namespace TumorBoard.IntegrationTests.Audit;

/// <summary>
/// The app runs as tumorboard_app, which owns nothing (issue #10 "Integrity of the record"): it may read and append, but
/// whatever it sends, it cannot empty, rewrite or unguard the audit trail and the other tables that keep every row.
/// </summary>
[Collection(AuditDatabase.Name)]
public sealed class DatabaseRoleTests(AppFixture app) : DatabaseTest(app)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await TestData.RegisterCaseAsync(app);   // rows to aim at
    }

    static readonly string[] AppendOnly = ["audit_entries", "audit_seals", "assessment_versions", "decision_follow_ups", "assessment_waivers",
        "patient_letter_versions", "mscc_timestamps", "mscc_breach_explanations", "report_dispatches", "emergency_signatures"];
    static readonly string[] NeverDeleted = [.. AppendOnly, "decisions", "decision_positions", "patient_letters"];

    async Task<PostgresException> RefusedAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return await Should.ThrowAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
    }

    async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    [Theory]
    [InlineData("UPDATE audit_entries SET action = 'Tampered'")]
    [InlineData("DELETE FROM audit_entries")]
    [InlineData("DELETE FROM audit_entries WHERE id = (SELECT max(id) FROM audit_entries)")]
    [InlineData("TRUNCATE audit_entries")]
    [InlineData("TRUNCATE audit_entries CASCADE")]
    [InlineData("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_update_or_delete")]
    [InlineData("ALTER TABLE audit_entries DISABLE TRIGGER ALL")]
    [InlineData("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_truncate")]
    [InlineData("DROP TRIGGER audit_entries_no_update_or_delete ON audit_entries")]
    [InlineData("CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$")]
    [InlineData("ALTER TABLE audit_entries ADD COLUMN note text")]
    [InlineData("ALTER TABLE audit_entries OWNER TO tumorboard_app")]
    [InlineData("DROP TABLE audit_entries CASCADE")]
    [InlineData("SET session_replication_role = replica")]
    [InlineData("SELECT setval(pg_get_serial_sequence('audit_entries', 'id'), 1)")]
    [InlineData("CREATE TABLE audit_entries_copy (id bigint)")]
    public async Task As_the_app_role_every_way_around_the_append_only_audit_trail_is_refused(string sql)
    {
        var refusal = await RefusedAsync(app.App.AppConnectionString, sql);

        refusal.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege, refusal.MessageText);
        (await ScalarAsync<long>(app.App.ConnectionString, "SELECT count(*) FROM audit_entries")).ShouldBeGreaterThan(0);
        (await app.VerifyAuditTrailAsync()).Valid.ShouldBeTrue();
    }

    [Fact]
    public async Task The_other_tables_that_keep_every_row_refuse_the_app_role_what_they_never_need()
    {
        foreach (var table in NeverDeleted)
        {
            (await RefusedAsync(app.App.AppConnectionString, $"DELETE FROM {table}")).SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege, table);
            (await RefusedAsync(app.App.AppConnectionString, $"TRUNCATE {table}")).SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege, table);
            (await RefusedAsync(app.App.AppConnectionString, $"ALTER TABLE {table} DISABLE TRIGGER ALL")).SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege, table);
        }
        foreach (var table in AppendOnly)
            (await RefusedAsync(app.App.AppConnectionString, table == "audit_seals" ? "UPDATE audit_seals SET position = position" : $"UPDATE {table} SET id = id")).SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege, table);
        // And no table can be emptied wholesale by the app, append-only or not.
        (await RefusedAsync(app.App.AppConnectionString, "TRUNCATE patients CASCADE")).SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
    }

    [Fact]
    public async Task Every_table_grants_the_app_role_exactly_what_its_kind_allows()
    {
        await using var conn = new NpgsqlConnection(app.App.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT tablename,
                   has_table_privilege('tumorboard_app', quote_ident(tablename), 'SELECT'),
                   has_table_privilege('tumorboard_app', quote_ident(tablename), 'INSERT'),
                   has_table_privilege('tumorboard_app', quote_ident(tablename), 'UPDATE'),
                   has_table_privilege('tumorboard_app', quote_ident(tablename), 'DELETE'),
                   has_table_privilege('tumorboard_app', quote_ident(tablename), 'TRUNCATE')
              FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename
            """, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var tables = 0;
        while (await reader.ReadAsync())
        {
            var table = reader.GetString(0);
            tables++;
            var granted = (reader.GetBoolean(1), reader.GetBoolean(2), reader.GetBoolean(3), reader.GetBoolean(4), reader.GetBoolean(5));
            // decision_follow_up_states is kept by SECURITY DEFINER triggers only: the app reads it.
            var expected = table is "__EFMigrationsHistory" or "decision_follow_up_states" ? (true, false, false, false, false)
                : AppendOnly.Contains(table) ? (true, true, false, false, false)
                : NeverDeleted.Contains(table) ? (true, true, true, false, false)
                : (true, true, true, true, false);
            granted.ShouldBe(expected, $"{table}: (select, insert, update, delete, truncate)");
        }
        tables.ShouldBeGreaterThan(15);
    }

    [Fact]
    public async Task The_app_role_owns_nothing_and_has_no_special_powers()
    {
        var super = app.App.ConnectionString;
        (await ScalarAsync<bool>(super, """
            SELECT rolcanlogin AND NOT (rolsuper OR rolcreaterole OR rolcreatedb OR rolreplication OR rolbypassrls)
              FROM pg_roles WHERE rolname = 'tumorboard_app'
            """)).ShouldBeTrue();
        (await ScalarAsync<long>(super, """
            SELECT (SELECT count(*) FROM pg_class WHERE relowner = 'tumorboard_app'::regrole)
                 + (SELECT count(*) FROM pg_proc WHERE proowner = 'tumorboard_app'::regrole)
                 + (SELECT count(*) FROM pg_namespace WHERE nspowner = 'tumorboard_app'::regrole)
                 + (SELECT count(*) FROM pg_type WHERE typowner = 'tumorboard_app'::regrole)
                 + (SELECT count(*) FROM pg_database WHERE datdba = 'tumorboard_app'::regrole)
            """)).ShouldBe(0);
        (await ScalarAsync<bool>(super, "SELECT pg_has_role('tumorboard_app', 'tumorboard_owner', 'USAGE')")).ShouldBeFalse();
        (await ScalarAsync<string>(super, "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'audit_entries'::regclass"))
            .ShouldBe(DatabaseRoles.Owner);
        (await ScalarAsync<string>(app.App.AppConnectionString, "SELECT current_user")).ShouldBe(DatabaseRoles.App);
    }

    [Fact]
    public async Task Even_the_owner_is_refused_truncate_by_the_trigger()
    {
        foreach (var table in NeverDeleted)
        {
            var refusal = await RefusedAsync(app.App.OwnerConnectionString, $"TRUNCATE {table} CASCADE");
            refusal.SqlState.ShouldBe(PostgresErrorCodes.RaiseException, table);
            refusal.MessageText.ShouldBe($"{table} is append-only: TRUNCATE is not allowed");
        }
        (await ScalarAsync<long>(app.App.ConnectionString, "SELECT count(*) FROM audit_entries")).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_table_a_later_migration_creates_gets_the_ordinary_grants()
    {
        await using (var owner = new NpgsqlConnection(app.App.OwnerConnectionString))
        {
            await owner.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE later_feature (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, note text)", owner);
            await create.ExecuteNonQueryAsync();
        }
        try
        {
            await using var conn = new NpgsqlConnection(app.App.AppConnectionString);
            await conn.OpenAsync();
            await using var work = new NpgsqlCommand("""
                INSERT INTO later_feature (note) VALUES ('a'), ('b');
                UPDATE later_feature SET note = 'c' WHERE note = 'a';
                DELETE FROM later_feature WHERE note = 'b';
                SELECT count(*) FROM later_feature;
                """, conn);
            (await work.ExecuteScalarAsync()).ShouldBe(1L);
            (await RefusedAsync(app.App.AppConnectionString, "TRUNCATE later_feature")).SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        }
        finally
        {
            await using var owner = new NpgsqlConnection(app.App.OwnerConnectionString);
            await owner.OpenAsync();
            await using var drop = new NpgsqlCommand("DROP TABLE later_feature", owner);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task Outside_development_the_app_refuses_to_start_on_a_connection_that_could_rewrite_the_trail()
    {
        var production = new HostEnvironment("Production");

        var superuser = await Should.ThrowAsync<InvalidOperationException>(() =>
            DatabaseSetup.CheckRunTimeRoleAsync(app.App.ConnectionString, production, NullLogger.Instance));
        superuser.Message.ShouldContain("is a superuser");
        var owner = await Should.ThrowAsync<InvalidOperationException>(() =>
            DatabaseSetup.CheckRunTimeRoleAsync(app.App.OwnerConnectionString, production, NullLogger.Instance));
        owner.Message.ShouldContain("tumorboard_owner owns the audit trail");

        await DatabaseSetup.CheckRunTimeRoleAsync(app.App.AppConnectionString, production, NullLogger.Instance);
    }

    [Fact]
    public async Task Outside_development_migrating_needs_the_owner_connection_string()
    {
        var refusal = await Should.ThrowAsync<InvalidOperationException>(() =>
            DatabaseSetup.MigrateAsync(new DatabaseConnections(app.App.AppConnectionString, null, null), new HostEnvironment("Production")));
        refusal.Message.ShouldContain("ConnectionStrings:TumorBoardOwner");
    }
}
