using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Audit;

namespace TumorBoard.Application.Common.Audit;

/// <summary>
/// Links committed audit rows into the hash chain (ADR 0006). Request transactions only INSERT their audit rows; a
/// statement trigger queues each new row's id in <c>audit_pending</c> in the same transaction, so a row is queued
/// exactly when it commits, whatever its id. A pass takes the queued rows (committed ones only: that is all it can
/// see), reads the chain's head from <c>audit_seals</c>, appends one <see cref="AuditSeal"/> per row at the next
/// positions and removes them from the queue, all in one transaction: a sealer that dies mid-pass leaves nothing half
/// sealed. Passes are serialised by a transaction-scoped advisory lock that only sealing transactions take (the elected
/// <see cref="AuditSealerService"/>, and <see cref="SealPendingAsync"/> run on demand by tests), never a request;
/// should two ever race anyway, the primary key on the position and the unique entry id make the second fail instead
/// of forking the chain. Chain order is the order rows were sealed, never assumed to be id order. Scoped.
/// </summary>
public sealed class AuditSealer(TumorBoardDbContext db, TimeProvider clock, ILogger<AuditSealer> log)
{
    /// <summary>Serialises sealing passes ("TBSEALP1" in ASCII).</summary>
    public const long PassLockKey = 0x5442_5345_414C_5031;
    public const int BatchSize = 500;

    /// <summary>Seals every row committed so far; returns how many it sealed.</summary>
    public async Task<int> SealPendingAsync(CancellationToken ct = default)
    {
        var total = 0;
        while (true)
        {
            var sealedNow = await SealBatchAsync(ct);
            total += sealedNow;
            if (sealedNow < BatchSize) return total;
        }
    }

    async Task<int> SealBatchAsync(CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PassLockKey})", ct);
        // Statements after the lock see every pass committed before it, and every request row committed so far.
        var rows = await db.AuditEntries.FromSqlRaw($"""
            SELECT e.* FROM audit_pending p JOIN audit_entries e ON e.id = p.entry_id
             WHERE NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.entry_id = p.entry_id)
             ORDER BY p.entry_id LIMIT {BatchSize}
            """).AsNoTracking().ToListAsync(ct);
        if (rows.Count == 0)
        {
            // Queue entries whose row is sealed already (or gone): nothing to link, only to forget.
            await db.Database.ExecuteSqlRawAsync("""
                DELETE FROM audit_pending p
                 WHERE EXISTS (SELECT 1 FROM audit_seals s WHERE s.entry_id = p.entry_id)
                    OR NOT EXISTS (SELECT 1 FROM audit_entries e WHERE e.id = p.entry_id)
                """, ct);
            await tx.CommitAsync(ct);
            return 0;
        }

        var head = await db.AuditSeals.AsNoTracking().OrderByDescending(s => s.Position).FirstOrDefaultAsync(ct);
        var now = AuditHash.ToMicroseconds(clock.GetUtcNow());
        var seals = new List<AuditSeal>(rows.Count);
        foreach (var row in rows)
        {
            head = AuditSeal.Link(row, (head?.Position ?? 0) + 1, head, now);
            seals.Add(head);
        }

        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO audit_seals (position, entry_id, previous_hash, hash, sealed_at)
            SELECT * FROM unnest(@positions, @entries, @previous, @hashes, @at)
            """,
            [
                Array("positions", NpgsqlDbType.Bigint, seals.Select(s => s.Position).ToArray()),
                Array("entries", NpgsqlDbType.Bigint, seals.Select(s => s.EntryId).ToArray()),
                Array("previous", NpgsqlDbType.Text, seals.Select(s => s.PreviousHash).ToArray()),
                Array("hashes", NpgsqlDbType.Text, seals.Select(s => s.Hash).ToArray()),
                Array("at", NpgsqlDbType.TimestampTz, seals.Select(s => s.SealedAt).ToArray()),
            ], ct);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM audit_pending WHERE entry_id = ANY(@entries)",
            [Array("entries", NpgsqlDbType.Bigint, seals.Select(s => s.EntryId).ToArray())], ct);
        await tx.CommitAsync(ct);
        log.LogDebug("Sealed {Count} audit rows at positions {First}..{Last}", seals.Count, seals[0].Position, seals[^1].Position);
        return seals.Count;
    }

    static NpgsqlParameter Array<T>(string name, NpgsqlDbType type, T[] values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values };
}
