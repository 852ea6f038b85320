using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Meetings;

/// <summary>Loading a meeting (for a change or for reading), and the record-level rule "a coordinator or this meeting's chair".</summary>
public static class MeetingAccess
{
    public static async Task<Meeting> LoadForChangeAsync(TumorBoardDbContext db, Guid meetingId, VersionMatch? expectedVersion, CancellationToken ct)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct) ?? throw NotFoundException.For("Meeting", meetingId);
        if (expectedVersion is { } v && !v.Matches(meeting.Version)) throw new StaleVersionException("meeting");
        return meeting;
    }

    /// <summary>The meeting with its agenda and attendees, untracked, for reading.</summary>
    public static async Task<Meeting> ReadAsync(TumorBoardDbContext db, Guid meetingId, CancellationToken ct) =>
        await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct) ?? throw NotFoundException.For("Meeting", meetingId);

    public static async Task<TumorBoardCase> CaseAsync(TumorBoardDbContext db, Guid caseId, CancellationToken ct) =>
        await db.Cases.FindAsync([caseId], ct) ?? throw NotFoundException.For("Case", caseId);

    public static async Task<Dictionary<Guid, TumorBoardCase>> CasesOnAgendaAsync(TumorBoardDbContext db, Meeting meeting, CancellationToken ct)
    {
        var ids = meeting.ActiveAgenda.Select(i => i.CaseId).ToList();
        return await db.Cases.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
    }

    public static void RequireCoordinatorOrChair(ICurrentUser user, Meeting meeting)
    {
        if (user.IsInRole(Roles.Coordinator)) return;
        if (user.IsInRole(Roles.Specialist) && user.Id == meeting.ChairId) return;
        throw new ForbiddenException(new RuleText("Meeting.OnlyCoordinatorOrChair"));
    }
}
