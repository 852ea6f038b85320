using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using TumorBoard.IntegrationTests.Decisions;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.IntegrationTests.Meetings;

namespace TumorBoard.IntegrationTests.Forms;

/// <summary>
/// Issue #17 item 12: no position preselected (a required choice with a clear message, page and API); the specialist's
/// worklist in the navigation, with a direct link to write the assessment per case; edit forms ask before unsaved
/// changes are left (the attribute site.js reads; the browser test checks the dialog).
/// </summary>
[Collection(DecisionsDatabase.Name)]
public sealed class PositionAndWorklistPageTests(AppFixture app) : DatabaseTest(app)
{
    [Fact]
    public async Task The_position_form_preselects_nothing_and_a_missing_choice_is_a_message_under_it()
    {
        var board = await DecisionTestData.BoardAsync(app);
        var draft = await DecisionTestData.RecordAsync(app, board);
        using var client = await PageClient.SignedInAsync(app, AppFixture.RadOnc);
        var path = $"/Decisions/{draft.Id}";
        var html = await client.GetStringAsync(path);
        var form = Regex.Match(html, "<form[^>]*id=\"position-form\".*?</form>", RegexOptions.Singleline).Value;
        Regex.Matches(form, "<input type=\"radio\"[^>]*>").Count.ShouldBe(3);
        Regex.IsMatch(form, "<input type=\"radio\"[^>]*checked").ShouldBeFalse();

        var fields = FormScrape.Fields(html, "id=\"position-form\"");
        fields.ShouldNotContain(f => f.Key == "Position.Kind");
        using var response = await client.PostAsync(path + "?handler=Position", new FormUrlEncodedContent(fields));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync())
            .ShouldContain("data-valmsg-for=\"Position.Kind\" data-valmsg-replace=\"true\">Choose your position: agree, disagree or abstain.");

        using var api = await app.ClientAsync(AppFixture.RadOnc);
        using var omitted = await api.PutAsJsonAsync($"/api/v1/decisions/{draft.Id}/position", new { text = "No choice" });
        omitted.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await omitted.Content.ReadAsStringAsync()).ShouldContain("Choose your position");
    }

    [Fact]
    public async Task A_specialist_finds_the_worklist_in_the_navigation_with_a_link_to_write_each_assessment()
    {
        var (_, _, cases) = await MeetingTestData.MeetingWithCasesAsync(app, 1);
        using var client = await PageClient.SignedInAsync(app, AppFixture.Neurosurgeon);
        var home = await client.GetStringAsync("/Cases");
        Regex.Match(home, "<nav aria-label=\"Main\">.*?</nav>", RegexOptions.Singleline).Value.ShouldContain("href=\"/Worklist\"");
        var worklist = await client.GetStringAsync("/Worklist");
        worklist.ShouldContain($"href=\"/Cases/{cases[0]}/Assessments/Neurosurgery\"");
        worklist.ShouldContain("Write my assessment");

        using var coordinator = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        Regex.Match(await coordinator.GetStringAsync("/Cases"), "<nav aria-label=\"Main\">.*?</nav>", RegexOptions.Singleline).Value
            .ShouldNotContain("href=\"/Worklist\"");
    }

    [Fact]
    public async Task The_meeting_page_links_its_calendar_file()
    {
        var meetingId = await MeetingTestData.PlanMeetingAsync(app);
        using var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var html = await client.GetStringAsync($"/Meetings/Details/{meetingId}");
        var link = Regex.Match(html, "<a[^>]*id=\"meeting-ics\"[^>]*>").Value;
        link.ShouldContain($"href=\"/Calendar/Meeting/{meetingId}\"");
        using var ics = await client.GetAsync($"/Calendar/Meeting/{meetingId}");
        ics.StatusCode.ShouldBe(HttpStatusCode.OK);
        ics.Content.Headers.ContentType?.MediaType.ShouldBe("text/calendar");
    }

    [Theory]
    [InlineData("/Patients/Register")]
    [InlineData("/Meetings/Plan")]
    public async Task Edit_forms_are_marked_for_the_unsaved_changes_warning(string path)
    {
        using var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        (await client.GetStringAsync(path)).ShouldContain("<form method=\"post\" data-unsaved");
    }
}
