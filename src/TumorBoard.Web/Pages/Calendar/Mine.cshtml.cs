using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Application.Features.Meetings.Calendar;

namespace TumorBoard.Web.Pages.Calendar;

/// <summary>
/// The signed-in user's meetings as one .ics download (same as GET /api/v1/calendar/me.ics). A calendar app cannot
/// subscribe to it: it has no sign-in cookie.
/// </summary>
public sealed class MineModel(ISender sender) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var file = await sender.Send(new GetMyCalendarFeed.Query(), ct);
        return File(file.Bytes, MeetingCalendar.ContentType, file.FileName);
    }
}
