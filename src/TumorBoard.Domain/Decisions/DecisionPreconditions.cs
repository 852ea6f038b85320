using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.Security;

namespace TumorBoard.Domain.Decisions;

/// <summary>
/// When the board may record and sign a decision in a meeting (issue #6 "Preconditions"; practice.md (d)6, DH-5):
/// the meeting is in progress, the case is on its agenda and not yet decided there, quorum is present, and each of the
/// three disciplines has a submitted assessment or the chair's waiver. Every unmet condition is named in one 409.
/// </summary>
public static class DecisionPreconditions
{
    public static IReadOnlyList<string> Unmet(Meeting meeting, AgendaItem? item, IEnumerable<Discipline> submitted, IEnumerable<Discipline> waived)
    {
        List<string> unmet = [];
        if (meeting.Status != MeetingStatus.InProgress)
            unmet.Add($"the meeting is {DisplayWords.InSentence(meeting.Status)}, not in progress");
        if (item is null || item.MeetingId != meeting.Id || !item.IsActive)
            unmet.Add("the case is not on this meeting's agenda");
        else if (item.Status == AgendaItemStatus.Decided)
            unmet.Add("the case has already been decided in this meeting (amend the signed decision instead)");
        else if (item.Status == AgendaItemStatus.Deferred)
            unmet.Add("the case was deferred in this meeting");
        if (meeting.MissingForQuorum is { Count: > 0 } absent)
            unmet.Add("no quorum: nobody present for " + string.Join(", ", absent.Select(d => DisplayWords.InSentence(d))));
        var have = submitted.Concat(waived).ToHashSet();
        var missing = Quorum.Required.Where(d => !have.Contains(d)).ToList();
        if (missing.Count > 0)
            unmet.Add("no submitted assessment (and no waiver) for " + string.Join(", ", missing.Select(d => DisplayWords.InSentence(d))));
        return unmet;
    }

    public static void Require(Meeting meeting, AgendaItem? item, IEnumerable<Discipline> submitted, IEnumerable<Discipline> waived)
    {
        var unmet = Unmet(meeting, item, submitted, waived);
        if (unmet.Count > 0)
            throw new DomainConflictException(new RuleText("Decision.CannotDecide", string.Join("; ", unmet)));
    }

    /// <summary>
    /// Who may sign (and, as a specialist, write) an amendment of a signed decision: the chair of the meeting that made
    /// the decision being amended (an amendment keeps that meeting, <see cref="BoardDecision.StartAmendment"/>), or the
    /// chair of a meeting now in progress that has the case on its agenda (the board that has the case in front of it).
    /// Chairing some other meeting, past or future, gives no say over this case's decision.
    /// </summary>
    /// <param name="original">The meeting that made the decision being amended.</param>
    /// <param name="chairedByUser">Meetings the user chairs (any status; only running ones with the case count).</param>
    public static bool MayApproveAmendment(Meeting original, IEnumerable<Meeting> chairedByUser, Guid caseId, Guid userId) =>
        original.ChairId == userId
        || chairedByUser.Any(m => m.ChairId == userId && m.Status == MeetingStatus.InProgress && m.ActiveAgenda.Any(i => i.CaseId == caseId));

    /// <summary>Refuses (403) anyone <see cref="MayApproveAmendment"/> does not admit, saying who may.</summary>
    public static void RequireAmendmentApprover(Meeting original, IEnumerable<Meeting> chairedByUser, Guid caseId, Guid userId,
        string originalChairName, string what = "sign")
    {
        if (!MayApproveAmendment(original, chairedByUser, caseId, userId))
            throw new ForbiddenException(AmendmentApproversText(originalChairName, what));
    }

    /// <summary>"Only … may sign this amendment": the refusal, also shown where the sign form would be.</summary>
    public static string AmendmentApprovers(string originalChairName, string what = "sign") =>
        AmendmentApproversText(originalChairName, what).English;

    /// <summary>The same refusal as a <see cref="RuleText"/> ("sign" or "write"), for the reader's language.</summary>
    public static RuleText AmendmentApproversText(string originalChairName, string what = "sign") =>
        new("Decision.AmendmentApprovers." + what, originalChairName);

    /// <summary>Only the meeting's chair signs the decision made in it.</summary>
    public static void RequireChair(Meeting meeting, Guid signerId)
    {
        if (meeting.ChairId != signerId)
            throw new ForbiddenException(new RuleText("Decision.OnlyChairSigns"));
    }
}
