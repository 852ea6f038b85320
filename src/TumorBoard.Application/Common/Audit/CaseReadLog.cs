using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Audit;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Patients;

namespace TumorBoard.Application.Common.Audit;

/// <summary>
/// Records that someone opened a case's clinical content (DH-11, "reads of PHI are logged and reviewable"): one audit
/// row with Operation "Read", EntityType "TumorBoardCase", EntityId the case id, Action the running use case
/// (<see cref="AuditScope"/>), the reader from <see cref="ICurrentUser"/>, the server's UTC time and no changes ("{}").
/// The row goes through the same path as a write's rows: SaveChanges inserts it (one INSERT, no lock)
/// in the open transaction or on its own, and the sealer links it into the hash chain once committed, so <see cref="AuditVerifier"/> checks reads and writes alike.
/// <para>
/// Scoped: a case is recorded once per scope (one HTTP request), however many case queries the page or endpoint sends
/// for it; the row names the first of them. Fails closed: if the row cannot be written, the exception propagates and the read fails with it.
/// </para>
/// <para>
/// Messages marked <see cref="ICaseRead"/> are recorded by ReadLogBehavior; a use case that reveals a case's content in
/// another way calls <see cref="RecordAsync"/> itself, after its data has been read and before it is returned, and with
/// no unsaved changes pending (this method saves). List queries are not recorded (see <see cref="ICaseRead"/>).
/// </para>
/// </summary>
public sealed class CaseReadLog(TumorBoardDbContext db, ICurrentUser user, AuditScope scope, TimeProvider clock)
{
    public const string Operation = "Read";
    public const string EntityType = nameof(TumorBoardCase);
    public const string PatientEntityType = nameof(Patient);

    readonly HashSet<(string Type, Guid Id)> recorded = [];

    public Task RecordAsync(Guid caseId, CancellationToken ct) => RecordAsync(EntityType, caseId, ct);

    /// <summary>Someone opened a patient's record (<see cref="IPatientRead"/>): the same row, naming the patient.</summary>
    public Task RecordPatientAsync(Guid patientId, CancellationToken ct) => RecordAsync(PatientEntityType, patientId, ct);

    async Task RecordAsync(string entityType, Guid id, CancellationToken ct)
    {
        if (recorded.Contains((entityType, id))) return;
        // Saving here would also save someone else's half-done work outside its own use case.
        if (db.ChangeTracker.HasChanges())
            throw new InvalidOperationException(
                "CaseReadLog saves at once: record the read before changing tracked entities, or after saving them.");

        db.QueueAudit(new AuditEntry
        {
            OccurredAt = AuditHash.ToMicroseconds(clock.GetUtcNow()),
            ActorId = user.Id,
            ActorName = user.DisplayName,
            Action = scope.Action,
            EntityType = entityType,
            EntityId = id.ToString(),
            Operation = Operation,
            Changes = "{}",
        });
        var joinsTransaction = db.Database.CurrentTransaction is not null;
        await db.SaveChangesAsync(ct);
        // Inside someone else's transaction the row may still roll back: only a committed row counts as recorded.
        if (!joinsTransaction) recorded.Add((entityType, id));
    }
}
