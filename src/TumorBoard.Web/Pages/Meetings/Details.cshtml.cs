using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Application.Features.Meetings.Agenda;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.Security;
using TumorBoard.Web.Errors;
using TumorBoard.Web.Forms;
using Microsoft.Extensions.Localization;
using TumorBoard.Web.Texts;

namespace TumorBoard.Web.Pages.Meetings;

/// <summary>
/// The meeting, its agenda, attendance and the conduct buttons. Each form posts one command with the meeting's
/// version; the buttons shown by role are comfort only, the use cases decide.
/// </summary>
public sealed class DetailsModel(ISender sender, IOptions<BoardOptions> board, TimeProvider time, IStringLocalizer<Ui> T) : PageModel, IFormPage
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public uint Version { get; set; }

    public GetMeeting.Result Meeting { get; private set; } = null!;
    public IReadOnlyList<ListCases.Row> ReadyCases { get; private set; } = [];
    public IReadOnlyList<ListBoardMembers.Member> Members { get; private set; } = [];
    /// <summary>The decision versions made in this meeting (the agenda links to them).</summary>
    public IReadOnlyList<ListMeetingDecisions.Row> Decisions { get; private set; } = [];
    public BoardOptions Board => board.Value;
    public bool IsCoordinator => User.IsInRole(Roles.Coordinator);
    public bool IsChair => User.IsInRole(Roles.Specialist) && User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value == Meeting.ChairId.ToString();
    public bool CanConduct => IsCoordinator || IsChair;
    /// <summary>Starting now would be more than a day early (the start button asks first; the start answers with a warning).</summary>
    public bool StartsEarly => EarlyStart.IsEarly(Meeting.StartsAt, time.GetUtcNow());
    public bool CanArrange => IsCoordinator && Meeting.Status == MeetingStatus.Planned;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostAddAsync(Guid caseId, string? lateAdditionReason, CancellationToken ct) =>
        SendAsync(new AddCaseToAgenda.Command
        {
            MeetingId = Id, CaseId = caseId, LateAdditionReason = string.IsNullOrWhiteSpace(lateAdditionReason) ? null : lateAdditionReason,
            ExpectedVersion = Version,
        }, T["The case is on the agenda."], ct);

    public Task<IActionResult> OnPostMoveAsync(Guid itemId, int offset, CancellationToken ct) =>
        SendAsync(new ReorderAgenda.Command { MeetingId = Id, ItemId = itemId, Offset = offset, ExpectedVersion = Version }, T["Agenda order changed."], ct);

    public Task<IActionResult> OnPostMinutesAsync(Guid itemId, int? minutes, CancellationToken ct) =>
        SendAsync(new SetAgendaMinutes.Command { MeetingId = Id, ItemId = itemId, Minutes = minutes, ExpectedVersion = Version }, T["Minutes saved."], ct);

    public Task<IActionResult> OnPostRemoveAsync(Guid itemId, string? reason, CancellationToken ct) =>
        SendAsync(new RemoveCaseFromAgenda.Command { MeetingId = Id, ItemId = itemId, Reason = reason ?? "", ExpectedVersion = Version },
            T["The case was taken off the agenda."], ct);

    /// <summary>A form cannot send an empty list: no box ticked (nothing posted) means nobody present.</summary>
    public Task<IActionResult> OnPostAttendanceAsync(List<Guid>? presentUserIds, CancellationToken ct) =>
        SendAsync(new RecordAttendance.Command { MeetingId = Id, PresentUserIds = presentUserIds ?? [], ExpectedVersion = Version }, T["Attendance recorded."], ct);

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        var started = await sender.Send(new StartMeeting.Command { MeetingId = Id, ExpectedVersion = Version }, ct);
        TempData["Flash"] = string.Join(" ", [T["The meeting has started."].Value, .. started.Warnings ?? []]);
        return RedirectToPage(new { id = Id });
    }

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) =>
        SendAsync(new CloseMeeting.Command { MeetingId = Id, ExpectedVersion = Version }, T["The meeting is closed."], ct);

    public Task<IActionResult> OnPostCancelAsync(string? reason, CancellationToken ct) =>
        SendAsync(new CancelMeeting.Command { MeetingId = Id, Reason = reason, ExpectedVersion = Version }, T["The meeting was cancelled."], ct);

    public Task<IActionResult> OnPostDiscussedAsync(Guid? itemId, CancellationToken ct) =>
        SendAsync(new MarkCaseDiscussed.Command { MeetingId = Id, ItemId = itemId, ExpectedVersion = Version }, T["The case is marked discussed."], ct);

    public Task<IActionResult> OnPostDeferAsync(Guid? itemId, string? reason, CancellationToken ct) =>
        SendAsync(new DeferCase.Command { MeetingId = Id, ItemId = itemId, Reason = reason, ExpectedVersion = Version }, T["The case was deferred."], ct);

    async Task<IActionResult> SendAsync<T>(ICommand<T> command, string done, CancellationToken ct)
    {
        await sender.Send(command, ct);   // failures come back through the page filter as messages at the top
        TempData["Flash"] = done;
        return RedirectToPage(new { id = Id });
    }

    public Task OnFormRejectedAsync(CancellationToken ct) => LoadAsync(ct);

    async Task LoadAsync(CancellationToken ct)
    {
        Meeting = await sender.Send(new GetMeeting.Query(Id), ct);
        Decisions = await sender.Send(new ListMeetingDecisions.Query(Id), ct);
        if (CanArrange)
            ReadyCases = (await sender.Send(new ListCases.Query { Status = CaseStatus.ReadyForBoard, PageSize = Paging.MaxPageSize }, ct)).Items;
        if (CanConduct && Meeting.Status is MeetingStatus.Planned or MeetingStatus.InProgress)
            Members = await sender.Send(new ListBoardMembers.Query(), ct);
    }

}
