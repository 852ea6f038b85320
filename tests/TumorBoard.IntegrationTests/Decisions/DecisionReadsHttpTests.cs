using System.Net;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;
using static TumorBoard.IntegrationTests.Decisions.DecisionTestData;

namespace TumorBoard.IntegrationTests.Decisions;

/// <summary>
/// The reads the decision pages use, over the API too: responsible clinicians, a meeting's decisions, an item's waivers,
/// and what the signed-in user may do with a decision (the same rules the commands apply).
/// </summary>
[Collection(AuditDatabase.Name)]
public sealed class DecisionReadsHttpTests(AppFixture app) : DatabaseTest(app)
{
    [Fact]
    public async Task Responsible_clinicians_are_the_active_clinicians_and_specialists_for_coordinators_and_specialists_only()
    {
        using var coordinator = await app.ClientAsync(AppFixture.Coordinator);
        var list = await (await coordinator.GetAsync("/api/v1/responsible-clinicians")).ReadAsync();
        var ids = list.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        ids.ShouldContain(await app.UserIdAsync(AppFixture.Clinician));
        ids.ShouldContain(await app.UserIdAsync(AppFixture.MedOnc));
        ids.ShouldNotContain(await app.UserIdAsync(AppFixture.Coordinator));
        ids.ShouldNotContain(await app.UserIdAsync(AppFixture.Admin));

        using var clinician = await app.ClientAsync(AppFixture.Clinician);
        (await clinician.GetAsync("/api/v1/responsible-clinicians")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var admin = await app.ClientAsync(AppFixture.Admin);
        (await admin.GetAsync("/api/v1/responsible-clinicians")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_meeting_lists_its_decisions_and_an_agenda_item_its_waivers()
    {
        var board = await BoardAsync(app, withoutAssessment: [Discipline.MedicalOncology]);
        await app.Send(Chair, new WaiveAssessment.Command
        {
            MeetingId = board.MeetingId, ItemId = board.ItemId, Discipline = Discipline.MedicalOncology, Reason = "Oncologist ill.",
        });
        var draft = await RecordAsync(app, board);

        using var clinician = await app.ClientAsync(AppFixture.Clinician);
        var decisions = await (await clinician.GetAsync($"/api/v1/meetings/{board.MeetingId}/decisions")).ReadAsync();
        var row = decisions.EnumerateArray().ShouldHaveSingleItem();
        row.GetProperty("decisionId").GetGuid().ShouldBe(draft.Id);
        row.GetProperty("agendaItemId").GetGuid().ShouldBe(board.ItemId);
        row.GetProperty("status").GetString().ShouldBe("Draft");

        var waivers = await (await clinician.GetAsync($"/api/v1/meetings/{board.MeetingId}/agenda/{board.ItemId}/waivers")).ReadAsync();
        var waiver = waivers.EnumerateArray().ShouldHaveSingleItem();
        waiver.GetProperty("discipline").GetString().ShouldBe("MedicalOncology");
        waiver.GetProperty("reason").GetString().ShouldBe("Oncologist ill.");

        (await clinician.GetAsync($"/api/v1/meetings/{board.MeetingId}/agenda/{Guid.NewGuid()}/waivers")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await clinician.GetAsync($"/api/v1/meetings/{Guid.NewGuid()}/decisions")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var admin = await app.ClientAsync(AppFixture.Admin);
        (await admin.GetAsync($"/api/v1/meetings/{board.MeetingId}/decisions")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_actions_of_a_decision_follow_the_rules_of_the_commands_for_each_role()
    {
        var board = await BoardAsync(app);
        var draft = await RecordAsync(app, board);

        async Task<GetDecisionActions.Actions> ActionsAsync(string email, Guid id) =>
            await app.Send(email, new GetDecisionActions.Query(id));

        (await ActionsAsync(Chair, draft.Id)).ShouldBe(new GetDecisionActions.Actions(CanRevise: true, CanTakePosition: true, CanSign: true, CanAmend: false));
        (await ActionsAsync(AppFixture.Coordinator, draft.Id)).ShouldBe(new GetDecisionActions.Actions(true, false, false, false));
        (await ActionsAsync(AppFixture.MedOnc, draft.Id)).ShouldBe(new GetDecisionActions.Actions(false, true, false, false));
        (await ActionsAsync(AppFixture.Clinician, draft.Id)).ShouldBe(new GetDecisionActions.Actions(false, false, false, false));

        await SignAsync(app, draft.Id);
        (await ActionsAsync(Chair, draft.Id)).ShouldBe(new GetDecisionActions.Actions(false, false, false, CanAmend: true));
        (await ActionsAsync(AppFixture.Coordinator, draft.Id)).ShouldBe(new GetDecisionActions.Actions(false, false, false, true));
        (await ActionsAsync(AppFixture.MedOnc, draft.Id)).ShouldBe(new GetDecisionActions.Actions(false, false, false, false));

        using var medOnc = await app.ClientAsync(AppFixture.MedOnc);
        var body = await (await medOnc.GetAsync($"/api/v1/decisions/{draft.Id}/actions")).ReadAsync();
        body.GetProperty("canAmend").GetBoolean().ShouldBeFalse();
        using var admin = await app.ClientAsync(AppFixture.Admin);
        (await admin.GetAsync($"/api/v1/decisions/{draft.Id}/actions")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
