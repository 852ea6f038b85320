using Npgsql;
using TumorBoard.Web.Development;
using TumorBoard.Web.Database;

namespace TumorBoard.Benchmarks;

/// <summary>
/// The benchmark's own PostgreSQL: the app's <see cref="LocalPostgres"/> (initdb in /tmp, a free loopback port, as the
/// postgres OS user when root), restarted once with pg_stat_statements preloaded so SQL statements per request can be
/// counted.
/// </summary>
public sealed class BenchCluster : IAsyncDisposable
{
    readonly string dir;
    LocalPostgres pg;

    BenchCluster(string dir, LocalPostgres pg) { this.dir = dir; this.pg = pg; }

    public string Superuser(string database = "postgres") => pg.ConnectionString(database);

    public static async Task<BenchCluster> StartAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), "tb-bench-pg-" + Guid.NewGuid().ToString("N")[..8]);
        var pg = await LocalPostgres.StartAsync(dir);
        await using (var conn = new NpgsqlConnection(pg.ConnectionString("postgres")))
        {
            await conn.OpenAsync();
            foreach (var sql in new[]
            {
                "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'",
                "ALTER SYSTEM SET shared_buffers = '512MB'",
            })
                await new NpgsqlCommand(sql, conn).ExecuteNonQueryAsync();
        }
        await pg.StopAsync();
        pg = await LocalPostgres.StartAsync(dir);
        return new BenchCluster(dir, pg);
    }

    public async ValueTask DisposeAsync()
    {
        await pg.StopAsync();
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
