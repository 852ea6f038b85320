namespace TumorBoard.Application.Persistence;

/// <summary>
/// The follow-up work of one current signed decision, kept as data so the overdue list and "my follow-ups" are one indexed
/// query instead of counting open plan steps for every signed decision on every request. Written only by database
/// triggers, in the transaction of the write that changes it (see migration KeptFollowUpWorkAsData): signing a decision
/// adds its row, an amendment's signature or a later decision (the old version superseded) removes it, a recorded follow-up
/// recounts its open steps. The app role may only read it. A plan step is open while it has no follow-up or only
/// "unknown" as its latest record (<see cref="Domain.Decisions.BoardDecision.CurrentFollowUps"/>).
/// </summary>
public sealed class DecisionFollowUpState
{
    /// <summary>Stands in for "no follow-up date" in <see cref="DueOrder"/>, so undated decisions sort last.</summary>
    public static readonly DateOnly NoDueDate = DateOnly.MaxValue;

    public Guid DecisionId { get; init; }
    public Guid CaseId { get; init; }
    public Guid? ResponsibleClinicianId { get; init; }
    public DateOnly? FollowUpDate { get; init; }
    /// <summary>The follow-up date, or <see cref="NoDueDate"/>: a non-null sort key for the lists' cursors.</summary>
    public DateOnly DueOrder { get; init; }
    public DateTimeOffset SignedAt { get; init; }
    public int PlanSteps { get; init; }
    public int OpenSteps { get; init; }
}
