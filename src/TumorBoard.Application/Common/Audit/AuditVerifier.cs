using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Audit;

namespace TumorBoard.Application.Common.Audit;

public sealed record AuditVerification(bool Valid, long CheckedRows, long? FirstBrokenRowId, string Reason);

/// <summary>
/// Walks the audit trail in id order, a batch at a time, recomputing every hash and checking every link.
/// Rows written before the chain began (hash null) are accepted only as an unbroken prefix.
/// Called by the VerifyAuditTrail use case and by `dotnet run -- verify-audit` (no signed-in user there).
/// </summary>
public sealed class AuditVerifier(TumorBoardDbContext db)
{
    public const int BatchSize = 1000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        long checkedRows = 0, lastId = 0, legacy = 0;
        string? previous = null;
        var chainStarted = false;
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking()
                .Where(a => a.Id > lastId).OrderBy(a => a.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) break;
            foreach (var row in batch)
            {
                lastId = row.Id;
                if (row.Hash is null)
                {
                    if (chainStarted) return Broken(checkedRows, row.Id, "The row has no hash although the chain had begun.");
                    legacy++;
                    continue;
                }
                chainStarted = true;
                checkedRows++;
                if (row.PreviousHash != previous)
                    return Broken(checkedRows, row.Id, "The row does not link to the hash of the row before it (a row was removed, inserted or altered).");
                if (AuditHash.Compute(row) != row.Hash)
                    return Broken(checkedRows, row.Id, "The row's content does not match its hash (the row was altered).");
                previous = row.Hash;
            }
            db.ChangeTracker.Clear();
        }
        var reason = legacy == 0 ? "The chain is intact." : $"The chain is intact; {legacy} earlier rows predate it and are not hashed.";
        return new AuditVerification(true, checkedRows, null, reason);
    }

    static AuditVerification Broken(long checkedRows, long id, string reason) => new(false, checkedRows, id, reason);
}
