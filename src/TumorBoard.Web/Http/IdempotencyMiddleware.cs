using System.Security.Cryptography;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TumorBoard.Application.Common.Idempotency;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Web.Errors;

namespace TumorBoard.Web.Http;

/// <summary>
/// The Idempotency-Key request header on every POST and PUT under /api/v1 that a signed-in user sends (every one that
/// creates a record: patients, cases, accounts, meetings, agenda entries, decisions, amendments, follow-ups, waivers,
/// assessment revisions, and the first assessment draft, which a PUT creates; and the other writes alike). Without the
/// header nothing changes. With it, the first request runs
/// and a successful (2xx) answer is stored with the key; a retry with the same key and the same body gets that answer
/// again (status, body, Location, ETag, plus <c>Idempotent-Replayed: true</c>) and writes nothing; the same key with
/// another body or path is 422; a retry while the first is still running (or was interrupted after it may have written)
/// is 409. A refused request (4xx) stores nothing and gives the key back. Keys are per user and kept
/// <see cref="IdempotencyOptions.Retention"/> (24 h by default). The store (<see cref="IdempotencyStore"/>) settles races
/// in PostgreSQL, so this holds across instances.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, ILogger<IdempotencyMiddleware> log)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task InvokeAsync(HttpContext http, ICurrentUser user, IdempotencyStore store, TumorBoardDbContext db)
    {
        if (!(HttpMethods.IsPost(http.Request.Method) || HttpMethods.IsPut(http.Request.Method)) || !http.Request.Path.StartsWithSegments("/api/v1")
            || !http.Request.Headers.TryGetValue(Header, out var values)
            // The token endpoint (anonymous) never stores what it answers: a bearer token has no place in a table.
            || http.GetEndpoint() is not { } endpoint || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
            || user.Id is not { } userId)
        {
            await next(http);
            return;
        }

        if (values.Count != 1 || !IsValidKey(values[0]))
        {
            await ProblemAsync(http, StatusCodes.Status400BadRequest, "The request is invalid",
                $"{Header} must be one value of 1 to {IdempotencyKey.KeyMaxLength} printable ASCII characters (a UUID, for example).",
                errors: true);
            return;
        }
        var key = values[0]!;
        var path = http.Request.Path.Value ?? "/";
        var hash = await HashBodyAsync(http.Request, http.RequestAborted);

        switch (await store.ClaimAsync(userId, key, http.Request.Method, path, hash, http.RequestAborted))
        {
            case KeyClaim.Answered { Answer: var answer }:
                await ReplayAsync(http, answer);
                return;
            case KeyClaim.UsedForAnotherRequest:
                await ProblemAsync(http, StatusCodes.Status422UnprocessableEntity, "Idempotency key already used",
                    $"This {Header} was already used for a different request. Send a new key for a new request.");
                return;
            case KeyClaim.InProgress:
                http.Response.Headers.RetryAfter = "1";
                await ProblemAsync(http, StatusCodes.Status409Conflict, "Request with this key in progress",
                    $"A request with this {Header} is still being processed, or was interrupted before its answer was stored. " +
                    "Retry in a moment; if this answer stays, check (GET) whether the record exists before sending it again under a new key.");
                return;
        }
        await RunAsync(http, userId, key, store, db);
    }

    async Task RunAsync(HttpContext http, Guid userId, string key, IdempotencyStore store, TumorBoardDbContext db)
    {
        var wrote = false;
        void Saved(object? sender, Microsoft.EntityFrameworkCore.SavedChangesEventArgs e) => wrote |= e.EntitiesSavedCount > 0;
        db.SavedChanges += Saved;
        var original = http.Response.Body;
        await using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        catch (Exception e)
        {
            // The exception handler answers outside this middleware; settle the key for what that answer will be.
            http.Response.Body = original;
            db.SavedChanges -= Saved;
            await SettleFailureAsync(userId, key, store, refused: IsRefusal(e), wrote);
            throw;
        }
        http.Response.Body = original;
        db.SavedChanges -= Saved;

        var status = http.Response.StatusCode;
        if (status is >= 200 and < 300)
        {
            try
            {
                await store.CompleteAsync(userId, key, new StoredAnswer(status, http.Response.ContentType,
                    http.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null,
                    http.Response.Headers.ETag.ToString() is { Length: > 0 } t ? t : null, buffer.ToArray()), CancellationToken.None);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The write is done: its answer still goes out. The key keeps its claim, so a retry is refused, never run again.
                log.LogError(e, "The answer to an idempotent request could not be stored; retries with its key will be refused.");
            }
        }
        else await SettleFailureAsync(userId, key, store, refused: status < 500, wrote);

        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    /// <summary>A refusal (4xx) saved nothing of the request: give the key back. A failure after a write keeps the claim.</summary>
    async Task SettleFailureAsync(Guid userId, string key, IdempotencyStore store, bool refused, bool wrote)
    {
        if (!refused && wrote)
        {
            log.LogWarning("An idempotent request failed after it wrote; its key stays claimed without an answer.");
            return;
        }
        try { await store.ReleaseAsync(userId, key, CancellationToken.None); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "The key of a refused idempotent request could not be released; retries with it will be refused.");
        }
    }

    static bool IsRefusal(Exception e) => e is ValidationException or BadHttpRequestException
        || ExceptionMapping.Map(e) is { Status: < 500 };

    /// <summary>1 to 255 characters, each printable ASCII (space to tilde).</summary>
    public static bool IsValidKey(string? key) =>
        key is { Length: > 0 and <= IdempotencyKey.KeyMaxLength } && key.All(c => c is >= ' ' and <= '~');

    static async Task<byte[]> HashBodyAsync(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering();
        var hash = await SHA256.HashDataAsync(request.Body, ct);
        request.Body.Position = 0;
        return hash;
    }

    static async Task ReplayAsync(HttpContext http, StoredAnswer answer)
    {
        http.Response.StatusCode = answer.Status;
        if (answer.ContentType is not null) http.Response.ContentType = answer.ContentType;
        if (answer.Location is not null) http.Response.Headers.Location = answer.Location;
        if (answer.ETag is not null) http.Response.Headers.ETag = answer.ETag;
        http.Response.Headers[ReplayedHeader] = "true";
        http.Response.ContentLength = answer.Body.Length;
        await http.Response.Body.WriteAsync(answer.Body, http.RequestAborted);
    }

    static async Task ProblemAsync(HttpContext http, int status, string title, string detail, bool errors = false)
    {
        http.Response.StatusCode = status;
        ProblemDetails problem = errors
            ? new ValidationProblemDetails(new Dictionary<string, string[]> { [Header] = [detail] }) { Title = title, Status = status }
            : new ProblemDetails { Title = title, Status = status, Detail = detail };
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new() { HttpContext = http, ProblemDetails = problem });
    }
}
