using System.Security.Cryptography;
using System.Text;

namespace TumorBoard.Application.Features.Analytics;

/// <summary>
/// Configuration section "Analytics". <see cref="PseudonymKey"/> keys the hash that stands for a case in a pseudonymised
/// export (HMAC-SHA256 of the case id): the same case has the same pseudonym in every export, and nobody without the key
/// can go back to the case. Keep it outside the database and the exports; changing it changes every pseudonym.
/// </summary>
public sealed class AnalyticsOptions
{
    public const string Section = "Analytics";
    public const int MinimumKeyLength = 32;

    public string PseudonymKey { get; set; } = "";

    /// <summary>The case's pseudonym: 32 hex digits of the keyed hash, never the MRN or the id.</summary>
    public string Pseudonym(Guid caseId)
    {
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(PseudonymKey), Encoding.ASCII.GetBytes(caseId.ToString("D")));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
