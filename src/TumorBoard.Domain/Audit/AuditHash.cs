using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TumorBoard.Domain.Audit;

/// <summary>
/// The canonical form of an audit row and its SHA-256. Every field is written as "length:value\n" (or "-\n" for
/// null), so no value can imitate a field boundary; the timestamp is UTC with exactly six fractional digits,
/// which is what PostgreSQL keeps. The link (the previous hash) is the row's <see cref="AuditSeal"/>'s, so rows chained
/// in the row itself before the sealer (ADR 0006) keep their hashes. Changing this format breaks every existing chain: add a new version instead.
/// </summary>
public static class AuditHash
{
    public const string Version = "tumorboard-audit-v1";

    public static string Canonical(AuditEntry row, string? previousHash)
    {
        var sb = new StringBuilder(Version).Append('\n');
        Field(sb, row.Id.ToString(CultureInfo.InvariantCulture));
        Field(sb, row.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        Field(sb, row.ActorId?.ToString("D"));
        Field(sb, row.ActorName);
        Field(sb, row.Action);
        Field(sb, row.EntityType);
        Field(sb, row.EntityId);
        Field(sb, row.Operation);
        Field(sb, row.Changes);
        Field(sb, previousHash);
        return sb.ToString();
    }

    /// <summary>The hash of <paramref name="row"/> linked after <paramref name="previousHash"/> (kept in its <see cref="AuditSeal"/>).</summary>
    public static string Compute(AuditEntry row, string? previousHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(row, previousHash))));

    /// <summary>PostgreSQL keeps microseconds: drop the rest before hashing, so the stored value hashes the same.</summary>
    public static DateTimeOffset ToMicroseconds(DateTimeOffset t) => t.AddTicks(-(t.Ticks % 10));

    static void Field(StringBuilder sb, string? value)
    {
        if (value is null) sb.Append("-\n");
        else sb.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');
    }
}
