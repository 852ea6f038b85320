using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Decisions;

/// <summary>
/// What the signed-in user may do with one decision version, by the same rules the commands apply (see
/// <see cref="DecisionAccess"/>): for showing only the forms that apply. The commands remain the guard.
/// </summary>
public static class GetDecisionActions
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Query(Guid DecisionId) : IQuery<Actions>;

    /// <param name="CanRevise">Change the draft (a coordinator, the meeting's chair; for an amendment the chair of its meeting or of a running meeting with the case).</param>
    /// <param name="CanTakePosition">Agree, disagree or abstain on the draft (members recorded as present).</param>
    /// <param name="CanSign">Sign the draft (an emergency plan: a neurosurgeon or radiation oncologist whose discipline has not signed yet; the meeting's chair; for an amendment the chair of its meeting or of a running meeting with the case).</param>
    /// <param name="CanAmend">Start an amendment of this current signed decision (a coordinator or a chair who may sign it).</param>
    public sealed record Actions(bool CanRevise, bool CanTakePosition, bool CanSign, bool CanAmend);

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user) : IQueryHandler<Query, Actions>
    {
        public async ValueTask<Actions> Handle(Query query, CancellationToken ct)
        {
            var me = user.RequiredId;
            var d = await db.Decisions.AsNoTracking().IgnoreAutoIncludes().Where(x => x.Id == query.DecisionId)
                .Select(x => new { x.MeetingId, x.CaseId, x.Status, Amendment = x.AmendsId != null, x.Kind,
                    Signed = x.EmergencySignatures.Select(s => new { s.SignedById, s.Discipline }).ToList() })
                .FirstOrDefaultAsync(ct) ?? throw NotFoundException.For("Decision", query.DecisionId);
            var caseOpen = !CaseStatuses.IsEnded(await db.Cases.Where(c => c.Id == d.CaseId).Select(c => c.Status).FirstAsync(ct));
            if (d.Kind == DecisionKind.EmergencyPlan)
            {
                var discipline = user.IsInRole(Roles.Specialist)
                    ? await db.Users.Where(u => u.Id == me).Select(u => u.Discipline).FirstOrDefaultAsync(ct) : null;
                var author = discipline is { } mine && EmergencySignature.Disciplines.Contains(mine);
                var open = d.Status == DecisionStatus.Draft;
                return new Actions(
                    CanRevise: open && author && d.Signed.Count == 0,
                    CanTakePosition: false,
                    CanSign: open && author && d.Signed.All(s => s.SignedById != me && s.Discipline != discipline),
                    CanAmend: d.Status == DecisionStatus.Signed && caseOpen && author);
            }
            var meeting = await db.Meetings.AsNoTracking().FirstAsync(m => m.Id == d.MeetingId, ct);
            var coordinator = user.IsInRole(Roles.Coordinator);
            var specialist = user.IsInRole(Roles.Specialist);
            var chair = specialist && meeting.ChairId == me;
            // For an amendment (or starting one): the chair of this decision's meeting or of a running meeting with the case.
            var amendmentChair = specialist && await DecisionAccess.MayApproveAmendmentAsync(db, me, meeting, d.CaseId, ct);
            var draft = d.Status == DecisionStatus.Draft;
            return new Actions(
                CanRevise: draft && (coordinator || (d.Amendment ? amendmentChair : chair)),
                CanTakePosition: draft && (specialist || user.IsInRole(Roles.Clinician)) && meeting.Attendees.Any(a => a.UserId == me),
                CanSign: draft && (d.Amendment ? amendmentChair : chair),
                CanAmend: d.Status == DecisionStatus.Signed && caseOpen && (coordinator || amendmentChair));
        }
    }
}
