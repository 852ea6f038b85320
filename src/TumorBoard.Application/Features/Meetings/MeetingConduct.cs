using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Meetings;

namespace TumorBoard.Application.Features.Meetings;

/// <summary>
/// What the five conduct use cases (<see cref="StartMeeting"/>, <see cref="CloseMeeting"/>, <see cref="CancelMeeting"/>,
/// <see cref="Agenda.DeferCase"/>, <see cref="Agenda.MarkCaseDiscussed"/>) share: load the meeting at the expected
/// version, let only a coordinator or the meeting's chair run it, apply the step, and answer with the meeting as saved
/// (read in the write's transaction, before it commits).
/// </summary>
public static class MeetingConduct
{
    public static async ValueTask<GetMeeting.Result> RunAsync(
        TumorBoardDbContext db, ICurrentUser user, BoardClock clock, BoardOptions board,
        Guid meetingId, VersionMatch? expectedVersion, Func<Meeting, Guid, DateTimeOffset, Task> step, CancellationToken ct)
    {
        var meeting = await MeetingAccess.LoadForChangeAsync(db, meetingId, expectedVersion, ct);
        MeetingAccess.RequireCoordinatorOrChair(user, meeting);
        await step(meeting, user.RequiredId, clock.UtcNow);
        return await db.SaveChangesThenReadAsync(() => GetMeeting.LoadAsync(db, meeting.Id, clock, board, ct), ct);
    }
}
