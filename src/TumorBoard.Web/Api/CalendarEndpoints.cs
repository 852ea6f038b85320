using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Application.Features.Meetings.Calendar;

namespace TumorBoard.Web.Api;

/// <summary>
/// iCalendar downloads. They need the bearer token like every API call: a calendar app cannot subscribe to
/// /calendar/me.ics by URL alone (no token-in-URL scheme exists yet).
/// </summary>
public static class CalendarEndpoints
{
    public static RouteGroupBuilder MapCalendarEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/meetings/{meetingId:guid}/calendar.ics", Meeting).WithName("GetMeetingCalendar").WithTags("Calendar")
            .Produces<string>(StatusCodes.Status200OK, MeetingCalendar.ContentType);
        api.MapGet("/calendar/me.ics", Mine).WithName("GetMyCalendarFeed").WithTags("Calendar")
            .Produces<string>(StatusCodes.Status200OK, MeetingCalendar.ContentType);
        return api;
    }

    static async Task<FileContentHttpResult> Meeting(Guid meetingId, ISender s, CancellationToken ct)
    {
        var file = await s.Send(new GetMeetingCalendar.Query(meetingId), ct);
        return TypedResults.File(file.Bytes, MeetingCalendar.ContentType, file.FileName);
    }

    static async Task<FileContentHttpResult> Mine(ISender s, CancellationToken ct) =>
        TypedResults.File((await s.Send(new GetMyCalendarFeed.Query(), ct)).Bytes, MeetingCalendar.ContentType);
}
