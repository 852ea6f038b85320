using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Application.Features.Meetings.Calendar;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Meetings;

/// <summary>
/// The .ics SEQUENCE is the meeting's calendar revision (RFC 5545 3.8.7.4): 0 when planned, one more with every change a
/// calendar shows (title, start, duration, place, video link, cancellation), unchanged by changes it does not show.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class CalendarRevisionTests(AppFixture app) : DatabaseTest(app)
{
    [Fact]
    public async Task Sequence_rises_by_one_per_change_a_calendar_shows_and_not_with_the_seconds_since_creation()
    {
        var plan = await MeetingTestData.PlanAsync(app);
        var id = (await app.Send(AppFixture.Coordinator, plan))[0];
        (await SequenceAsync(id)).ShouldBe(0);

        await UpdateAsync(id, plan with { Capacity = plan.Capacity + 1 });   // not on the calendar
        (await SequenceAsync(id)).ShouldBe(0);
        await UpdateAsync(id, plan with { Capacity = plan.Capacity + 1, StartsAt = plan.StartsAt!.Value.AddHours(1) });
        (await SequenceAsync(id)).ShouldBe(1);
        await UpdateAsync(id, plan with { Capacity = plan.Capacity + 1, StartsAt = plan.StartsAt!.Value.AddHours(1) });   // the same again
        (await SequenceAsync(id)).ShouldBe(1);
        await UpdateAsync(id, plan with { Capacity = plan.Capacity + 1, StartsAt = plan.StartsAt!.Value.AddHours(1), Location = "Room 2.01" });
        (await SequenceAsync(id)).ShouldBe(2);
        await app.Send(AppFixture.Coordinator, new CancelMeeting.Command { MeetingId = id, Reason = "Public holiday", ExpectedVersion = await VersionAsync(id) });
        (await SequenceAsync(id)).ShouldBe(3);
    }

    async Task UpdateAsync(Guid id, PlanMeeting.Command plan) =>
        await app.Send(AppFixture.Coordinator, MeetingTestData.Update(plan) with { MeetingId = id, ExpectedVersion = await VersionAsync(id) });

    Task<uint> VersionAsync(Guid id) => app.QueryDbAsync(db => db.Meetings.Where(m => m.Id == id).Select(m => m.Version).SingleAsync());

    async Task<int> SequenceAsync(Guid id)
    {
        var file = await app.Send(AppFixture.Coordinator, new GetMeetingCalendar.Query(id));
        return int.Parse(Sequence().Match(file.Content).Groups[1].Value);
    }

    [GeneratedRegex(@"\r\nSEQUENCE:(\d+)\r\n")]
    private static partial Regex Sequence();
}
