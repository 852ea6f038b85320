using System.Net;
using System.Text.RegularExpressions;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.IntegrationTests.Meetings;
using static TumorBoard.IntegrationTests.Decisions.DecisionTestData;

namespace TumorBoard.IntegrationTests.Decisions;

/// <summary>
/// Who signs an amendment (issue #10 item 12): the chair of the meeting that made the amended decision, or the chair of a
/// running meeting with the case on its agenda. Chairing any other meeting, planned or running, gives no say.
/// </summary>
[Collection(MeetingsDatabase.Name)]
public sealed partial class AmendmentSignerTests(AppFixture app) : DatabaseTest(app)
{
    const string Refusal = "Only the chair of the meeting that made this decision (Dr. Nora Neurosurg)";

    /// <summary>
    /// Meeting 1 (chair: the neurosurgeon) asks for more information and signs; the case is re-listed onto meeting 2, chaired by
    /// the radiation oncologist (started unless told not to); the coordinator drafts an amendment of the first decision.
    /// The medical oncologist chairs an unrelated meeting 3, planned or running, without the case.
    /// </summary>
    async Task<(Guid Original, Guid Amendment, Guid Relisted, Guid Unrelated, Board Board)> AmendmentAsync(
        bool startRelisted = true, bool startUnrelated = false)
    {
        var relisted = await PlanAsync(AppFixture.RadOnc, TimeSpan.FromDays(10));
        var unrelated = await PlanAsync(AppFixture.MedOnc, TimeSpan.FromDays(20));
        var board = await BoardAsync(app);
        var content = await ContentAsync(app) with
        {
            Outcome = DecisionOutcome.MoreInformationNeeded, InformationNeeded = [InformationNeeded.Imaging, InformationNeeded.Biopsy],
            Plan = [], Intent = null, NomsConcordance = null, FollowUpDate = null,
        };
        var original = await RecordAsync(app, board, content);
        await SignAsync(app, original.Id);
        (await app.Send(AppFixture.Coordinator, new GetMeeting.Query(relisted))).Agenda.ShouldContain(i => i.CaseId == board.CaseId);
        if (startRelisted) await StartAsync(relisted);
        if (startUnrelated) await StartAsync(unrelated);
        var amendment = await app.Send(AppFixture.Coordinator, new AmendDecision.Command
        {
            DecisionId = original.Id, Reason = "The biopsy result arrived meanwhile", Content = content with { InformationNeeded = [InformationNeeded.Imaging] },
        });
        return (original.Id, amendment.Id, relisted, unrelated, board);
    }

    async Task<Guid> PlanAsync(string chair, TimeSpan startsIn) =>
        (await app.Send(AppFixture.Coordinator, await MeetingTestData.PlanAsync(app, startsIn: startsIn) with { ChairId = await app.UserIdAsync(chair) }))[0];

    Task StartAsync(Guid meetingId) =>
        app.Send(AppFixture.Coordinator, new StartMeeting.Command { MeetingId = meetingId });

    async Task<DecisionStatus> StatusAsync(Guid decisionId) => (await app.Send(AppFixture.Clinician, new GetDecision.Query(decisionId))).Status;

    [Fact]
    public async Task The_chair_of_an_unrelated_future_meeting_may_neither_sign_nor_write_an_amendment()
    {
        var (original, amendment, _, _, _) = await AmendmentAsync();

        var refused = await Should.ThrowAsync<ForbiddenException>(() => SignAsync(app, amendment, AppFixture.MedOnc));
        refused.Message.ShouldContain(Refusal);
        (await StatusAsync(amendment)).ShouldBe(DecisionStatus.Draft);
        (await StatusAsync(original)).ShouldBe(DecisionStatus.Signed);

        var can = await app.Send(AppFixture.MedOnc, new GetDecisionActions.Query(amendment));
        (can.CanSign, can.CanRevise).ShouldBe((false, false));
        (await app.Send(AppFixture.MedOnc, new GetDecisionActions.Query(original))).CanAmend.ShouldBeFalse();
        var version = (await app.Send(AppFixture.Clinician, new GetDecision.Query(amendment))).Version;
        var content = (await app.Send(AppFixture.Clinician, new GetDecision.Query(amendment))).Content;
        (await Should.ThrowAsync<ForbiddenException>(() => app.Send(AppFixture.MedOnc, new ReviseDecision.Command
            { DecisionId = amendment, ExpectedVersion = version, Content = content with { Rationale = "Changed by an outsider" } })))
            .Message.ShouldContain("may write an amendment");
    }

    [Fact]
    public async Task The_chair_of_a_running_meeting_without_the_case_may_not_sign_an_amendment()
    {
        var (_, amendment, _, unrelated, _) = await AmendmentAsync(startUnrelated: true);
        (await app.Send(AppFixture.Coordinator, new GetMeeting.Query(unrelated))).Status.ShouldBe(Domain.Meetings.MeetingStatus.InProgress);

        (await Should.ThrowAsync<ForbiddenException>(() => SignAsync(app, amendment, AppFixture.MedOnc))).Message.ShouldContain(Refusal);
        (await app.Send(AppFixture.MedOnc, new GetDecisionActions.Query(amendment))).CanSign.ShouldBeFalse();
        (await StatusAsync(amendment)).ShouldBe(DecisionStatus.Draft);
    }

