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
using TumorBoard.Domain.Common;
using System.Text.Json;
using TumorBoard.Domain.Assessments;

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

    /// <summary>The cookie that remembers the projector's choice of view (per browser; "one" or "full").</summary>
    public const string ScreenCookie = "tb-board-screen";

    /// <summary>"?screen=one" or "?screen=full" switches the view and remembers it; without it the remembered view shows.</summary>
    [FromQuery(Name = "screen")] public string? Screen { get; set; }

    /// <summary>The one-screen mode for the projector: everything the board discusses within 1920×1080, in large type.</summary>
    public bool OneScreen { get; private set; }

    public async Task OnGetAsync(Guid meetingId, Guid itemId, CancellationToken ct)
    {
        View = await sender.Send(new GetBoardView.Query(meetingId, itemId), ct);
        Columns = View.Assessments.Select(c => AssessmentColumn.For(c.Discipline, c.Submitted)).ToList();
        if (Screen is "one" or "full")
        {
            OneScreen = Screen == "one";
            Response.Cookies.Append(ScreenCookie, Screen, new CookieOptions
            {
                Path = "/Meetings", HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365),
            });
        }
        else OneScreen = Request.Cookies[ScreenCookie] == "one";
    }

    public string ScreenPath(bool one) => Url.Page("/Meetings/Board", new { meetingId = View.Meeting.Id, itemId = View.Item.Id, screen = one ? "one" : "full" })!;

    /// <summary>The scores neurosurgery's submitted version was saved with (SINS with its points and ESCC per lesion).</summary>
    public NeurosurgeryScores? LesionScores => Saved<NeurosurgeryScores>(Discipline.Neurosurgery);

    /// <summary>The revised Tokuhashi and Tomita scores medical oncology's submitted version was saved with.</summary>
    public MedicalOncologyScores? PrognosisScores => Saved<MedicalOncologyScores>(Discipline.MedicalOncology);

    /// <summary>
    /// A column is highlighted when a disagreement or a conflict names its discipline (the domain's sentences name the
    /// disciplines in their words).
    /// </summary>
    /// <summary>
    /// What the projector marks on a discipline's card: "disagreement" when a disagreement between the assessments names
    /// the discipline, else "conflict" when a conflict does (a target outside the lesions, NOMS against the
    /// recommendation), else null.
    /// </summary>
    public string? Dispute(AssessmentColumn column)
    {
        var words = DisplayWords.LocalInSentence(column.Discipline);
        bool Names(string line) => line.Contains(words, StringComparison.OrdinalIgnoreCase);
        return View.Disagreements.Any(Names) ? "disagreement" : View.Conflicts.Select(c => c.Words).Any(Names) ? "conflict" : null;
    }

    T? Saved<T>(Discipline discipline) where T : class =>
        View.Assessments.FirstOrDefault(c => c.Discipline == discipline)?.Submitted is { } s
            && s.Computed.TryGetProperty("scores", out var scores) && scores.ValueKind == JsonValueKind.Object
            ? scores.Deserialize<T>(AssessmentJson.Options) : null;

    /// <summary>Comfort only (the use case is the guard): a coordinator or this meeting's chair records the decision.</summary>
    public bool CanDecide => User.IsInRole(Roles.Coordinator)
        || (User.IsInRole(Roles.Specialist) && User.FindFirstValue(ClaimTypes.NameIdentifier) == View.Meeting.ChairId.ToString());

    public string ItemPath(Guid itemId) => Url.Page("/Meetings/Board", new { meetingId = View.Meeting.Id, itemId })!;
}
