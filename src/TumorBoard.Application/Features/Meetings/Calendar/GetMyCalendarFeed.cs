using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using System.Globalization;

namespace TumorBoard.Application.Features.Meetings.Calendar;

/// <summary>
/// The signed-in user's meetings as one calendar: meetings they chair or attend(ed), and for coordinators every
/// upcoming meeting; from 90 days ago onward. Cancelled meetings stay in, as STATUS:CANCELLED, so that calendar
/// apps remove them. The words are in the account's saved language (AppUser.PreferredCulture: a subscription fetched
/// without the culture cookie still reads in it), else in the request's.
/// </summary>
public static class GetMyCalendarFeed
{
    public const int DaysBack = 90;
    public const int Limit = 500;

    [RequiresSignIn]
    public sealed record Query : IQuery<MeetingCalendar.File>;

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock, IOptions<BoardOptions> options)
        : IQueryHandler<Query, MeetingCalendar.File>
    {
        public async ValueTask<MeetingCalendar.File> Handle(Query q, CancellationToken ct)
        {
            var me = user.RequiredId;
            var now = clock.UtcNow;
            var from = now.AddDays(-DaysBack);
            var coordinator = user.IsInRole(Domain.Security.Roles.Coordinator);
            var meetings = db.Meetings.AsNoTracking().IgnoreAutoIncludes()
                .Where(m => m.StartsAt >= from)
                .Where(m => m.ChairId == me
                            || db.MeetingAttendees.Any(a => a.MeetingId == m.Id && a.UserId == me)
                            || (coordinator && m.StartsAt >= now));
            var events = await MeetingCalendar.Project(meetings.OrderBy(m => m.StartsAt).ThenBy(m => m.Id).Take(Limit)).ToListAsync(ct);
            var board = options.Value;
            var saved = await db.Users.AsNoTracking().Where(u => u.Id == me).Select(u => u.PreferredCulture).FirstOrDefaultAsync(ct);
            var language = CalendarTexts.Culture(saved ?? CultureInfo.CurrentUICulture.Name);
            var content = MeetingCalendar.Write(events, board.TimeZone, board.Zone, now, CalendarTexts.Get("FeedName", language), language);
            return new MeetingCalendar.File("tumorboard.ics", content);
        }
    }
}
