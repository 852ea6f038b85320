namespace TumorBoard.Domain.Audit;

/// <summary>
/// One append-only audit row: who did what to which record, when, with the changed values as JSON.
/// Written in the same transaction as the change itself; the database refuses UPDATE and DELETE on it.
/// After it commits, the sealer links it into the SHA-256 hash chain by writing its <see cref="AuditSeal"/>
/// (ADR 0006): the row itself is never changed again.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>From the identity sequence at insert. Not the chain order: ids commit out of order (see <see cref="AuditSeal"/>).</summary>
    public long Id { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public Guid? ActorId { get; init; }
    public string? ActorName { get; init; }
    public string Action { get; init; } = "";
    public string EntityType { get; init; } = "";
    public string EntityId { get; init; } = "";
    /// <summary>"Added", "Modified", "Deleted" or "Read".</summary>
    public string Operation { get; init; } = "";
    /// <summary>JSON object: property -> { "old": ..., "new": ... } (new only for additions). Stored as text, byte for byte.</summary>
    public string Changes { get; init; } = "{}";
}
