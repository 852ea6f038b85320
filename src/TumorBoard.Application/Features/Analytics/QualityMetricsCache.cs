using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Persistence;

namespace TumorBoard.Application.Features.Analytics;

/// <summary>
/// The last counts of the quality measures, per filter, shared by everyone who opens the dashboard (the figures do not
/// depend on who asks). A count is served again only while <b>no transaction has committed since</b> it was made: its
/// statement's snapshot (<c>pg_current_snapshot()</c>, taken by the same statement that counted) is compared with the
/// database's current one, one round trip. Equal snapshots mean the same highest finished transaction and the same ones in
/// progress: nothing committed, so every record the count read is as it was. Any write anywhere in the cluster (a sign, a
/// follow-up, a read-log row) recounts: the comparison can only be conservative, never stale. The measures also depend on the
/// time (a fast-track clock running past its due time becomes a breach), so a count is kept for the minute of the board
/// clock it was made in, no longer. At most <see cref="Capacity"/> filters are kept; the oldest go first. Requests for a
/// filter being counted wait for that count instead of making their own, and at most <see cref="CountsAtOnce"/> counts run
/// at once. Singleton.
/// </summary>
public sealed class QualityMetricsCache
{
    public const int Capacity = 64;

    readonly ConcurrentDictionary<string, (QualityMetricsSql.Counted Counted, long Order)> entries = new(StringComparer.Ordinal);
    long order;

    /// <summary>Counts served from this cache and counts made, since start (for tests and the benchmark's notes).</summary>
    public long Hits => Interlocked.Read(ref hits);
    public long Misses => Interlocked.Read(ref misses);
    long hits, misses;

    /// <summary>
    /// Counts made at once, whatever the filters: a count is a second of CPU at 100k cases, and a room of dashboards opened
    /// together must not take every core from the board's own requests. Requests beyond wait their turn.
    /// </summary>
    public static readonly int CountsAtOnce = Math.Max(1, Environment.ProcessorCount / 2);

    readonly SemaphoreSlim counting = new(CountsAtOnce, CountsAtOnce);
    /// <summary>One count per filter at a time: requests for a filter being counted wait for that count, then find it here.</summary>
    readonly SemaphoreSlim[] stripes = [.. Enumerable.Range(0, 32).Select(_ => new SemaphoreSlim(1, 1))];

    public async Task<QualityMetricsSql.Counted> GetOrCountAsync(TumorBoardDbContext db, AnalyticsScope scope, CancellationToken ct)
    {
        var key = Key(db, scope);
        if (await FreshAsync(db, key, ct) is { } cached) return cached;
        var stripe = stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)stripes.Length)];
        await stripe.WaitAsync(ct);
        try
        {
            if (await FreshAsync(db, key, ct) is { } counted) return counted;   // counted while this request waited
            await counting.WaitAsync(ct);
            try
            {
                Interlocked.Increment(ref misses);
                counted = await QualityMetricsSql.CountAsync(db, scope, ct);
            }
            finally { counting.Release(); }
            entries[key] = (counted, Interlocked.Increment(ref order));
            if (entries.Count > Capacity)
                foreach (var old in entries.OrderBy(e => e.Value.Order).Take(entries.Count - Capacity).ToList())
                    entries.TryRemove(old);
            return counted;
        }
        finally { stripe.Release(); }
    }

    async Task<QualityMetricsSql.Counted?> FreshAsync(TumorBoardDbContext db, string key, CancellationToken ct)
    {
        if (!entries.TryGetValue(key, out var entry) || entry.Counted.Snapshot.Length == 0) return null;
        if (await CurrentSnapshotAsync(db, ct) != entry.Counted.Snapshot) return null;
        Interlocked.Increment(ref hits);
        return entry.Counted;
    }

    static async Task<string> CurrentSnapshotAsync(TumorBoardDbContext db, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<string>("SELECT pg_current_snapshot()::text AS \"Value\"").SingleAsync(ct);

    /// <summary>The database, every filter with its defaults filled in, the board's today and the minute of the board clock.</summary>
    static string Key(TumorBoardDbContext db, AnalyticsScope scope)
    {
        var f = scope.Filter;
        var minute = scope.NowUtc.ToUnixTimeSeconds() / 60;
        return string.Join('|',
            db.Database.GetDbConnection().Database, scope.From.ToString("O", CultureInfo.InvariantCulture), scope.To.ToString("O", CultureInfo.InvariantCulture),
            scope.ByDecisionDate, scope.AllVersions, f.Histology, f.Urgency, f.Triage, f.Outcome, f.Discipline,
            scope.Today.ToString("O", CultureInfo.InvariantCulture), minute.ToString(CultureInfo.InvariantCulture), scope.TimeZone,
            f.Referrer);
    }
}
