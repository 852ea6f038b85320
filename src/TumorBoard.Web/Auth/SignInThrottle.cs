using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Persistence;

namespace TumorBoard.Web.Auth;

public sealed class SignInThrottleOptions
{
    /// <summary>Attempts allowed per account and, separately, per client address in one window.</summary>
    public int SignInPermitLimit { get; set; } = 10;
    public int SignInWindowSeconds { get; set; } = 60;
    public TimeSpan Window => TimeSpan.FromSeconds(Math.Max(1, SignInWindowSeconds));
}

/// <summary>
/// Limits sign-in attempts (the sign-in page's POST and the token endpoint) per account and per client address, in
/// fixed windows counted in PostgreSQL (table sign_in_windows), so the limit holds however many instances run: each
/// attempt is one upsert (<c>INSERT … ON CONFLICT DO UPDATE SET attempts = attempts + 1 RETURNING attempts</c>) of two
/// counter rows, and it is refused once either counter passes the limit. Every attempt counts, refused or not, right or
/// wrong: the limit bounds the password hashing an attacker can make the server do. The client address is the
/// connection's, or the one a configured reverse proxy forwarded (ReverseProxy:KnownProxies / KnownNetworks); without a
/// configured proxy, everyone behind one proxy shares its address. Identity's lockout (5 failures, 15 minutes) stays.
/// </summary>
public sealed class SignInThrottle(TumorBoardDbContext db, TimeProvider clock, IOptions<SignInThrottleOptions> options)
{
    public sealed record Verdict(bool Allowed, TimeSpan RetryAfter)
    {
        public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
    }

    public const string Message = "Too many sign-in attempts for this account or from this address.";

    public async Task<Verdict> AttemptAsync(string? email, IPAddress? address, CancellationToken ct)
    {
        var window = options.Value.Window;
        var now = clock.GetUtcNow();
        var start = new DateTimeOffset(now.UtcTicks - now.UtcTicks % window.Ticks, TimeSpan.Zero);
        var byAddress = Subject("address", address?.ToString() ?? "unknown");
        // An attempt without an email still counts against its address.
        var byAccount = string.IsNullOrWhiteSpace(email) ? byAddress : Subject("account", email.Trim().ToUpperInvariant());
        var counts = await db.Database.SqlQuery<int>($"""
            INSERT INTO sign_in_windows (subject, window_start, attempts)
            SELECT DISTINCT s, {start}::timestamptz, 1 FROM unnest(ARRAY[{byAddress}, {byAccount}]) AS s
            ON CONFLICT (subject, window_start) DO UPDATE SET attempts = sign_in_windows.attempts + 1
            RETURNING attempts AS "Value"
            """).ToListAsync(ct);
        var allowed = counts.All(c => c <= options.Value.SignInPermitLimit);
        return new Verdict(allowed, start + window - now);
    }

    /// <summary>Deletes the counters of windows that have ended; returns how many.</summary>
    public Task<int> PurgeAsync(CancellationToken ct)
    {
        var ended = clock.GetUtcNow() - options.Value.Window;
        return db.SignInWindows.Where(w => w.WindowStart < ended).ExecuteDeleteAsync(ct);
    }

    static string Subject(string kind, string value) =>
        $"{kind}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))}";
}
