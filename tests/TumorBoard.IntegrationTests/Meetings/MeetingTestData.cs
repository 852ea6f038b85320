using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Application.Features.Meetings.Agenda;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Meetings;

public static class MeetingTestData
{
    public static async Task<PlanMeeting.Command> PlanAsync(AppFixture app, int capacity = 5, TimeSpan? startsIn = null) => new()
    {
        Title = "Spine tumor board", StartsAt = DateTimeOffset.UtcNow + (startsIn ?? TimeSpan.FromDays(3)), DurationMinutes = 90,
        Location = "Room 4.12", ChairId = await app.UserIdAsync(AppFixture.Neurosurgeon), Capacity = capacity,
    };

    public static async Task<Guid> PlanMeetingAsync(AppFixture app, int capacity = 5, TimeSpan? startsIn = null) =>
        (await app.Send(AppFixture.Coordinator, await PlanAsync(app, capacity, startsIn)))[0];

    /// <summary>The same fields as an update (PUT) body.</summary>
    public static UpdateMeeting.Command Update(PlanMeeting.Command p) => new()
    {
        Title = p.Title, StartsAt = p.StartsAt, DurationMinutes = p.DurationMinutes, Location = p.Location, VideoLink = p.VideoLink,
        ChairId = p.ChairId, Capacity = p.Capacity, SubmissionCutoff = p.SubmissionCutoff,
    };

    /// <summary>A planned meeting with <paramref name="cases"/> ready cases on its agenda, in order.</summary>
    public static async Task<(Guid MeetingId, Guid[] ItemIds, Guid[] CaseIds)> MeetingWithCasesAsync(AppFixture app, int cases, int capacity = 5)
    {
        var meetingId = await PlanMeetingAsync(app, capacity);
        var caseIds = new Guid[cases];
        var itemIds = new Guid[cases];
        for (var i = 0; i < cases; i++)
        {
            caseIds[i] = await ReadyCaseAsync(app);
            itemIds[i] = (await app.Send(AppFixture.Coordinator, new AddCaseToAgenda.Command { MeetingId = meetingId, CaseId = caseIds[i] })).ItemId;
        }
        return (meetingId, itemIds, caseIds);
    }

    /// <summary>A registered case marked ReadyForBoard.</summary>
    public static async Task<Guid> ReadyCaseAsync(AppFixture app, Func<RegisterCase.Command, RegisterCase.Command>? change = null)
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app, change);
        await app.Send(AppFixture.Coordinator, new MarkCaseReady.Command(caseId));
        return caseId;
    }
}
