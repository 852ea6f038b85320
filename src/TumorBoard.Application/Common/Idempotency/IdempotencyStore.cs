using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Persistence;

namespace TumorBoard.Application.Common.Idempotency;

public sealed class IdempotencyOptions
{
    /// <summary>How long a key and its answer are kept (and replayed), in hours; at least 24 (checked at start-up).</summary>
    public int RetentionHours { get; set; } = 24;

    /// <summary>How often expired keys are purged, in minutes.</summary>
    public int PurgeIntervalMinutes { get; set; } = 15;

    public TimeSpan Retention => TimeSpan.FromHours(RetentionHours);
    public TimeSpan PurgeInterval => TimeSpan.FromMinutes(Math.Max(1, PurgeIntervalMinutes));
}

/// <summary>The answer stored for a key, replayed to a retry exactly as it was first given.</summary>
public sealed record StoredAnswer(int Status, string? ContentType, string? Location, string? ETag, byte[] Body);

/// <summary>What a claim on a key found.</summary>
public abstract record KeyClaim
{
    /// <summary>The key is new (or its earlier use expired): this request runs and its answer is then stored or released.</summary>
    public sealed record Claimed : KeyClaim;
    /// <summary>The same request was answered before: send that answer again.</summary>
    public sealed record Answered(StoredAnswer Answer) : KeyClaim;
    /// <summary>The key was used for another request (method, path or body differ): 422.</summary>
    public sealed record UsedForAnotherRequest : KeyClaim;
    /// <summary>A request with the key is running, or was interrupted after it may have written: 409, never run twice.</summary>
    public sealed record InProgress : KeyClaim;
}

/// <summary>
/// Idempotency keys in PostgreSQL (table idempotency_keys), for the API's Idempotency-Key header and, later, the pages'
/// one-time form tokens: nothing here knows HTTP. The database settles every race: a claim is one INSERT … ON CONFLICT
/// on the primary key (user, key), committed on its own before the request runs, so of N requests with one key exactly
/// one is claimed and runs; the others find its row (in progress: 409; answered: the stored answer). The command runs in
/// its own transactions as without a key; its answer is stored afterwards (<see cref="CompleteAsync"/>), or the claim is
/// released when the request was refused and wrote nothing (<see cref="ReleaseAsync"/>). A request interrupted after it
/// may have written keeps its claim with no answer: retries are refused (409) until the key expires, never run again.
/// Every statement goes by the primary key, and the purge by the created_at index: costs do not grow with the table.
/// </summary>
public sealed class IdempotencyStore(TumorBoardDbContext db, TimeProvider clock, IOptions<IdempotencyOptions> options)
{
    public async Task<KeyClaim> ClaimAsync(Guid userId, string key, string method, string path, byte[] requestHash, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var now = clock.GetUtcNow();
            var expired = now - options.Value.Retention;
            // A row past the retention is taken over as if it were not there (the purge may not have run yet).
            var claimed = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO idempotency_keys (user_id, key, method, path, request_hash, created_at)
                VALUES ({userId}, {key}, {method}, {path}, {requestHash}, {now})
                ON CONFLICT (user_id, key) DO UPDATE SET
                    method = excluded.method, path = excluded.path, request_hash = excluded.request_hash,
                    created_at = excluded.created_at, completed_at = NULL, response_status = NULL,
                    response_content_type = NULL, response_location = NULL, response_etag = NULL, response_body = NULL
                WHERE idempotency_keys.created_at < {expired}
                """, ct);
            if (claimed == 1) return new KeyClaim.Claimed();

            var found = await db.IdempotencyKeys.AsNoTracking().FirstOrDefaultAsync(k => k.UserId == userId && k.Key == key, ct);
            if (found is null) continue;   // released in between (its request was refused): claim it again
            if (found.Method != method || found.Path != path || !found.RequestHash.AsSpan().SequenceEqual(requestHash))
                return new KeyClaim.UsedForAnotherRequest();
            if (found.ResponseStatus is not { } status) return new KeyClaim.InProgress();
            return new KeyClaim.Answered(new StoredAnswer(status, found.ResponseContentType, found.ResponseLocation, found.ResponseETag,
                found.ResponseBody ?? []));
        }
        return new KeyClaim.InProgress();
    }

    /// <summary>Stores the answer of the claimed request: every retry with the key gets it from now on.</summary>
    public Task CompleteAsync(Guid userId, string key, StoredAnswer answer, CancellationToken ct) =>
        db.IdempotencyKeys.Where(k => k.UserId == userId && k.Key == key && k.ResponseStatus == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(k => k.CompletedAt, clock.GetUtcNow())
                .SetProperty(k => k.ResponseStatus, answer.Status)
                .SetProperty(k => k.ResponseContentType, answer.ContentType)
                .SetProperty(k => k.ResponseLocation, answer.Location)
                .SetProperty(k => k.ResponseETag, answer.ETag)
                .SetProperty(k => k.ResponseBody, answer.Body), ct);

    /// <summary>Gives the key back (the request was refused and saved nothing): a corrected retry may use it.</summary>
    public Task ReleaseAsync(Guid userId, string key, CancellationToken ct) =>
        db.IdempotencyKeys.Where(k => k.UserId == userId && k.Key == key && k.ResponseStatus == null).ExecuteDeleteAsync(ct);

    /// <summary>Deletes the keys older than the retention; returns how many.</summary>
    public Task<int> PurgeAsync(CancellationToken ct)
    {
        var expired = clock.GetUtcNow() - options.Value.Retention;
        return db.IdempotencyKeys.Where(k => k.CreatedAt < expired).ExecuteDeleteAsync(ct);
    }
}
