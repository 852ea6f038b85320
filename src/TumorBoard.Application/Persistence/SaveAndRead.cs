using Microsoft.EntityFrameworkCore;

namespace TumorBoard.Application.Persistence;

public static class SaveAndRead
{
    /// <summary>
    /// Saves, then reads the answer inside the same transaction before it commits: the answer shows exactly what was saved,
    /// and a read that fails rolls the write back with it, so an error never hides a saved change (a retry would repeat it).
    /// For answers that need more than the entities in memory (names, other rows); simple ones are built from memory.
    /// </summary>
    public static async Task<T> SaveChangesThenReadAsync<T>(this TumorBoardDbContext db, Func<Task<T>> read, CancellationToken ct)
    {
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        // EF wraps a save inside an open transaction in a savepoint (SAVEPOINT, RELEASE: two statements) so that a failed
        // save can roll back to it and the transaction go on. This transaction is ours and a failed save ends it (the
        // exception rolls it back whole), so the savepoint would never be used.
        var savepoints = db.Database.AutoSavepointsEnabled;
        if (own is not null) db.Database.AutoSavepointsEnabled = false;
        try { await db.SaveChangesAsync(ct); }
        finally { db.Database.AutoSavepointsEnabled = savepoints; }
        var answer = await read();
        if (own is not null) await own.CommitAsync(ct);
        return answer;
    }
}