    [Fact]
    public async Task The_chair_of_a_running_meeting_that_is_only_planned_may_not_sign_either()
    {
        // The re-listing meeting's chair answers for the case only while that meeting runs.
        var (_, amendment, _, _, _) = await AmendmentAsync(startRelisted: false);
        (await Should.ThrowAsync<ForbiddenException>(() => SignAsync(app, amendment, AppFixture.RadOnc))).Message.ShouldContain(Refusal);
        (await app.Send(AppFixture.RadOnc, new GetDecisionActions.Query(amendment))).CanSign.ShouldBeFalse();
    }

    [Fact]
    public async Task The_chair_of_the_meeting_that_made_the_decision_signs_its_amendment_after_that_meeting_closed()
    {
        var (original, amendment, _, _, board) = await AmendmentAsync();
        await app.Send(AppFixture.Coordinator, new CloseMeeting.Command { MeetingId = board.MeetingId });
        (await app.Send(Chair, new GetDecisionActions.Query(amendment))).CanSign.ShouldBeTrue();

        await SignAsync(app, amendment, Chair);
        (await StatusAsync(amendment)).ShouldBe(DecisionStatus.Signed);
        (await StatusAsync(original)).ShouldBe(DecisionStatus.Superseded);
    }

    [Fact]
    public async Task The_chair_of_a_running_meeting_with_the_case_on_its_agenda_signs_the_amendment()
    {
        var (original, amendment, _, _, _) = await AmendmentAsync();
        (await app.Send(AppFixture.RadOnc, new GetDecisionActions.Query(amendment))).CanSign.ShouldBeTrue();

        await SignAsync(app, amendment, AppFixture.RadOnc);
        var signed = await app.Send(AppFixture.Clinician, new GetDecision.Query(amendment));
        signed.Status.ShouldBe(DecisionStatus.Signed);
        signed.Signature!.PrintedName.ShouldBe("Dr. Rafael Radonc");
        (await StatusAsync(original)).ShouldBe(DecisionStatus.Superseded);
    }

    [Fact]
    public async Task The_api_answers_403_naming_who_may_sign_and_200_to_the_running_meetings_chair()
    {
        var (_, amendment, _, _, _) = await AmendmentAsync(startUnrelated: true);
        using var outsider = await app.ClientAsync(AppFixture.MedOnc);
        var refused = await outsider.SendAsync(Api.Request(HttpMethod.Post, Url(amendment, "/sign"), SignBody()));
        (await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString()!.ShouldContain(Refusal);

        using var chair = await app.ClientAsync(AppFixture.RadOnc);
        var signed = await chair.SendAsync(Api.Request(HttpMethod.Post, Url(amendment, "/sign"), SignBody()));
        signed.StatusCode.ShouldBe(HttpStatusCode.OK, await signed.Content.ReadAsStringAsync());
        (await signed.ReadAsync()).GetProperty("status").GetString().ShouldBe("Signed");
    }

    [Fact]
    public async Task The_decision_page_offers_the_sign_form_only_to_who_may_sign_and_shows_a_posted_refusal_under_the_password()
    {
        var (_, amendment, _, _, _) = await AmendmentAsync();
        var path = $"/Decisions/{amendment}";

        var outsider = await PageClient.SignedInAsync(app, AppFixture.MedOnc);
        (await outsider.GetStringAsync(path)).ShouldNotContain("Sign as board chair");
        var token = PageClient.AntiforgeryToken(await outsider.GetStringAsync("/Account/Manage/ChangePassword"));
        var posted = await outsider.PostAsync(path + "?handler=Sign", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["Sign.Password"] = AppFixture.Password, ["__RequestVerificationToken"] = token }));
        posted.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var html = await posted.Content.ReadAsStringAsync();
        MessagesUnder(html, "Sign.Password").ShouldHaveSingleItem().ShouldStartWith(Refusal);
        html.ShouldNotContain(AppFixture.Password);
        (await StatusAsync(amendment)).ShouldBe(DecisionStatus.Draft);

        var chair = await PageClient.SignedInAsync(app, AppFixture.RadOnc);
        (await chair.GetStringAsync(path)).ShouldContain("Sign as board chair");
        var signed = await PageClient.PostFormAsync(chair, path + "?handler=Sign", new() { ["Sign.Password"] = AppFixture.Password });
        signed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StatusAsync(amendment)).ShouldBe(DecisionStatus.Signed);
    }

    static List<string> MessagesUnder(string html, string field) =>
        FieldMessage().Matches(html).Where(m => m.Groups[1].Value == field)
            .Select(m => WebUtility.HtmlDecode(m.Groups[2].Value).Trim()).Where(m => m.Length > 0).ToList();

    [GeneratedRegex(@"data-valmsg-for=""([^""]+)""[^>]*>(?:<span[^>]*>)?([^<]+)<")]
    private static partial Regex FieldMessage();
}
