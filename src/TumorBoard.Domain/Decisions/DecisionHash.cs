using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TumorBoard.Domain.Decisions;

/// <summary>
/// The canonical form of a decision version and its SHA-256 (DH-4, REG-10). The canonical form names the decision, the
/// case, the meeting and the version, so a signature cannot be moved to another record; it holds the normalised content,
/// the NOMS suggestion and waivers the board had, the amendment reason and (for the signed hash) every position.
/// Serialised with one fixed set of options (camelCase, enum names, no whitespace); properties in declaration order.
/// </summary>
public static class DecisionHash
{
    /// <summary>Hash of the content alone: what a member takes a position on.</summary>
    public static string Content(BoardDecision d) => Sha256(DecisionJson.Serialize(Canonical(d, positions: false)));

    /// <summary>Hash of content and positions: what the chair signs.</summary>
    public static string Signed(BoardDecision d) => Sha256(DecisionJson.Serialize(Canonical(d, positions: true)));

    /// <summary>
    /// An emergency plan has its own format name and, in the signed hash, its signatures; a board decision's canonical form
    /// is unchanged (the signatures are left out when null), so the hashes of decisions signed before stay intact.
    /// </summary>
    public static CanonicalDecision Canonical(BoardDecision d, bool positions) => new(
        d.IsEmergencyPlan ? "tumorboard.emergency-plan/1" : "tumorboard.decision/1", d.Id, d.CaseId, d.MeetingId, d.AgendaItemId, d.Number, d.AmendsId, d.AmendmentReason,
        d.Content, d.ResponsibleClinicianName, JsonDocument.Parse(d.NomsSuggestionJson).RootElement, d.Waivers,
        positions
            ? [.. d.Positions.OrderBy(p => p.MemberId).Select(p => new CanonicalPosition(p.MemberId, p.MemberName, p.Discipline, p.Kind, p.Text))]
            : null)
    {
        EmergencySignatures = positions && d.IsEmergencyPlan
            ? [.. d.EmergencySignatures.OrderBy(s => s.Discipline).Select(s => new CanonicalEmergencySignature(s.SignedById, s.SignerName, s.Discipline, s.ContentHash))]
            : null,
    };

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

public sealed record CanonicalDecision(string Format, Guid DecisionId, Guid CaseId, Guid? MeetingId, Guid? AgendaItemId, int Number,
    Guid? AmendsId, string? AmendmentReason, DecisionContent Content, string? ResponsibleClinicianName, JsonElement NomsSuggestion,
    IReadOnlyList<WaiverSnapshot> Waivers, IReadOnlyList<CanonicalPosition>? Positions)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<CanonicalEmergencySignature>? EmergencySignatures { get; init; }
}

public sealed record CanonicalEmergencySignature(Guid SignedById, string SignerName, Security.Discipline Discipline, string ContentHash);

public sealed record CanonicalPosition(Guid MemberId, string MemberName, Security.Discipline? Discipline, PositionKind Kind, string? Text);
