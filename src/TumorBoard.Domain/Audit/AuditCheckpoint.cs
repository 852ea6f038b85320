using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TumorBoard.Domain.Audit;

/// <summary>
/// The head of the audit chain (row id and hash) at a moment, signed with HMAC-SHA256 under a key kept outside the
/// database. Written to an append-only file and to the log, it anchors the chain where a database superuser cannot
/// reach: a trail that later ends before the anchored row, or holds another hash there, was cut or rewritten.
/// The signed text is length-prefixed like <see cref="AuditHash.Canonical"/>; the time is UTC with six fractional
/// digits. Changing this format makes every existing checkpoint fail: add a new version instead.
/// </summary>
public sealed record AuditCheckpoint(long RowId, string Hash, DateTimeOffset At, string KeyId, string Mac)
{
    public const string Version = "tumorboard-audit-checkpoint-v1";
    /// <summary>Shorter keys are refused: HMAC-SHA256 wants at least 256 bits of secret.</summary>
    public const int MinimumKeyLength = 32;

    public static AuditCheckpoint Sign(long rowId, string hash, DateTimeOffset at, string key)
    {
        var micro = AuditHash.ToMicroseconds(at.ToUniversalTime());
        return new AuditCheckpoint(rowId, hash, micro, KeyIdOf(key), MacOf(rowId, hash, micro, key));
    }

    /// <summary>True when <see cref="Mac"/> is the HMAC of this row id, hash and time under <paramref name="key"/>.</summary>
    public bool IsSignedWith(string key) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac), Encoding.ASCII.GetBytes(MacOf(RowId, Hash, At, key)));

    public string AtText => FormatTime(At);

    public static string FormatTime(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static string Canonical(long rowId, string hash, DateTimeOffset at)
    {
        var sb = new StringBuilder(Version).Append('\n');
        Field(sb, rowId.ToString(CultureInfo.InvariantCulture));
        Field(sb, hash);
        Field(sb, FormatTime(at));
        return sb.ToString();
    }

    /// <summary>Names the key without revealing it, so a checkpoint signed under another key says so.</summary>
    public static string KeyIdOf(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("tumorboard-checkpoint-key-id\n" + key)))[..16];

    static string MacOf(long rowId, string hash, DateTimeOffset at, string key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(Canonical(rowId, hash, at))));

    static void Field(StringBuilder sb, string value) =>
        sb.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');
}
