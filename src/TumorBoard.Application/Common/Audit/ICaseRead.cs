namespace TumorBoard.Application.Common.Audit;

/// <summary>
/// Marks a query that opens one case's clinical content (the case itself, its assessments, their history). After its
/// handler has answered, <see cref="Behaviors.ReadLogBehavior{TMessage, TResponse}"/> records the read through
/// <see cref="CaseReadLog"/>: who opened which case, when (DH-11). A handler that fails (the case does not exist, the
/// reader may not see it) records nothing.
/// <para>
/// Put it on a message that shows one case's clinical content. Do not put it on list queries (ListCases, FindPatients,
/// worklists, the dashboard, meeting agendas): those show many cases at a glance, are not "opening" any of them, and
/// would bury the trail in rows. A use case that reveals a case without being such a message calls
/// <see cref="CaseReadLog.RecordAsync"/> itself.
/// </para>
/// </summary>
public interface ICaseRead
{
    Guid CaseId { get; }
}

/// <summary>
/// For a query that only learns which case it opened while answering (a board view by agenda item, a decision by id): its
/// RESULT names the case, and <see cref="Behaviors.ReadLogBehavior{TMessage, TResponse}"/> records the read from it.
/// </summary>
public interface ICaseReadResult
{
    Guid ReadCaseId { get; }
}

/// <summary>
/// Marks a query that opens one patient's record (demographics and the list of their cases): the PHI of a patient rather
/// than of a case. <see cref="Behaviors.ReadLogBehavior{TMessage, TResponse}"/> records it like a case read, with
/// EntityType "Patient" (DH-11).
/// </summary>
public interface IPatientRead
{
    Guid PatientId { get; }
}
