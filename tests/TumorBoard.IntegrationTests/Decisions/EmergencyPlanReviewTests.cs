using System.Net;
using System.Text.Json;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Domain.Decisions;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.IntegrationTests.Meetings;
using TumorBoard.IntegrationTests.Pages;
using static TumorBoard.IntegrationTests.Decisions.EmergencyPlanTestData;

namespace TumorBoard.IntegrationTests.Decisions;

/// <summary>
/// The board that reviews an emergency plan outside a meeting (issue #14 part 1: "later reviewed at the next board") sees
/// which plan it reviews: on the board view of the item the case was listed with, the plan's version, when it was signed
/// and by whom for each discipline, its outcome and plan, and a link to it (API <c>emergencyPlan</c> and the board page).
/// </summary>
[Collection(DecisionsDatabase.Name)]
public sealed class EmergencyPlanReviewTests(AppFixture app) : DatabaseTest(app)
{
    async Task<(Guid MeetingId, Guid ItemId, DecisionSaved Plan)> ListedForReviewAsync()
    {
        var meetingId = await MeetingTestData.PlanMeetingAsync(app, startsIn: TimeSpan.FromDays(2));
        var caseId = await P1CaseAsync(app);
        var plan = await SignedAsync(app, caseId);
        var item = (await app.Send(AppFixture.Coordinator, new GetMeeting.Query(meetingId))).Agenda.ShouldHaveSingleItem();
        item.CaseId.ShouldBe(caseId);
        return (meetingId, item.Id, plan);
    }

    static string BoardUrl(Guid meetingId, Guid itemId) => $"/api/v1/meetings/{meetingId}/agenda/{itemId}/board";

    [Fact]
    public async Task The_board_view_of_the_review_names_the_plan_its_signatures_and_links_to_it()
    {
        var (meetingId, itemId, plan) = await ListedForReviewAsync();
        var signed = await app.Send(AppFixture.Coordinator, new GetDecision.Query(plan.Id));
        using var client = await app.ClientAsync(AppFixture.Clinician);

        var response = await client.GetAsync(BoardUrl(meetingId, itemId));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var view = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        // Listed before the cut-off, the item carries no late-addition reason: emergencyPlan is what says it is a review.
        view.GetProperty("item").GetProperty("isLateAddition").GetBoolean().ShouldBeFalse();
        var review = view.GetProperty("emergencyPlan");
        review.GetProperty("decisionId").GetGuid().ShouldBe(plan.Id);
        review.GetProperty("number").GetInt32().ShouldBe(1);
        review.GetProperty("status").GetString().ShouldBe("Signed");
        review.GetProperty("outcome").GetString().ShouldBe("TreatmentRecommendation");
        review.GetProperty("plan").GetArrayLength().ShouldBe(signed.Content.Plan.Count);
        review.GetProperty("rationale").GetString().ShouldBe(signed.Content.Rationale);
        review.GetProperty("signedAt").GetDateTimeOffset().ShouldBe(signed.Signature!.SignedAt, TimeSpan.FromMilliseconds(1));
        var signatures = review.GetProperty("signatures").EnumerateArray().ToList();
        signatures.Select(s => s.GetProperty("discipline").GetString()).ShouldBe(["Neurosurgery", "RadiationOncology"]);
        signatures.Select(s => s.GetProperty("name").GetString()).ShouldBe(signed.EmergencySignatures.Select(s => s.PrintedName));
        signatures[1].GetProperty("signedAt").GetDateTimeOffset().ShouldBe(signed.Signature.SignedAt, TimeSpan.FromMilliseconds(1));
        view.GetProperty("decision").GetProperty("versions").GetArrayLength().ShouldBe(0);   // the board has not decided here yet

        using var pages = await PageClient.SignedInAsync(app, AppFixture.Clinician);
        var html = await pages.GetStringAsync($"/Meetings/{meetingId}/Board/{itemId}");
        html.ShouldContain("id=\"emergency-plan-review\"");
        html.ShouldContain($"href=\"/Decisions/{plan.Id}\"");
        html.ShouldContain($"href=\"/Decisions/{plan.Id}/Report\"");
        html.ShouldContain("Emergency plan outside a meeting under review: version 1");
        var decoded = WebUtility.HtmlDecode(html);
        foreach (var s in signed.EmergencySignatures) decoded.ShouldContain(s.PrintedName);
        RenderedPages.HtmlProblems(html).ShouldBeEmpty();
        RenderedPages.RawCodes(RenderedPages.VisibleText(RenderedPages.Parse(html))).ShouldBeEmpty();

        var projector = await pages.GetStringAsync($"/Meetings/{meetingId}/Board/{itemId}?screen=one");
        projector.ShouldContain("id=\"os-emergency-plan\"");
        projector.ShouldContain($"href=\"/Decisions/{plan.Id}\"");
        RenderedPages.HtmlProblems(projector).ShouldBeEmpty();
        // Kept beside RenderedPagesTests' pages (when TUMORBOARD_RENDERED_PAGES is set) for the Nu HTML checker of .ci/run.
        var path = $"/Meetings/{meetingId}/Board/{itemId}";
        RenderedPages.Keep([new(AppFixture.Clinician, path + "?review=emergency-plan", path, html),
            new(AppFixture.Clinician, path + "?review=emergency-plan&screen=one", path, projector)]);
    }

    [Fact]
    public async Task The_plan_stays_on_the_board_view_when_the_board_signs_its_own_decision_there()
    {
        var board = await DecisionTestData.BoardAsync(app, start: false);   // a P1 case already on the agenda, assessments in
        var plan = await SignedAsync(app, board.CaseId);
        await app.Send(AppFixture.Coordinator, new StartMeeting.Command { MeetingId = board.MeetingId });

        var decision = await DecisionTestData.SignAsync(app, (await DecisionTestData.RecordAsync(app, board)).Id);

        var view = await app.Send(AppFixture.Coordinator, new GetBoardView.Query(board.MeetingId, board.ItemId));
        view.Decision.Current.ShouldNotBeNull().Id.ShouldBe(decision.Id);
        var review = view.EmergencyPlan.ShouldNotBeNull();
        review.DecisionId.ShouldBe(plan.Id);
        review.Status.ShouldBe(DecisionStatus.Superseded);
        using var pages = await PageClient.SignedInAsync(app, AppFixture.Neurosurgeon);
        var html = await pages.GetStringAsync($"/Meetings/{board.MeetingId}/Board/{board.ItemId}");
        html.ShouldContain($"href=\"/Decisions/{plan.Id}\"");
        html.ShouldContain("now superseded");
        RenderedPages.HtmlProblems(html).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_case_on_the_agenda_without_an_emergency_plan_shows_none()
    {
        var (meetingId, itemId, plan) = await ListedForReviewAsync();
        var (otherMeeting, items, _) = await MeetingTestData.MeetingWithCasesAsync(app, cases: 1);

        var routine = await app.Send(AppFixture.Coordinator, new GetBoardView.Query(otherMeeting, items[0]));
        routine.EmergencyPlan.ShouldBeNull();
        using var pages = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        (await pages.GetStringAsync($"/Meetings/{otherMeeting}/Board/{items[0]}")).ShouldNotContain("emergency-plan-review");

        var review = await app.Send(AppFixture.Coordinator, new GetBoardView.Query(meetingId, itemId));
        review.EmergencyPlan.ShouldNotBeNull().DecisionId.ShouldBe(plan.Id);
        review.EmergencyPlan.Signatures.Count.ShouldBe(2);
    }
}
