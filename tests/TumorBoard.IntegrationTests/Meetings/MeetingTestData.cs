using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Features.Meetings;
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

    /// <summary>A registered case marked ReadyForBoard.</summary>
    public static async Task<Guid> ReadyCaseAsync(AppFixture app, Func<RegisterCase.Command, RegisterCase.Command>? change = null)
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app, change);
        await app.Send(AppFixture.Coordinator, new MarkCaseReady.Command(caseId));
        return caseId;
    }
}
