using System.Collections.Concurrent;

namespace TumorBoard.Application.Common.Security;

/// <summary>
/// Remembers, for a short while, that an account was active with a given security stamp, so the per-request account
/// check (ActiveAccountMiddleware) asks the database once per account and <see cref="Lifetime"/> instead of on every
/// request. Keyed by user id; an entry counts only for the very stamp it was confirmed with. Any save that changes an
/// account in this process (deactivation, a role change, a password reset: each renews the stamp) forgets it at once
/// (<see cref="Forget"/>, called by the DbContext), so there the change takes effect on the next request; a change made
/// by another instance takes effect there within <see cref="Lifetime"/> (Auth:AccountCheckSeconds, default 30). Only
/// confirmations are cached, never refusals. Singleton; one small entry per signed-in account.
/// </summary>
public sealed class AccountCheckCache(TimeProvider clock, TimeSpan lifetime)
{
    public const int DefaultSeconds = 30;

    readonly ConcurrentDictionary<Guid, (string Stamp, DateTimeOffset Until)> confirmed = new();

    public TimeSpan Lifetime => lifetime;

    /// <summary>True when this account was confirmed active with exactly this stamp less than <see cref="Lifetime"/> ago.</summary>
    public bool IsConfirmed(Guid userId, string stamp) =>
        confirmed.TryGetValue(userId, out var entry) && entry.Stamp == stamp && entry.Until > clock.GetUtcNow();

    public void Confirm(Guid userId, string stamp) => confirmed[userId] = (stamp, clock.GetUtcNow() + lifetime);

    public void Forget(Guid userId) => confirmed.TryRemove(userId, out _);
}
