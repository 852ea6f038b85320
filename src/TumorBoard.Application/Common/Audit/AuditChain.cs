using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using TumorBoard.Domain.Audit;

namespace TumorBoard.Application.Common.Audit;

/// <summary>
/// Links new audit rows onto the end of the chain. Must run inside the transaction that saves them: it takes a
/// transaction-scoped advisory lock first, so concurrent writers append one after another and the chain never forks
/// (the lock is released at commit or rollback). Ids come from the identity sequence under the same lock, so id
/// order is chain order.
/// </summary>
public static class AuditChain
{
    /// <summary>Arbitrary constant naming "the audit chain" among advisory locks ("TBAUDIT1" in ASCII).</summary>
    public const long LockKey = 0x5442_4155_4449_5431;

    const string NextSql = """
        SELECT nextval(pg_get_serial_sequence('audit_entries', 'id')),
               (SELECT hash FROM audit_entries ORDER BY id DESC LIMIT 1)
        FROM generate_series(1, @n)
        """;

    public static async Task SealAsync(DatabaseFacade database, IReadOnlyList<AuditEntry> rows, CancellationToken ct)
    {
        await using (var lockCmd = Command(database, $"SELECT pg_advisory_xact_lock({LockKey})"))
            await lockCmd.ExecuteNonQueryAsync(ct);
        await using var cmd = Command(database, NextSql, rows.Count);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var i = 0;
        string? previous = null;
        while (await reader.ReadAsync(ct))
        {
            if (i == 0) previous = reader.IsDBNull(1) ? null : reader.GetString(1);
            rows[i].Seal(reader.GetInt64(0), previous);
            previous = rows[i++].Hash;
        }
    }

    public static void Seal(DatabaseFacade database, IReadOnlyList<AuditEntry> rows)
    {
        using (var lockCmd = Command(database, $"SELECT pg_advisory_xact_lock({LockKey})"))
            lockCmd.ExecuteNonQuery();
        using var cmd = Command(database, NextSql, rows.Count);
        using var reader = cmd.ExecuteReader();
        var i = 0;
        string? previous = null;
        while (reader.Read())
        {
            if (i == 0) previous = reader.IsDBNull(1) ? null : reader.GetString(1);
            rows[i].Seal(reader.GetInt64(0), previous);
            previous = rows[i++].Hash;
        }
    }

    static DbCommand Command(DatabaseFacade database, string sql, int? n = null)
    {
        var cmd = database.GetDbConnection().CreateCommand();
        cmd.Transaction = database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Audit rows are chained inside the saving transaction.");
        cmd.CommandText = sql;
        if (n is { } count)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "n";
            p.Value = count;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }
}
