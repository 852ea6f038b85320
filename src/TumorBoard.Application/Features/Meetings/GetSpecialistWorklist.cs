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

    /// <summary>
    /// <see cref="Total"/> and <see cref="OverdueCount"/> are counted up to <see cref="Paging.CountCap"/> like the lists'
    /// totals; beyond it the flag is true and the number is a lower bound ("1,000+").
    /// </summary>
    public sealed record Result(Discipline? Discipline, IReadOnlyList<Due> Items, int Total, int OverdueCount)
    {
        public bool TotalIsCapped { get; init; }
        public bool OverdueIsCapped { get; init; }
    }

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
            // The meetings in progress and those planned from today are two ranges of ix_meetings_status_starts_at_id,
            // joined as UNION ALL rather than an OR of the two states (which the planner can only answer by a BitmapOr).
            var due = Owed(db.Meetings.Where(m => m.Status == MeetingStatus.InProgress), discipline)
                .Concat(Owed(db.Meetings.Where(m => m.Status == MeetingStatus.Planned && m.StartsAt >= today), discipline));
            static IOrderedQueryable<Owing> InOrder(IQueryable<Owing> q) =>
                q.OrderBy(x => x.StartsAt).ThenBy(x => x.MeetingId).ThenBy(x => x.Position);

            // The page's 200 items first, then their cases and patients by primary key (not a join of every owed item).
            var items = await (
                from x in InOrder(due).Take(Limit)
                join c in db.Cases on x.CaseId equals c.Id
                join p in db.Patients on c.PatientId equals p.Id
                orderby x.StartsAt, x.MeetingId, x.Position
                select new Due(x.MeetingId, x.Title, x.StartsAt, x.Status, x.ItemId, x.Position, c.Id, p.Mrn,
                    p.FamilyName + ", " + p.GivenName, c.Urgency, c.ClinicalQuestion, x.SubmissionCutoff,
                    x.SubmissionCutoff < now, db.Assessments.Any(a => a.CaseId == c.Id && a.Discipline == discipline)))
                .ToListAsync(ct);
            // A page that is not full holds every owed item: the counts are its own (no second statement). Otherwise each
            // is counted up to the lists' cap (Paging.CountCap, then "1,000+"), unordered, so that the walk stops there.
            if (items.Count < Limit) return new Result(discipline, items, items.Count, items.Count(d => d.Overdue));
            var total = await due.Take(Paging.CountCap + 1).CountAsync(ct);
            var overdue = await due.Where(x => x.SubmissionCutoff < now).Take(Paging.CountCap + 1).CountAsync(ct);
            return new Result(discipline, items, Math.Min(total, Paging.CountCap), Math.Min(overdue, Paging.CountCap))
            {
                TotalIsCapped = total > Paging.CountCap, OverdueIsCapped = overdue > Paging.CountCap,
            };
        }

        IQueryable<Owing> Owed(IQueryable<Meeting> meetings, Discipline discipline) =>
            from m in meetings.IgnoreAutoIncludes()
            join i in db.AgendaItems on m.Id equals i.MeetingId
            where i.Status == AgendaItemStatus.Scheduled
                  && !db.Assessments.Any(a => a.CaseId == i.CaseId && a.Discipline == discipline && a.Status != AssessmentStatus.Draft)
            select new Owing
            {
                MeetingId = m.Id, Title = m.Title, StartsAt = m.StartsAt, Status = m.Status, SubmissionCutoff = m.SubmissionCutoff,
                ItemId = i.Id, Position = i.Position, CaseId = i.CaseId,
            };
    }

    /// <summary>One owed agenda item with its meeting's columns (member-initialised so that EF can order and union it).</summary>
    sealed class Owing
    {
        public Guid MeetingId { get; init; }
        public string Title { get; init; } = "";
        public DateTimeOffset StartsAt { get; init; }
        public MeetingStatus Status { get; init; }
        public DateTimeOffset SubmissionCutoff { get; init; }
        public Guid ItemId { get; init; }
        public int Position { get; init; }
        public Guid CaseId { get; init; }
    }
}
