using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Npgsql;
using TumorBoard.Application.Persistence;
using TumorBoard.Web.Development;
using TumorBoard.Web.Database;

namespace TumorBoard.Benchmarks.Seeding;

public sealed record SeedResult(string Database, int Cases, IReadOnlyDictionary<string, long> Rows, TimeSpan Build, TimeSpan Load, TimeSpan Total);

/// <summary>
/// Creates a database the way the app's set-up does (the two roles, the owner, the migrations as the owner), then
/// bulk-loads a <see cref="DataSet"/> as the owner: secondary indexes and foreign keys are dropped for the COPY and
/// created again afterwards from their own definitions (so every unique index and every foreign key is checked over
/// the whole loaded table), the tables' own triggers are paused only for the COPY (the positions trigger would refuse
/// positions of decisions that are signed by now, as they were recorded before the signature).
/// </summary>
public static class Seeder
{
    static readonly string[] Tables =
        ["roles", "users", "user_roles", "patients", "cases", "meetings", "agenda_items", "meeting_attendees", "assessments",
         "assessment_versions", "decisions", "decision_positions", "decision_follow_ups", "audit_entries", "audit_seals"];

    public static async Task<SeedResult> SeedAsync(string superuser, string database, int cases, TextWriter log)
    {
        var total = Stopwatch.StartNew();
        await using (var conn = new NpgsqlConnection(superuser))
        {
            await conn.OpenAsync();
            await Exec(conn, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
        await DatabaseRoles.EnsureAsync(superuser);
        await DatabaseRoles.PrepareDatabaseAsync(superuser, database);
        var inDb = new NpgsqlConnectionStringBuilder(superuser) { Database = database }.ConnectionString;
        var owner = DatabaseRoles.As(inDb, DatabaseRoles.Owner);
        await DatabaseSetup.MigrateAsync(new DatabaseConnections(DatabaseRoles.As(inDb, DatabaseRoles.App), owner, null), new ProductionEnvironment());
        log.WriteLine($"  {database}: migrated as {DatabaseRoles.Owner}");

        var build = Stopwatch.StartNew();
        var data = await Task.Run(() => DataSet.Build(cases));
        var audit = data.Audit.Seal();
        build.Stop();
        log.WriteLine($"  {database}: built {cases:N0} cases through the domain in {build.Elapsed.TotalSeconds:F1} s ({audit.Entries.Count:N0} audit rows)");

        var options = new DbContextOptionsBuilder<TumorBoardDbContext>().UseNpgsql(owner).UseSnakeCaseNamingConvention().Options;
        await using var context = new TumorBoardDbContext(options);
        var copy = new BulkCopy(context.Model);

        var load = Stopwatch.StartNew();
        var rows = new Dictionary<string, long>();
        await using (var conn = await Open(owner))
        {
            var (indexes, foreignKeys) = await SecondaryStructuresAsync(conn);
            foreach (var fk in foreignKeys) await Exec(conn, $"ALTER TABLE {fk.Table} DROP CONSTRAINT \"{fk.Name}\"");
            foreach (var ix in indexes) await Exec(conn, $"DROP INDEX \"{ix.Name}\"");
            foreach (var t in Tables) await Exec(conn, $"ALTER TABLE \"{t}\" DISABLE TRIGGER USER");

            // Two loaders, one per core: the big audit trail and the rest.
            async Task<Dictionary<string, long>> Load(Func<NpgsqlConnection, Task<Dictionary<string, long>>> work)
            {
                await using var c = await Open(owner);
                return await work(c);
            }
            var first = Load(async c => new()
            {
                ["audit_entries"] = await copy.CopyAsync(c, audit.Entries),
                ["audit_seals"] = await copy.CopyAsync(c, audit.Seals),
                ["patients"] = await copy.CopyAsync(c, data.Patients),
                ["cases"] = await copy.CopyAsync(c, data.Cases),
            });
            var second = Load(async c => new()
            {
                ["roles"] = await copy.CopyAsync(c, data.Roles),
                ["users"] = await copy.CopyAsync(c, data.Users),
                ["user_roles"] = await copy.CopyAsync(c, data.UserRoles),
                ["meetings"] = await copy.CopyAsync(c, data.Meetings),
                ["agenda_items"] = await copy.CopyAsync(c, data.Meetings.SelectMany(m => m.Agenda)),
                ["meeting_attendees"] = await copy.CopyAsync(c, data.Meetings.SelectMany(m => m.Attendees)),
                ["assessments"] = await copy.CopyAsync(c, data.Assessments),
                ["assessment_versions"] = await copy.CopyAsync(c, data.Assessments.SelectMany(a => a.Versions)),
                ["decisions"] = await copy.CopyAsync(c, data.Decisions),
                ["decision_positions"] = await copy.CopyAsync(c, data.Decisions.SelectMany(d => d.Positions)),
                ["decision_follow_ups"] = await copy.CopyAsync(c, data.Decisions.SelectMany(d => d.FollowUps)),
            });
            foreach (var part in await Task.WhenAll(first, second))
                foreach (var (k, v) in part) rows[k] = v;
            log.WriteLine($"  {database}: copied in {load.Elapsed.TotalSeconds:F1} s; indexes and foreign keys next");

            foreach (var t in Tables) await Exec(conn, $"ALTER TABLE \"{t}\" ENABLE TRIGGER USER");
            // Index builds in two sessions too; then every foreign key validated over the loaded rows.
            var half = indexes.Select((ix, i) => (ix, i)).GroupBy(x => x.i % 2).Select(g => g.Select(x => x.ix).ToList()).ToList();
            await Task.WhenAll(half.Select(async list =>
            {
                await using var c = await Open(owner);
                await Exec(c, "SET maintenance_work_mem = '256MB'");
                foreach (var ix in list) await Exec(c, ix.Definition);
            }));
            foreach (var fk in foreignKeys) await Exec(conn, $"ALTER TABLE {fk.Table} ADD CONSTRAINT \"{fk.Name}\" {fk.Definition}");
            await Exec(conn, "SELECT setval(pg_get_serial_sequence('audit_entries', 'id'), (SELECT max(id) FROM audit_entries))");
            // The follow-up work the triggers keep on every write (paused for the COPY), filled as the migration backfills it.
            await Exec(conn, """
                INSERT INTO decision_follow_up_states (decision_id, case_id, responsible_clinician_id, follow_up_date, due_order,
                                                       signed_at, plan_steps, open_steps)
                SELECT d.id, d.case_id, d.responsible_clinician_id, d.follow_up_date, coalesce(d.follow_up_date, DATE '9999-12-31'),
                       d.signed_at, coalesce(jsonb_array_length(d.content -> 'plan'), 0), decision_open_steps(d.id, d.content)
                  FROM decisions d
                 WHERE d.status = 'Signed'
                ON CONFLICT DO NOTHING
                """);
            await Exec(conn, "ANALYZE");
        }
        load.Stop();
        return new SeedResult(database, cases, rows, build.Elapsed, load.Elapsed, total.Elapsed);
    }

    /// <summary>A database seeded earlier with <paramref name="cases"/> cases (`run --reuse`), with its row counts; null when there is none.</summary>
    public static async Task<SeedResult?> ExistingAsync(string superuser, string database, int cases)
    {
        await using (var conn = new NpgsqlConnection(superuser))
        {
            await conn.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @d)", conn);
            exists.Parameters.AddWithValue("d", database);
            if (!(bool)(await exists.ExecuteScalarAsync())!) return null;
        }
        await using var db = await Open(new NpgsqlConnectionStringBuilder(superuser) { Database = database }.ConnectionString);
        var rows = new Dictionary<string, long>();
        foreach (var t in Tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{t}\"", db);
            rows[t] = (long)(await count.ExecuteScalarAsync())!;
        }
        return rows.GetValueOrDefault("cases") == cases ? new SeedResult(database, cases, rows, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero) : null;
    }

