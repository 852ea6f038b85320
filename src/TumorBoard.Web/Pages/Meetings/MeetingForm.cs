using TumorBoard.Domain.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Web.Forms;

namespace TumorBoard.Web.Pages.Meetings;

/// <summary>
/// The plan/edit form: the same fields as <see cref="MeetingFields"/>, but the start and the cut-off as a local
/// date and time in the board's zone. The page converts them to UTC and sends the use case's own command.
/// </summary>
public sealed record MeetingForm
{
    public string Title { get; init; } = "";
    public DateOnly? Date { get; init; }
    public TimeOnly? Time { get; init; }
    public int DurationMinutes { get; init; } = 90;
    public string? Location { get; init; }
    public string? VideoLink { get; init; }
    public Guid? ChairId { get; init; }
    public int Capacity { get; init; } = 12;
    public DateOnly? CutoffDate { get; init; }
    public TimeOnly? CutoffTime { get; init; }
    public int WeeklyOccurrences { get; init; } = 1;
    public uint? ExpectedVersion { get; init; }

    public T ToCommand<T>(BoardOptions board) where T : MeetingFields, new() => new()
    {
        Title = Title, StartsAt = board.ToUtc(Date, Time), DurationMinutes = DurationMinutes,
        Location = Blank(Location), VideoLink = Blank(VideoLink), ChairId = ChairId, Capacity = Capacity,
        SubmissionCutoff = board.ToUtc(CutoffDate, CutoffTime),
    };

    public static MeetingForm From(GetMeeting.Result m, BoardOptions board)
    {
        var start = board.ToLocal(m.StartsAt);
        var cutoff = board.ToLocal(m.SubmissionCutoff);
        return new()
        {
            Title = m.Title, Date = DateOnly.FromDateTime(start), Time = TimeOnly.FromDateTime(start),
            DurationMinutes = m.DurationMinutes, Location = m.Location, VideoLink = m.VideoLink, ChairId = m.ChairId,
            Capacity = m.Capacity, CutoffDate = DateOnly.FromDateTime(cutoff), CutoffTime = TimeOnly.FromDateTime(cutoff),
            ExpectedVersion = m.Version,
        };
    }

    /// <summary>The command's messages about the start and the cut-off go under the date fields.</summary>
    public static void MoveMessages(ModelStateDictionary modelState)
    {
        Move(modelState, "Input.StartsAt", "Input.Date");
        Move(modelState, "Input.SubmissionCutoff", "Input.CutoffDate");
    }

    static void Move(ModelStateDictionary modelState, string from, string to)
    {
        if (!modelState.TryGetValue(from, out var entry) || entry.Errors.Count == 0) return;
        foreach (var e in entry.Errors.ToList()) modelState.AddModelError(to, e.ErrorMessage);
        modelState.Remove(from);
    }

    public static IEnumerable<SelectListItem> Chairs(IEnumerable<ListBoardMembers.Member> members) =>
        members.Select(m => new SelectListItem($"{m.Name} ({DisplayWords.Local(m.Discipline)})", m.Id.ToString()));

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
