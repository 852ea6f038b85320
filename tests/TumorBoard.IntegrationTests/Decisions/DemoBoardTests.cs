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
[Collection(DecisionsDatabase.Name)]
public sealed class DemoBoardTests(AppFixture app) : DatabaseTest(app)
{
    public override Task DisposeAsync() => app.ResetAsync();   // the demo data stays out of the next test

    [Fact]
    public async Task The_demo_meeting_has_a_signed_decision_and_a_case_the_board_can_decide_now()
    {
        await using (var scope = app.App.Services.CreateAsyncScope())
            await DemoData.SeedAsync(scope.ServiceProvider, withCases: true);

        var meetingId = await app.QueryDbAsync(db => db.Meetings.Select(m => m.Id).SingleAsync());
        var meeting = await app.Send(AppFixture.Coordinator, new GetMeeting.Query(meetingId));
        meeting.Status.ShouldBe(MeetingStatus.InProgress);
        meeting.Agenda.Count.ShouldBe(2);

        var signedId = await app.QueryDbAsync(db => db.Decisions.Where(d => d.Status == DecisionStatus.Signed).Select(d => d.Id).SingleAsync());
        var signed = await app.Send(AppFixture.Clinician, new GetDecision.Query(signedId));
        signed.Signature!.Intact.ShouldBeTrue();
        signed.HasDissent.ShouldBeTrue();

        var open = meeting.Agenda.Single(i => i.Status == AgendaItemStatus.Scheduled);
        var content = await DecisionTestData.ContentAsync(app);
        var draft = await app.Send(DecisionTestData.Chair, new RecordDecision.Command { MeetingId = meetingId, ItemId = open.Id, Content = content });
        draft.Number.ShouldBe(1);
    }
}
