using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.Mscc;
using TumorBoard.Domain.Security;
using TumorBoard.Application.Common.Models;

namespace TumorBoard.Application.Features.Meetings;

/// <summary>
/// The earliest planned meeting that still has room and still accepts the case: before its cut-off, or after it
/// when the case is urgent or a P1 emergency of the MSCC fast track (pathways.md §1.4: today's or tomorrow's meeting comes
/// first, whatever its cut-off); a routine case past the cut-off needs a stated reason, so it is offered the next one.
/// </summary>
public static class NextMeetingWithRoom
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Query(Urgency Urgency = Urgency.Urgent, TriageLevel? Triage = null) : IQuery<ListMeetings.Row?>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Urgency).IsInEnum();
            RuleFor(q => q.Triage).IsInEnum();
        }
    }

    public sealed class Handler(TumorBoardDbContext db, BoardClock clock) : IQueryHandler<Query, ListMeetings.Row?>
    {
        public async ValueTask<ListMeetings.Row?> Handle(Query q, CancellationToken ct) =>
            await FindAsync(db, q.Triage == TriageLevel.P1 ? Urgency.Urgent : q.Urgency, clock.UtcNow, ct);
    }

    /// <summary>The rule itself, shared with the coordinator's dashboard (one query for all urgent cases).</summary>
    public static Task<ListMeetings.Row?> FindAsync(TumorBoardDbContext db, Urgency urgency, DateTimeOffset now, CancellationToken ct) =>
        db.Meetings.AsNoTracking().IgnoreAutoIncludes()
            .Where(m => m.Status == MeetingStatus.Planned && m.StartsAt > now && m.AgendaCount < m.Capacity)
            .Where(m => urgency == Urgency.Urgent || m.SubmissionCutoff >= now)
            .OrderBy(m => m.StartsAt)
            .Select(m => new ListMeetings.Row(m.Id, m.Title, m.StartsAt, m.DurationMinutes, m.Location, m.Status, m.Capacity,
                m.AgendaCount, m.SubmissionCutoff, db.Users.Where(u => u.Id == m.ChairId).Select(u => u.DisplayName).First()))
            .FirstOrDefaultAsync(ct);
}
