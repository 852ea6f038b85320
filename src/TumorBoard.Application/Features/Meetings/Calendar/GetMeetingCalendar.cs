using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Security;
using System.Globalization;

namespace TumorBoard.Application.Features.Meetings.Calendar;

/// <summary>One board meeting as an .ics file ("add to calendar"), its words in the request's language.</summary>
public static class GetMeetingCalendar
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Query(Guid MeetingId) : IQuery<MeetingCalendar.File>;

    public sealed class Handler(TumorBoardDbContext db, BoardClock clock, IOptions<BoardOptions> options)
        : IQueryHandler<Query, MeetingCalendar.File>
    {
        public async ValueTask<MeetingCalendar.File> Handle(Query q, CancellationToken ct)
        {
            var meeting = await MeetingCalendar.Project(db.Meetings.AsNoTracking().IgnoreAutoIncludes().Where(m => m.Id == q.MeetingId))
                .FirstOrDefaultAsync(ct) ?? throw NotFoundException.For("Meeting", q.MeetingId);
            var board = options.Value;
            var content = MeetingCalendar.Write([meeting], board.TimeZone, board.Zone, clock.UtcNow, meeting.Title,
                CalendarTexts.Culture(CultureInfo.CurrentUICulture.Name));
            return new MeetingCalendar.File($"board-meeting-{meeting.StartsAt.UtcDateTime:yyyy-MM-dd}.ics", content);
        }
    }
}
