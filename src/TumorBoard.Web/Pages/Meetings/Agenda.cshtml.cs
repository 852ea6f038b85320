using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Meetings;

namespace TumorBoard.Web.Pages.Meetings;

/// <summary>The printable agenda: MRN, initials, levels, urgency and question per case; no full names.</summary>
public sealed class AgendaModel(ISender sender, IOptions<BoardOptions> board) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    public GetMeeting.Result Meeting { get; private set; } = null!;
    public BoardOptions Board => board.Value;

    public async Task OnGetAsync(CancellationToken ct) => Meeting = await sender.Send(new GetMeeting.Query(Id), ct);
}
