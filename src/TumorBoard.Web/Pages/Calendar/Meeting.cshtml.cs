using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Application.Features.Meetings.Calendar;

namespace TumorBoard.Web.Pages.Calendar;

/// <summary>"Add to calendar": the same .ics as GET /api/v1/meetings/{id}/calendar.ics, for a cookie session.</summary>
public sealed class MeetingModel(ISender sender) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var file = await sender.Send(new GetMeetingCalendar.Query(id), ct);
        return File(file.Bytes, MeetingCalendar.ContentType, file.FileName);
    }
}
