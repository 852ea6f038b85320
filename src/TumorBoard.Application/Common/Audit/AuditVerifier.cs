using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Audit;

namespace TumorBoard.Application.Common.Audit;

/// <summary>
/// The outcome of a verification. <see cref="CheckedCheckpoints"/>: how many signed checkpoints the trail was compared
/// with; <see cref="Checkpoint"/>: the checkpoint this verification wrote for the head it verified (null when the trail
/// is broken, has no hashed row, or the file could not be written — then <see cref="Reason"/> says so).
/// </summary>
public sealed record AuditVerification(bool Valid, long CheckedRows, long? FirstBrokenRowId, string Reason)
{
    public int CheckedCheckpoints { get; init; }
    public CheckpointSummary? Checkpoint { get; init; }
}

public sealed record CheckpointSummary(long RowId, string Hash, DateTimeOffset At);

/// <summary>
/// Walks the audit trail in id order, a batch at a time, recomputing every hash and checking every link, then compares
/// it with every signed checkpoint (<see cref="AuditCheckpointLog"/>): a trail that ends before a checkpointed row, lacks
/// it, or holds another hash there was cut or rewritten, even if what is left forms an unbroken chain. An intact trail's
/// head is then checkpointed. Rows written before the chain began (hash null) are accepted only as an unbroken prefix.
/// Called by the VerifyAuditTrail use case and by `dotnet run -- verify-audit` (no signed-in user there).
/// </summary>
public sealed class AuditVerifier(TumorBoardDbContext db, AuditCheckpointLog checkpoints, ILogger<AuditVerifier> log)
{
    public const int BatchSize = 1000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        // Read before the walk: every checkpoint in the file names a row committed before the walk began.
        var lines = await checkpoints.ReadAllAsync(ct);
        if (lines.FirstOrDefault(l => l.Problem is not null) is { } bad)
            return Logged(new AuditVerification(false, 0, null, bad.Problem!) { CheckedCheckpoints = lines.Count });
        var anchored = lines.Select(l => l.Checkpoint!).GroupBy(c => c.RowId).ToDictionary(g => g.Key, g => g.ToList());

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
                    if (chainStarted) return Broken(checkedRows, row.Id, "The row has no hash although the chain had begun.", lines.Count);
                    if (anchored.TryGetValue(row.Id, out var lost))
                        return Broken(checkedRows, row.Id, $"Row {row.Id} has no hash, but the checkpoint of {lost[0].AtText} names its hash: the row was altered.", lines.Count);
                    legacy++;
                    continue;
                }
                chainStarted = true;
                checkedRows++;
                if (row.PreviousHash != previous)
                    return Broken(checkedRows, row.Id, "The row does not link to the hash of the row before it (a row was removed, inserted or altered).", lines.Count);
                if (AuditHash.Compute(row) != row.Hash)
                    return Broken(checkedRows, row.Id, "The row's content does not match its hash (the row was altered).", lines.Count);
                if (anchored.Remove(row.Id, out var named) && named.FirstOrDefault(c => c.Hash != row.Hash) is { } differs)
                    return Broken(checkedRows, row.Id, $"Row {row.Id} does not hold the hash the checkpoint of {differs.AtText} "
                        + "names: the trail was rewritten from that row on.", lines.Count);
                previous = row.Hash;
            }
            db.ChangeTracker.Clear();
        }

        if (anchored.Count > 0) return Missing(checkedRows, lastId, empty: lastId == 0, anchored, lines.Count);

        var reason = legacy == 0 ? "The chain is intact." : $"The chain is intact; {legacy} earlier rows predate it and are not hashed.";
        var result = new AuditVerification(true, checkedRows, null, reason) { CheckedCheckpoints = lines.Count };
        // Rows after the chain began are all hashed, so the walk's last row is the head it verified.
        return previous is null ? result : await AnchorAsync(result, lastId, previous, ct);
    }

    /// <summary>Checkpointed rows the walk never met: the trail ends before them, or they were cut out of it.</summary>
    AuditVerification Missing(long checkedRows, long lastId, bool empty, Dictionary<long, List<AuditCheckpoint>> anchored, int count)
    {
        var beyond = anchored.Keys.Where(id => id > lastId).ToList();
        if (beyond.Count > 0)
        {
            var newest = anchored[beyond.Max()].MaxBy(c => c.At)!;
            var reason = empty
                ? $"The audit trail is empty, but the checkpoint of {newest.AtText} names row {newest.RowId}: "
                  + $"every row up to {newest.RowId} is missing."
                : $"The trail ends at row {lastId}, but the checkpoint of {newest.AtText} names row {newest.RowId}: "
                  + $"the rows after {lastId} up to {newest.RowId} are missing.";
            return Broken(checkedRows, newest.RowId, reason, count);
        }
        var cut = anchored[anchored.Keys.Min()].MinBy(c => c.At)!;
        return Broken(checkedRows, cut.RowId, $"Row {cut.RowId}, named by the checkpoint of {cut.AtText}, is missing from the trail: "
            + "it was removed and the rows after it linked over the gap.", count);
    }

    async Task<AuditVerification> AnchorAsync(AuditVerification result, long headId, string hash, CancellationToken ct)
    {
        try
        {
            var written = await checkpoints.AppendAsync(headId, hash, ct);
            return result with { Checkpoint = new CheckpointSummary(written.RowId, written.Hash, written.At) };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.LogError(e, "The audit checkpoint could not be written to {File}", checkpoints.FilePath);
            return result with { Reason = $"{result.Reason} No checkpoint could be written to {checkpoints.FilePath}: {e.Message}" };
        }
    }

    AuditVerification Broken(long checkedRows, long id, string reason, int checkedCheckpoints) =>
        Logged(new AuditVerification(false, checkedRows, id, reason) { CheckedCheckpoints = checkedCheckpoints });

    AuditVerification Logged(AuditVerification result)
    {
        log.LogCritical("Audit trail verification failed at row {RowId}: {Reason}", result.FirstBrokenRowId, result.Reason);
        return result;
    }
}
