using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.FollowUps;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.Mscc;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Meetings;

/// <summary>
/// The coordinator's worklist: the next open meetings and how full they are, ready cases not yet on an agenda
/// (urgent first, then longest waiting), and draft cases that have lain untouched longer than BoardOptions.DraftAgeDays.
/// </summary>
public static class GetCoordinatorDashboard
{
    public const int ListLimit = 100;
    /// <summary>How many overdue follow-ups the dashboard shows; the full list is ListOverdueFollowUps.</summary>
    public const int OverdueFollowUpsShown = 5;

    [RequiresRole(Roles.Coordinator)]
    public sealed record Query : IQuery<Result>
    {
        /// <summary>How many upcoming meetings to show (default 10).</summary>
        public int? Meetings { get; init; }
        public int MeetingCount => Meetings ?? 10;
    }

    public sealed record Result(IReadOnlyList<ListMeetings.Row> UpcomingMeetings, IReadOnlyList<WaitingCase> ReadyCases, int ReadyTotal,
        IReadOnlyList<WaitingCase> OldDrafts, int OldDraftTotal, int DraftAgeDays, ListMeetings.Row? NextMeetingForUrgent)
    {
        /// <summary>The first overdue follow-ups (most overdue first) and their total (issue #6, practice.md (d)10).</summary>
        public Paged<FollowUpRow> OverdueFollowUps { get; init; } = new([], 1, OverdueFollowUpsShown, 0);
    }

    /// <summary>
    /// A case waiting for the coordinator. WaitingSince is the case's last change (for a ready case: when it was
    /// marked ready, unless edited since); NextMeetingWithRoom is filled for ready cases that are urgent or P1 emergencies
    /// of the MSCC fast track (pathways.md §1.4: the earliest meeting with room, today's or tomorrow's first, cut-off or not).
    /// </summary>
    public sealed record WaitingCase(Guid CaseId, string Mrn, string PatientName, Urgency Urgency, CaseStatus Status,
        string ClinicalQuestion, DateTimeOffset CreatedAt, DateTimeOffset WaitingSince, int WaitingDays, ListMeetings.Row? NextMeetingWithRoom)
    {
        /// <summary>The MSCC triage in force (pathways.md §1.1).</summary>
        public TriageLevel Triage { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.MeetingCount).InclusiveBetween(1, 50).OverridePropertyName("meetings");
    }

    public sealed class Handler(TumorBoardDbContext db, BoardClock clock, IOptions<BoardOptions> options) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query q, CancellationToken ct)
        {
            var now = clock.UtcNow;
            var today = clock.StartOf(clock.Today);
            var meetings = await db.Meetings.AsNoTracking().IgnoreAutoIncludes()
                .Where(m => m.Status == MeetingStatus.InProgress || (m.Status == MeetingStatus.Planned && m.StartsAt >= today))
                .OrderBy(m => m.StartsAt).ThenBy(m => m.Id).Take(q.MeetingCount)
                .Select(m => new ListMeetings.Row(m.Id, m.Title, m.StartsAt, m.DurationMinutes, m.Location, m.Status, m.Capacity,
                    m.AgendaCount, m.SubmissionCutoff, db.Users.Where(u => u.Id == m.ChairId).Select(u => u.DisplayName).First()))
                .ToListAsync(ct);

            var ready = Cases(CaseStatus.ReadyForBoard);
            var readyRows = await ready.OrderByDescending(c => c.Urgency).ThenBy(c => c.WaitingSince).ThenBy(c => c.CaseId)
                .Take(ListLimit).ToListAsync(ct);
            // Counted only when the list is full: a short list is its own total (one statement, not two). Counted on the
            // cases alone (every case has its patient): an index-only range of the dashboard's index, not a join of all ready cases.
            var readyTotal = readyRows.Count < ListLimit ? readyRows.Count
                : await db.Cases.CountAsync(c => c.Status == CaseStatus.ReadyForBoard, ct);

            var draftBefore = now.AddDays(-options.Value.DraftAgeDays);
            var drafts = Cases(CaseStatus.Draft).Where(c => c.WaitingSince < draftBefore);
            var draftRows = await drafts.OrderBy(c => c.WaitingSince).ThenBy(c => c.CaseId).Take(ListLimit).ToListAsync(ct);
            var draftTotal = draftRows.Count < ListLimit ? draftRows.Count
                : await db.Cases.CountAsync(c => c.Status == CaseStatus.Draft && c.UpdatedAt < draftBefore, ct);

            // The next meeting with room is the same for every urgent case: one query, not one per case.
            var next = readyRows.Any(c => c.SkipsCutoff)
                ? await NextMeetingWithRoom.FindAsync(db, Urgency.Urgent, now, ct)
                : null;

            return new Result(meetings,
                readyRows.Select(c => c.ToCase(now, c.SkipsCutoff ? next : null)).ToList(), readyTotal,
                draftRows.Select(c => c.ToCase(now, null)).ToList(), draftTotal, options.Value.DraftAgeDays, next)
            {
                OverdueFollowUps = await FollowUpReads.OverdueAsync(db, clock.Today, new FirstOverdue(), ct),
            };
        }

        IQueryable<Row> Cases(CaseStatus status) =>
            from c in db.Cases.AsNoTracking()
            join p in db.Patients on c.PatientId equals p.Id
            where c.Status == status
            select new Row
            {
                CaseId = c.Id, Mrn = p.Mrn, PatientName = p.FamilyName + ", " + p.GivenName, Urgency = c.Urgency, Status = c.Status,
                ClinicalQuestion = c.ClinicalQuestion, CreatedAt = c.CreatedAt, WaitingSince = c.UpdatedAt,
                Triage = db.MsccTracks.Where(t => t.CaseId == c.Id).Select(t => (TriageLevel?)t.Triage).FirstOrDefault(),
            };
    }

    /// <summary>The dashboard's share of the overdue list: its first page.</summary>
    sealed record FirstOverdue : PagedQuery
    {
        public FirstOverdue() => PageSize = OverdueFollowUpsShown;
    }

    /// <summary>Member-initialised (not a positional record) so that EF can order by its properties.</summary>
    internal sealed class Row
    {
        public Guid CaseId { get; init; }
        public string Mrn { get; init; } = "";
        public string PatientName { get; init; } = "";
        public Urgency Urgency { get; init; }
        public CaseStatus Status { get; init; }
        public string ClinicalQuestion { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset WaitingSince { get; init; }
        public TriageLevel? Triage { get; init; }

        /// <summary>Urgent, or a P1 emergency: added after the cut-off without a reason (Meeting.AddCase).</summary>
        public bool SkipsCutoff => Urgency == Urgency.Urgent || Triage == TriageLevel.P1;

        public WaitingCase ToCase(DateTimeOffset now, ListMeetings.Row? next) => new(CaseId, Mrn, PatientName, Urgency, Status,
            ClinicalQuestion, CreatedAt, WaitingSince, Math.Max(0, (int)(now - WaitingSince).TotalDays), next)
        {
            Triage = Triage ?? TriageLevel.Routine,
        };
    }
}
