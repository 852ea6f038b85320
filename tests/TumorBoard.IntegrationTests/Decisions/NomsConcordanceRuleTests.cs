using System.Net;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Domain.Decisions;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.IntegrationTests.Meetings;
using static TumorBoard.IntegrationTests.Decisions.DecisionTestData;

namespace TumorBoard.IntegrationTests.Decisions;

/// <summary>
/// The concordance with the NOMS suggestion is asked only when the suggestion is complete (NomsConcordanceRule, issue #17):
/// with all three assessments submitted it is required and reported with the other errors at once; an emergency plan
/// written before any assessment may leave it empty, and its record says "not assessable" instead of "concordant".
/// </summary>
[Collection(DecisionsDatabase.Name)]
public sealed class NomsConcordanceRuleTests(AppFixture app) : DatabaseTest(app)
{
    [Fact]
    public async Task With_a_complete_suggestion_a_treatment_without_concordance_is_refused_with_the_other_errors()
    {
        var board = await BoardAsync(app);
        var content = await ContentAsync(app) with { NomsConcordance = null, Rationale = "" };

        using var client = await app.ClientAsync(AppFixture.Coordinator);
        var response = await client.SendAsync(Api.Request(HttpMethod.Post, RecordUrl(board), new { content }));
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorKeys().ShouldBe(["content.nomsConcordance", "content.rationale"]);
        problem.GetProperty("errors").GetProperty("content.nomsConcordance")[0].GetString()!.ShouldContain("NOMS");
        (await app.Send(AppFixture.Coordinator, new ListCaseDecisions.Query(board.CaseId))).ShouldBeEmpty();

        // The form offers no "not assessable" choice for a complete suggestion.
        using var page = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var form = await page.GetStringAsync($"/Meetings/{board.MeetingId}/Decide/{board.ItemId}");
        form.ShouldNotContain("id=\"concordance-none\"");
    }

    [Fact]
    public async Task An_emergency_plan_before_any_assessment_may_leave_it_empty_and_reads_not_assessable()
    {
        await MeetingTestData.PlanMeetingAsync(app, startsIn: TimeSpan.FromDays(2));
        var caseId = await EmergencyPlanTestData.P1CaseAsync(app);
        using var page = await PageClient.SignedInAsync(app, AppFixture.Neurosurgeon);
        var form = WebUtility.HtmlDecode(await page.GetStringAsync($"/Cases/{caseId}/EmergencyPlan"));
        form.ShouldContain("id=\"concordance-none\"");
        form.ShouldContain("Not assessable: the NOMS suggestion is incomplete");

        var saved = await app.Send(AppFixture.Neurosurgeon, new RecordEmergencyPlan.Command
        {
            CaseId = caseId, Content = await ContentAsync(app) with { NomsConcordance = null },
        });
        var decision = await app.Send(AppFixture.Coordinator, new GetDecision.Query(saved.Id));
        decision.Content.NomsConcordance.ShouldBeNull();

        var details = WebUtility.HtmlDecode(await page.GetStringAsync($"/Decisions/{saved.Id}"));
        details.ShouldContain("Not assessable: the NOMS suggestion was incomplete");
        details.ShouldNotContain("Concordant with the NOMS suggestion");
        WebUtility.HtmlDecode(await page.GetStringAsync($"/Decisions/{saved.Id}?culture=de-CH"))
            .ShouldContain("Nicht beurteilbar: Der NOMS-Vorschlag war unvollständig");
        WebUtility.HtmlDecode(await page.GetStringAsync($"/Decisions/{saved.Id}/Report"))
            .ShouldContain("Not assessable: the NOMS suggestion was incomplete");

        // A board that still wants to say it may.
        var said = await app.Send(AppFixture.Neurosurgeon, new ReviseDecision.Command
        {
            DecisionId = saved.Id, ExpectedVersion = decision.Version, Content = await ContentAsync(app) with { NomsConcordance = NomsConcordance.Concordant },
        });
        (await app.Send(AppFixture.Coordinator, new GetDecision.Query(said.Id))).Content.NomsConcordance.ShouldBe(NomsConcordance.Concordant);
    }
}
