using TumorBoard.Domain.Security;

namespace TumorBoard.Domain.Decisions;

/// <summary>
/// One signature of an emergency plan outside a meeting (issue #14 part 1: "agreed by at least a neurosurgeon and a radiation
/// oncologist (named, both signing with password re-entry)"). Append-only; the database holds one per discipline and one
/// per person for each decision version, so two people signing at once cannot both sign for the same discipline.
/// </summary>
public sealed class EmergencySignature
{
    public const string Meaning = "agreed as emergency plan outside a meeting";

    /// <summary>The disciplines whose signatures make an emergency plan signed.</summary>
    public static readonly IReadOnlyList<Discipline> Disciplines = [Discipline.Neurosurgery, Discipline.RadiationOncology];

    private EmergencySignature() { }

    internal EmergencySignature(Guid decisionId, BoardMember signer, Discipline discipline, string contentHash, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(); DecisionId = decisionId; SignedById = signer.Id; SignerName = signer.Name;
        Discipline = discipline; ContentHash = contentHash; SignedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid DecisionId { get; private set; }
    public Guid SignedById { get; private set; }
    public string SignerName { get; private set; } = "";
    public Discipline Discipline { get; private set; }
    /// <summary>The content hash of the version signed.</summary>
    public string ContentHash { get; private set; } = "";
    public DateTimeOffset SignedAt { get; private set; }
}
