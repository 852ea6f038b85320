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
            var due =
                from i in db.AgendaItems.AsNoTracking()
                join m in db.Meetings.IgnoreAutoIncludes() on i.MeetingId equals m.Id
                join c in db.Cases on i.CaseId equals c.Id
                join p in db.Patients on c.PatientId equals p.Id
                where i.Status == AgendaItemStatus.Scheduled
                      && !db.Assessments.Any(a => a.CaseId == c.Id && a.Discipline == discipline && a.Status != AssessmentStatus.Draft)
                      && (m.Status == MeetingStatus.InProgress || (m.Status == MeetingStatus.Planned && m.StartsAt >= today))
                select new { i, m, c, p };

            var total = await due.CountAsync(ct);
            var overdue = await due.CountAsync(x => x.m.SubmissionCutoff < now, ct);
            var items = await due.OrderBy(x => x.m.StartsAt).ThenBy(x => x.m.Id).ThenBy(x => x.i.Position).Take(Limit)
                .Select(x => new Due(x.m.Id, x.m.Title, x.m.StartsAt, x.m.Status, x.i.Id, x.i.Position, x.c.Id, x.p.Mrn,
                    x.p.FamilyName + ", " + x.p.GivenName, x.c.Urgency, x.c.ClinicalQuestion, x.m.SubmissionCutoff,
                    x.m.SubmissionCutoff < now, db.Assessments.Any(a => a.CaseId == x.c.Id && a.Discipline == discipline)))
                .ToListAsync(ct);
            return new Result(discipline, items, total, overdue);
        }
    }
}
