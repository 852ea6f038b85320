namespace TumorBoard.Domain.Cases;

/// <summary>
/// The groups of <see cref="CaseStatus"/> the rules and the pages ask about, kept here once (a page or view never lists
/// statuses itself).
/// </summary>
public static class CaseStatuses
{
    /// <summary>
    /// Decided, closed or withdrawn: the board's work on the case is over. Its details and assessments can no longer be
    /// written and it can no longer be withdrawn.
    /// </summary>
    public static readonly IReadOnlySet<CaseStatus> Closed = new HashSet<CaseStatus> { CaseStatus.Decided, CaseStatus.Closed, CaseStatus.Withdrawn };

    /// <summary>Closed or withdrawn: the case file is shut, so even its signed decision can no longer be amended.</summary>
    public static readonly IReadOnlySet<CaseStatus> Ended = new HashSet<CaseStatus> { CaseStatus.Closed, CaseStatus.Withdrawn };

    /// <summary>See <see cref="Closed"/>.</summary>
    public static bool IsClosed(CaseStatus status) => Closed.Contains(status);

    /// <summary>See <see cref="Ended"/>.</summary>
    public static bool IsEnded(CaseStatus status) => Ended.Contains(status);
}
