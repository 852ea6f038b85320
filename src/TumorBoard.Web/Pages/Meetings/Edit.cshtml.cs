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
public sealed class EditModel(ISender sender, IOptions<BoardOptions> board, IStringLocalizer<Ui> T) : PageModel, IFormPage
{
    [BindProperty] public MeetingForm Input { get; set; } = new();
    [FromRoute] public Guid Id { get; set; }
    public GetMeeting.Result Meeting { get; private set; } = null!;
    public IEnumerable<SelectListItem> Chairs { get; private set; } = [];
    public string ZoneName => board.Value.TimeZone;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = MeetingForm.From(Meeting, board.Value);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await OnFormRejectedAsync(ct);
            return Page();
        }
        var command = Input.ToCommand<UpdateMeeting.Command>(board.Value) with { MeetingId = Id, ExpectedVersion = Input.ExpectedVersion };
        await sender.Send(command, ct);
        TempData["Flash"] = T["Meeting saved."].Value;
        return RedirectToPage("Details", new { id = Id });
    }

    public async Task OnFormRejectedAsync(CancellationToken ct)
    {
        MeetingForm.MoveMessages(ModelState);
        await LoadAsync(ct);
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Meeting = await sender.Send(new GetMeeting.Query(Id), ct);
        Chairs = MeetingForm.Chairs(await sender.Send(new ListBoardMembers.Query { SpecialistsOnly = true }, ct));
    }
}
