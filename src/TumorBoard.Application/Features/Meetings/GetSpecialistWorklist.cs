using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Meetings;

/// <summary>
/// A specialist's worklist: the assessments their discipline owes for cases on upcoming agendas, due at each
/// meeting's submission cut-off, in meeting order.
/// </summary>
public static class GetSpecialistWorklist
{
    public const int Limit = 200;

    [RequiresRole(Roles.Specialist)]
    public sealed record Query : IQuery<Result>;

    public sealed record Result(Discipline? Discipline, IReadOnlyList<Due> Items, int Total, int OverdueCount);

    public sealed record Due(Guid MeetingId, string MeetingTitle, DateTimeOffset MeetingStartsAt, MeetingStatus MeetingStatus,
        Guid ItemId, int Position, Guid CaseId, string Mrn, string PatientName, Urgency Urgency, string ClinicalQuestion,
        DateTimeOffset DueAt, bool Overdue);

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query q, CancellationToken ct)
        {
            // A specialist account always has a discipline; without one there is nothing this user owes.
            if (user.Discipline is not { } discipline) return new Result(null, [], 0, 0);

            var now = clock.GetUtcNow();
            var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
            // Until the assessments feature exists, every case still Scheduled on an upcoming agenda counts as
            // "awaiting my discipline's assessment". The assessments issue will filter out the ones this
            // discipline has submitted (a NOT EXISTS on assessments by case and discipline).
            var due =
                from i in db.AgendaItems.AsNoTracking()
                join m in db.Meetings.IgnoreAutoIncludes() on i.MeetingId equals m.Id
                join c in db.Cases on i.CaseId equals c.Id
                join p in db.Patients on c.PatientId equals p.Id
                where i.Status == AgendaItemStatus.Scheduled
                      && (m.Status == MeetingStatus.InProgress || (m.Status == MeetingStatus.Planned && m.StartsAt >= today))
                select new { i, m, c, p };

            var total = await due.CountAsync(ct);
            var overdue = await due.CountAsync(x => x.m.SubmissionCutoff < now, ct);
            var items = await due.OrderBy(x => x.m.StartsAt).ThenBy(x => x.m.Id).ThenBy(x => x.i.Position).Take(Limit)
                .Select(x => new Due(x.m.Id, x.m.Title, x.m.StartsAt, x.m.Status, x.i.Id, x.i.Position, x.c.Id, x.p.Mrn,
                    x.p.FamilyName + ", " + x.p.GivenName, x.c.Urgency, x.c.ClinicalQuestion, x.m.SubmissionCutoff,
                    x.m.SubmissionCutoff < now))
                .ToListAsync(ct);
            return new Result(discipline, items, total, overdue);
        }
    }
}
