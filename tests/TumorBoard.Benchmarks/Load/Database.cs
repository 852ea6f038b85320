using Npgsql;

namespace TumorBoard.Benchmarks.Load;

/// <summary>
/// What the benchmark reads from PostgreSQL beside the load: the statements the app's role ran (pg_stat_statements), the
/// sessions waiting for an advisory lock (pg_locks, sampled), and the ids the requests rotate over.
/// </summary>
public sealed class Database(string name, string superuser)
{
    public string Name { get; } = name;

    public async Task PrepareAsync()
    {
        await using var conn = await OpenAsync();
        await new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements", conn).ExecuteNonQueryAsync();
    }

    async Task<NpgsqlConnection> OpenAsync()
    {
        var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(superuser) { Database = Name, CommandTimeout = 0 }.ConnectionString);
        await conn.OpenAsync();
        return conn;
    }

    public async Task ResetStatementsAsync()
    {
        await using var conn = await OpenAsync();
        await new NpgsqlCommand("SELECT pg_stat_statements_reset()", conn).ExecuteNonQueryAsync();
    }

    /// <summary>Statements (calls) the app role ran in this database since the last reset.</summary>
    public async Task<long> StatementsAsync()
    {
        await using var conn = await OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT coalesce(sum(calls), 0)::bigint FROM pg_stat_statements
             WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
               AND userid = (SELECT oid FROM pg_roles WHERE rolname = 'tumorboard_app')
            """, conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>Samples every 20 ms until cancelled: how many sessions wait for an advisory lock (mean, max).</summary>
    public async Task<(double Mean, int Max)> SampleLockWaitsAsync(CancellationToken stop)
    {
        await using var conn = await OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*)::int FROM pg_locks WHERE locktype = 'advisory' AND NOT granted", conn);
        long sum = 0, n = 0;
        var max = 0;
        while (!stop.IsCancellationRequested)
        {
            var waiting = (int)(await cmd.ExecuteScalarAsync(CancellationToken.None))!;
            sum += waiting; n++; max = Math.Max(max, waiting);
            try { await Task.Delay(20, stop); } catch (OperationCanceledException) { }
        }
        return (n == 0 ? 0 : (double)sum / n, max);
    }

    public async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var conn = await OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var r = await cmd.ExecuteReaderAsync();
        List<T> list = [];
        while (await r.ReadAsync()) list.Add(read(r));
        return list;
    }
}
