namespace TumorBoard.Application.Persistence;

/// <summary>
/// One Idempotency-Key a user sent with a request that creates or changes records, and the answer it got: a retry with
/// the same key and the same request is answered from here instead of being run again (see IdempotencyStore). Not a
/// clinical record and not audited: a copy of an answer already audited as the write it reports, kept for the retention
/// period (24 h or more) and then purged. The body holds what the answer held (patient data included).
/// </summary>
public sealed class IdempotencyKey
{
    public const int KeyMaxLength = 255;

    public Guid UserId { get; init; }
    public string Key { get; init; } = "";
    public string Method { get; init; } = "";
    public string Path { get; init; } = "";
    /// <summary>SHA-256 of the request body: the same key with another body is refused (422), never replayed.</summary>
    public byte[] RequestHash { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>Null while the first request is running (or was interrupted with its outcome unknown).</summary>
    public DateTimeOffset? CompletedAt { get; init; }
    public int? ResponseStatus { get; init; }
    public string? ResponseContentType { get; init; }
    public string? ResponseLocation { get; init; }
    public string? ResponseETag { get; init; }
    public byte[]? ResponseBody { get; init; }
}
