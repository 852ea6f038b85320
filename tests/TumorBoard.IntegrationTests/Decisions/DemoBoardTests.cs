using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Meetings;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.Web.Development;

namespace TumorBoard.IntegrationTests.Decisions;

/// <summary>The development demo seeds a running meeting: one case decided (signed, with dissent), one ready to decide.</summary>
[Collection(AppCollection.Name)]
public sealed class DemoBoardTests(AppFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => app.ResetAsync();

    [Fact]
    public async Task The_demo_meeting_has_a_signed_decision_and_a_case_the_board_can_decide_now()
    {
        await using (var scope = app.App.Services.CreateAsyncScope())
            await DemoData.SeedAsync(scope.ServiceProvider, withCases: true);

        var meetingId = await app.QueryDbAsync(db => db.Meetings.Select(m => m.Id).SingleAsync());
        var meeting = await app.Send(AppFixture.Coordinator, new GetMeeting.Query(meetingId));
        Assert.Equal(MeetingStatus.InProgress, meeting.Status);
        Assert.Equal(2, meeting.Agenda.Count);

        var signedId = await app.QueryDbAsync(db => db.Decisions.Where(d => d.Status == DecisionStatus.Signed).Select(d => d.Id).SingleAsync());
        var signed = await app.Send(AppFixture.Clinician, new GetDecision.Query(signedId));
        Assert.True(signed.Signature!.Intact);
        Assert.True(signed.HasDissent);

        var open = meeting.Agenda.Single(i => i.Status == AgendaItemStatus.Scheduled);
        var content = await DecisionTestData.ContentAsync(app);
        var draft = await app.Send(DecisionTestData.Chair, new RecordDecision.Command { MeetingId = meetingId, ItemId = open.Id, Content = content });
        Assert.Equal(1, draft.Number);
    }
}
