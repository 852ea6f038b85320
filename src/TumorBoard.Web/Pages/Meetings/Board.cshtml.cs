using System.Security.Claims;
using TumorBoard.Domain.Security;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Web.Pages.Assessments;
using TumorBoard.Web.Forms;

namespace TumorBoard.Web.Pages.Meetings;

/// <summary>
/// The board view of one agenda item, used live in the meeting (GetBoardView): the case, the three latest submitted
/// assessments side by side with their scores, the NOMS suggestion, disagreements, missing inputs, previous/next case.
/// </summary>
public sealed class BoardModel(ISender sender, IOptions<BoardOptions> board) : PageModel
{
    public GetBoardView.Result View { get; private set; } = null!;
    public IReadOnlyList<AssessmentColumn> Columns { get; private set; } = [];
    public BoardOptions Board => board.Value;

    public async Task OnGetAsync(Guid meetingId, Guid itemId, CancellationToken ct)
    {
        View = await sender.Send(new GetBoardView.Query(meetingId, itemId), ct);
        Columns = View.Assessments.Select(c => AssessmentColumn.For(c.Discipline, c.Submitted)).ToList();
    }


    /// <summary>Comfort only (the use case is the guard): a coordinator or this meeting's chair records the decision.</summary>
    public bool CanDecide => User.IsInRole(Roles.Coordinator)
        || (User.IsInRole(Roles.Specialist) && User.FindFirstValue(ClaimTypes.NameIdentifier) == View.Meeting.ChairId.ToString());

    public string ItemPath(Guid itemId) => Url.Page("/Meetings/Board", new { meetingId = View.Meeting.Id, itemId })!;
}
