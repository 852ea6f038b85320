using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.Security;
using TumorBoard.Application.Common.Models;

namespace TumorBoard.Application.Features.Meetings;

/// <summary>
/// A specialist's worklist: the assessments their discipline still owes (none yet, or only a draft) for cases on
/// upcoming agendas, due at each meeting's submission cut-off, in meeting order.
/// </summary>
public static class GetSpecialistWorklist
{
    public const int Limit = 200;

    [RequiresRole(Roles.Specialist)]
    public sealed record Query : IQuery<Result>;

    public sealed record Result(Discipline? Discipline, IReadOnlyList<Due> Items, int Total, int OverdueCount);

    public sealed record Due(Guid MeetingId, string MeetingTitle, DateTimeOffset MeetingStartsAt, MeetingStatus MeetingStatus,
        Guid ItemId, int Position, Guid CaseId, string Mrn, string PatientName, Urgency Urgency, string ClinicalQuestion,
        DateTimeOffset DueAt, bool Overdue, bool DraftSaved);

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query q, CancellationToken ct)
        {
            // A specialist account always has a discipline; without one there is nothing this user owes.
            if (user.Discipline is not { } discipline) return new Result(null, [], 0, 0);

            var now = clock.UtcNow;
            var today = clock.StartOf(clock.Today);
            // A case still Scheduled on an upcoming agenda is owed by my discipline unless its assessment for my
            // discipline is Submitted or Locked (a NOT EXISTS in the same SQL); a Draft stays on the list as "draft saved".
            // The agenda item names its case: neither the counts nor the choice of the page need the case or its patient.
            var due =
                from i in db.AgendaItems.AsNoTracking()
                join m in db.Meetings.IgnoreAutoIncludes() on i.MeetingId equals m.Id
                where i.Status == AgendaItemStatus.Scheduled
                      && !db.Assessments.Any(a => a.CaseId == i.CaseId && a.Discipline == discipline && a.Status != AssessmentStatus.Draft)
                      && (m.Status == MeetingStatus.InProgress || (m.Status == MeetingStatus.Planned && m.StartsAt >= today))
                select new { i, m };

            // Both counts in one pass (one statement, not two over the same rows).
            var counts = await due.GroupBy(_ => 1)
                .Select(g => new { Total = g.Count(), Overdue = g.Count(x => x.m.SubmissionCutoff < now) })
                .FirstOrDefaultAsync(ct);
            // The page's 200 items first, then their cases and patients by primary key (not a join of every owed item).
            var page = due.OrderBy(x => x.m.StartsAt).ThenBy(x => x.m.Id).ThenBy(x => x.i.Position).Take(Limit);
            var items = await (
                from x in page
                join c in db.Cases on x.i.CaseId equals c.Id
                join p in db.Patients on c.PatientId equals p.Id
                orderby x.m.StartsAt, x.m.Id, x.i.Position
                select new Due(x.m.Id, x.m.Title, x.m.StartsAt, x.m.Status, x.i.Id, x.i.Position, c.Id, p.Mrn,
                    p.FamilyName + ", " + p.GivenName, c.Urgency, c.ClinicalQuestion, x.m.SubmissionCutoff,
                    x.m.SubmissionCutoff < now, db.Assessments.Any(a => a.CaseId == c.Id && a.Discipline == discipline)))
                .ToListAsync(ct);
            return new Result(discipline, items, counts?.Total ?? 0, counts?.Overdue ?? 0);
        }
    }
}
