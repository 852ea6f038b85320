namespace TumorBoard.Domain.Audit;

/// <summary>
/// One link of the audit hash chain (ADR 0006): the committed audit row <see cref="EntryId"/> placed at chain
/// <see cref="Position"/> (1, 2, 3 … without gaps), linked after <see cref="PreviousHash"/> (the hash at the position
/// before; null at position 1) and hashed over the row's content and that link (<see cref="AuditHash"/>). Written only
/// by the sealer, in chain order, into an insert-only table; the audit row itself is never touched again.
/// </summary>
public sealed class AuditSeal
{
    public long Position { get; init; }
    public long EntryId { get; init; }
    public string? PreviousHash { get; init; }
    public string Hash { get; init; } = "";
    public DateTimeOffset SealedAt { get; init; }

    /// <summary>The seal of <paramref name="entry"/> at <paramref name="position"/>, after the seal <paramref name="previous"/> (null: the first).</summary>
    public static AuditSeal Link(AuditEntry entry, long position, AuditSeal? previous, DateTimeOffset at)
    {
        if (previous is null ? position != 1 : position != previous.Position + 1)
            throw new InvalidOperationException($"Position {position} does not follow {previous?.Position ?? 0}: the chain has no gaps.");
        return new AuditSeal
        {
            Position = position, EntryId = entry.Id, PreviousHash = previous?.Hash,
            Hash = AuditHash.Compute(entry, previous?.Hash), SealedAt = at,
        };
    }

    /// <summary>True when <paramref name="entry"/> (the row this seal names) still hashes to <see cref="Hash"/> under this seal's link.</summary>
    public bool Matches(AuditEntry entry) => entry.Id == EntryId && AuditHash.Compute(entry, PreviousHash) == Hash;
}