    sealed record Index(string Name, string Definition);
    sealed record ForeignKey(string Table, string Name, string Definition);

    static async Task<(List<Index>, List<ForeignKey>)> SecondaryStructuresAsync(NpgsqlConnection conn)
    {
        List<Index> indexes = [];
        await using (var cmd = new NpgsqlCommand("""
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
              FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
             WHERE n.nspname = 'public' AND t.relname = ANY(@tables)
               AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            """, conn))
        {
            cmd.Parameters.AddWithValue("tables", Tables);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) indexes.Add(new(r.GetString(0).Trim('"'), r.GetString(1)));
        }
        List<ForeignKey> fks = [];
        await using (var cmd = new NpgsqlCommand("""
            SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
              FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
             WHERE c.contype = 'f' AND n.nspname = 'public' AND t.relname = ANY(@tables)
            """, conn))
        {
            cmd.Parameters.AddWithValue("tables", Tables);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) fks.Add(new(r.GetString(0), r.GetString(1), r.GetString(2)));
        }
        return (indexes, fks);
    }

    static async Task<NpgsqlConnection> Open(string cs)
    {
        var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { CommandTimeout = 0 }.ConnectionString);
        await conn.OpenAsync();
        return conn;
    }

    public static async Task Exec(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }

    sealed class ProductionEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;
        public string ApplicationName { get; set; } = "TumorBoard.Benchmarks";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
