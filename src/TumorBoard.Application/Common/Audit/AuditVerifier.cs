using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Audit;

namespace TumorBoard.Application.Common.Audit;

/// <summary>
/// The outcome of a verification. <see cref="CheckedCheckpoints"/>: how many signed checkpoints the trail was compared
/// with (the newest one, so 0 or 1); <see cref="Checkpoint"/>: the checkpoint this verification wrote for the head it verified (null when the trail
/// is broken, has no sealed row, or the file could not be written — then <see cref="Reason"/> says so);
/// <see cref="PendingRows"/>: committed rows the sealer has not linked into the chain yet (not checked, not broken).
/// </summary>
public sealed record AuditVerification(bool Valid, long CheckedRows, long? FirstBrokenRowId, string Reason)
{
    public int CheckedCheckpoints { get; init; }
    public long PendingRows { get; init; }
    public CheckpointSummary? Checkpoint { get; init; }
}

public sealed record CheckpointSummary(long RowId, string Hash, DateTimeOffset At);

/// <summary>
/// Walks the sealed chain (<see cref="AuditSeal"/>, ADR 0006) in position order, a batch at a time: positions without a
/// gap, every row each seal names still there, every link to the hash before it, every hash recomputed over the row's
/// content. It then compares the chain with the newest signed checkpoint (<see cref="AuditCheckpointLog"/>): a chain that
/// lacks the checkpointed row, or holds another hash for it, was cut or rewritten, even if what is left forms an unbroken
/// chain. Rows not sealed yet are counted as pending, not judged. An intact chain's head is then checkpointed.
/// Called by the VerifyAuditTrail use case and by `dotnet run -- verify-audit` (no signed-in user there).
/// </summary>
public sealed class AuditVerifier(TumorBoardDbContext db, AuditCheckpointLog checkpoints, ILogger<AuditVerifier> log)
{
    public const int BatchSize = 1000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        // Read before the walk, so it names a row sealed before the walk began. Only the newest checkpoint (the file's last
        // line, read from its end): through the chain's links its hash vouches for every row up to it, so the older ones
        // add nothing the walk does not check, and the file is never read whole.
        var newest = await checkpoints.NewestAsync(ct);
        IReadOnlyList<CheckpointLine> lines = newest is null ? [] : [newest];
        if (lines.FirstOrDefault(l => l.Problem is not null) is { } bad)
            return Logged(new AuditVerification(false, 0, null, bad.Problem!) { CheckedCheckpoints = lines.Count });
        var anchored = lines.Select(l => l.Checkpoint!).GroupBy(c => c.RowId).ToDictionary(g => g.Key, g => g.ToList());

        long checkedRows = 0, position = 0, headId = 0, highestId = 0;
        string? previous = null;
        while (true)
        {
            var batch = await (
                from seal in db.AuditSeals.AsNoTracking()
                where seal.Position > position
                orderby seal.Position
                join row in db.AuditEntries.AsNoTracking() on seal.EntryId equals row.Id into rows
                from row in rows.DefaultIfEmpty()
                select new { Seal = seal, Row = row }).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) break;
            foreach (var (seal, row) in batch.Select(b => (b.Seal, b.Row)))
            {
                if (seal.Position != position + 1)
                    return Broken(checkedRows, seal.EntryId, $"The chain has no position {position + 1} (it goes on at {seal.Position}): "
                        + "a seal was removed.", lines.Count);
                position = seal.Position;
                if (row is null)
                    return Broken(checkedRows, seal.EntryId, $"Row {seal.EntryId}, sealed at position {seal.Position}, is missing from the trail "
                        + "(a row was removed).", lines.Count);
                checkedRows++;
                if (seal.PreviousHash != previous)
                    return Broken(checkedRows, row.Id, "The row does not link to the hash of the row before it (a row was removed, inserted or altered).", lines.Count);
                if (!seal.Matches(row))
                    return Broken(checkedRows, row.Id, "The row's content does not match its hash (the row was altered).", lines.Count);
                if (anchored.Remove(row.Id, out var named) && named.FirstOrDefault(c => c.Hash != seal.Hash) is { } differs)
                    return Broken(checkedRows, row.Id, $"Row {row.Id} does not hold the hash the checkpoint of {differs.AtText} "
                        + "names: the trail was rewritten from that row on.", lines.Count);
                previous = seal.Hash;
                headId = row.Id;
                highestId = Math.Max(highestId, row.Id);
            }
        }

        if (anchored.Count > 0) return Missing(checkedRows, highestId, empty: position == 0, anchored, lines.Count);

        // Committed rows without a seal: what the sealer has not reached yet (or, with it stopped, everything since).
        var pending = await db.AuditEntries.AsNoTracking().LongCountAsync(e => !db.AuditSeals.Any(s => s.EntryId == e.Id), ct);
        var reason = pending == 0 ? "The chain is intact."
            : $"The chain is intact; {pending} newer rows are not sealed yet (pending) and were not checked.";
        var result = new AuditVerification(true, checkedRows, null, reason) { CheckedCheckpoints = lines.Count, PendingRows = pending };
        return previous is null ? result : await AnchorAsync(result, headId, previous, ct);
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
