using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Domain.Security;
using TumorBoard.Web.Errors;
using Microsoft.Extensions.Localization;
using TumorBoard.Web.Texts;

namespace TumorBoard.Web.Pages.Meetings;

[Authorize(Roles = Roles.Coordinator)]
public sealed class PlanModel(ISender sender, IOptions<BoardOptions> board, IStringLocalizer<Ui> T) : PageModel, IFormPage
{
    [BindProperty] public MeetingForm Input { get; set; } = new();
    public IEnumerable<SelectListItem> Chairs { get; private set; } = [];
    public string ZoneName => board.Value.TimeZone;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = new() { Title = "Spine tumor board", Time = new TimeOnly(16, 0) };
        await LoadChairsAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await OnFormRejectedAsync(ct);
            return Page();
        }
        var command = Input.ToCommand<PlanMeeting.Command>(board.Value) with { WeeklyOccurrences = Input.WeeklyOccurrences };
        var ids = await sender.Send(command, ct);
        TempData["Flash"] = (ids.Count == 1 ? T["Meeting planned."] : T["{0} weekly meetings planned.", ids.Count]).Value;
        return RedirectToPage("Details", new { id = ids[0] });
    }

    public async Task OnFormRejectedAsync(CancellationToken ct)
    {
        MeetingForm.MoveMessages(ModelState);
        await LoadChairsAsync(ct);
    }

    async Task LoadChairsAsync(CancellationToken ct) =>
        Chairs = MeetingForm.Chairs(await sender.Send(new ListBoardMembers.Query { SpecialistsOnly = true }, ct));
}
