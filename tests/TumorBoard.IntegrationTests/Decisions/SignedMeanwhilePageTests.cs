using System.Net;
using System.Text.RegularExpressions;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Forms;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Decisions;

/// <summary>
/// Issue #17 item 6: a change posted from a tab opened before the decision was signed says that it is signed and leads to
/// Amend (not "reload and apply your change again"); the agenda's readiness says decided and waived, not awaited.
/// </summary>
[Collection(DecisionsDatabase.Name)]
public sealed class SignedMeanwhilePageTests(AppFixture app) : DatabaseTest(app)
{
    static void ShouldSaySignedAndLinkAmend(string html, Guid decisionId)
    {
        var warning = Regex.Match(html, "<div class=\"warning\" role=\"alert\" id=\"signed-meanwhile\">.*?</div>", RegexOptions.Singleline);
        warning.Success.ShouldBeTrue(html);
        WebUtility.HtmlDecode(warning.Value).ShouldContain("has been signed");
        warning.Value.ShouldContain($"href=\"/Decisions/{decisionId}/Amend\"");
        WebUtility.HtmlDecode(html).ShouldNotContain("apply your change again");
    }

    [Fact]
    public async Task Saving_the_decision_form_of_a_draft_signed_meanwhile_says_it_is_signed_and_links_Amend()
    {
        var board = await DecisionTestData.BoardAsync(app);
        var draft = await DecisionTestData.RecordAsync(app, board);
        using var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var path = $"/Meetings/{board.MeetingId}/Decide/{board.ItemId}";
        var fields = FormScrape.Fields(await client.GetStringAsync(path), "id=\"decision-form\"");
        fields.ShouldContain(f => f.Key == "DraftId" && f.Value == draft.Id.ToString());

        await DecisionTestData.SignAsync(app, draft.Id);
        using var response = await client.PostAsync(path, new FormUrlEncodedContent(fields));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldSaySignedAndLinkAmend(await response.Content.ReadAsStringAsync(), draft.Id);
        (await app.Send(AppFixture.Coordinator, new GetDecision.Query(draft.Id))).Number.ShouldBe(draft.Number);
    }

    [Fact]
    public async Task A_position_posted_on_a_draft_signed_meanwhile_says_it_is_signed_and_links_Amend()
    {
        var board = await DecisionTestData.BoardAsync(app);
        var draft = await DecisionTestData.RecordAsync(app, board);
        using var client = await PageClient.SignedInAsync(app, AppFixture.RadOnc);
        var path = $"/Decisions/{draft.Id}";
        var fields = FormScrape.Fields(await client.GetStringAsync(path), "id=\"position-form\"").With("Position.Kind", "Agree");

        await DecisionTestData.SignAsync(app, draft.Id);
        using var response = await client.PostAsync(path + "?handler=Position", new FormUrlEncodedContent(fields));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldSaySignedAndLinkAmend(await response.Content.ReadAsStringAsync(), draft.Id);
    }

    [Fact]
    public async Task The_agenda_says_decided_and_waived_instead_of_awaiting()
    {
        var board = await DecisionTestData.BoardAsync(app, withoutAssessment: [Discipline.MedicalOncology]);
        await app.Send(DecisionTestData.Chair, new WaiveAssessment.Command
        {
            MeetingId = board.MeetingId, ItemId = board.ItemId, Discipline = Discipline.MedicalOncology, Reason = "Oncologist on leave",
        });
        using var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var before = ReadinessCell(await client.GetStringAsync($"/Meetings/Details/{board.MeetingId}"));
        before.ShouldContain("Awaiting: none");
        before.ShouldContain("Waived: Medical oncology");

        var draft = await DecisionTestData.RecordAsync(app, board);
        await DecisionTestData.SignAsync(app, draft.Id);
        var after = ReadinessCell(await client.GetStringAsync($"/Meetings/Details/{board.MeetingId}"));
        after.ShouldContain("Decided: no assessment awaited");
        after.ShouldNotContain("Awaiting");
        after.ShouldContain("Waived: Medical oncology");
    }

    static string ReadinessCell(string html)
    {
        var cell = Regex.Match(html, "<td data-label=\"Readiness\">(.*?)</td>", RegexOptions.Singleline);
        cell.Success.ShouldBeTrue();
        return Regex.Replace(WebUtility.HtmlDecode(cell.Groups[1].Value), "<[^>]+>", " ");
    }
}
