using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Audit;

namespace TumorBoard.Application.Common.Audit;

/// <summary>
/// The periodic checkpoint (every Audit:CheckpointIntervalMinutes, run by the web host's background writer): anchors
/// the sealed chain's current head without walking the whole chain. Before writing it makes the cheap check that the newest
/// checkpoint's row is still there with the same hash; when it is not, the trail was cut or rewritten: it logs that as
/// critical and anchors nothing until someone looks (verify-audit names what is missing).
/// </summary>
public sealed class AuditHeadAnchor(TumorBoardDbContext db, AuditCheckpointLog checkpoints, ILogger<AuditHeadAnchor> log)
{
    public async Task<AuditCheckpoint?> AnchorAsync(CancellationToken ct)
    {
        var newest = await checkpoints.NewestAsync(ct);
        if (newest is { Problem: { } problem })
        {
            log.LogCritical("No audit checkpoint written: the newest line of {File} is not valid. {Problem}", checkpoints.FilePath, problem);
            return null;
        }
        // The sealed chain's head (by position: ids are not the chain order) and, cheaply, the newest checkpoint's row.
        var head = await db.AuditSeals.AsNoTracking().OrderByDescending(s => s.Position)
            .Select(s => new { Id = s.EntryId, s.Hash }).FirstOrDefaultAsync(ct);
        if (newest?.Checkpoint is { } last)
        {
            var stored = await db.AuditSeals.AsNoTracking()
                .Where(s => s.EntryId == last.RowId && db.AuditEntries.Any(a => a.Id == last.RowId)).Select(s => s.Hash).FirstOrDefaultAsync(ct);
            if (stored != last.Hash)
            {
                log.LogCritical(
                    "No audit checkpoint written: the trail no longer holds row {RowId} as the checkpoint of {At} names it (the trail now ends at row {Head}). Rows were removed or rewritten: run verify-audit.",
                    last.RowId, last.AtText, head?.Id ?? 0);
                return null;
            }
        }
        return head is null ? null : await checkpoints.AppendAsync(head.Id, head.Hash, ct);
    }
}
