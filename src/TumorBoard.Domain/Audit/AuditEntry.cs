namespace TumorBoard.Domain.Audit;

/// <summary>
/// One append-only audit row: who did what to which record, when, with the changed values as JSON.
/// Written in the same transaction as the change itself; the database refuses UPDATE and DELETE on it.
/// Each row is sealed into a SHA-256 hash chain (<see cref="AuditHash"/>) before it is saved.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }
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
    /// <summary>Hash of the row before this one (null for the first row, and for rows written before the chain began).</summary>
    public string? PreviousHash { get; private set; }
    /// <summary>SHA-256 (lower-case hex) of <see cref="AuditHash.Canonical"/>; null only for rows written before the chain began.</summary>
    public string? Hash { get; private set; }

    /// <summary>Gives the row its id and links it after <paramref name="previousHash"/>.</summary>
    public void Seal(long id, string? previousHash)
    {
        if (Hash is not null) throw new InvalidOperationException("An audit row is sealed once.");
        Id = id;
        PreviousHash = previousHash;
        Hash = AuditHash.Compute(this);
    }
}
