using System.Net;
using System.Text.RegularExpressions;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Decisions;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;
using static TumorBoard.IntegrationTests.Assessments.AssessmentTestData;

namespace TumorBoard.IntegrationTests.Meetings;

/// <summary>The conflicts of the board view in its API representation and on the page, and the remembered one-screen mode.</summary>
[Collection(MeetingsDatabase.Name)]
public sealed class BoardConflictsTests(AppFixture app) : DatabaseTest(app)
{
    /// <summary>The case's lesion is T11-T12 (TestData.Case); radiation oncology flags re-irradiation at T5, never treated.</summary>
    async Task<(Guid MeetingId, Guid ItemId)> BoardWithConflictsAsync()
    {
        var (meetingId, items, cases) = await MeetingTestData.MeetingWithCasesAsync(app, cases: 1);
        await SubmitAsync(app, AppFixture.Neurosurgeon, Neurosurgery() with { TargetLevels = [SpinalLevel.T11, SpinalLevel.T12] }, cases[0]);
        await SubmitAsync(app, AppFixture.RadOnc, RadiationOncology() with { Reirradiation = true, TargetLevels = [SpinalLevel.T5] }, cases[0]);
        await SubmitAsync(app, AppFixture.MedOnc, MedicalOncology(), cases[0]);
        return (meetingId, items[0]);
    }

    [Fact]
    public async Task The_board_view_API_carries_each_conflict_with_its_code_and_words()
    {
        var (meetingId, itemId) = await BoardWithConflictsAsync();
        using var client = await app.ClientAsync(AppFixture.Clinician);

        using var response = await client.GetAsync($"/api/v1/meetings/{meetingId}/agenda/{itemId}/board");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var conflicts = (await response.ReadAsync()).GetProperty("conflicts").EnumerateArray()
            .Select(c => (c.GetProperty("code").GetString(), c.GetProperty("words").GetString())).ToList();
        conflicts.ShouldBe([
            (ConflictCodes.ReirradiationWithoutPriorRadiotherapy,
                "Radiation oncology flags re-irradiation, but no prior radiotherapy recorded for the case covers the target levels T5."),
            (ConflictCodes.TargetOutsideLesions, "Radiation oncology targets T5, outside the case's lesions (T11-T12)."),
        ]);
    }

    [Fact]
    public async Task The_board_view_without_conflicts_answers_an_empty_list()
    {
        var (meetingId, items, cases) = await MeetingTestData.MeetingWithCasesAsync(app, cases: 1);
        await SubmitAsync(app, AppFixture.Neurosurgeon, Neurosurgery() with { TargetLevels = [SpinalLevel.T11] }, cases[0]);
        await SubmitAsync(app, AppFixture.RadOnc, RadiationOncology() with { TargetLevels = [SpinalLevel.T11, SpinalLevel.T12] }, cases[0]);
        using var client = await app.ClientAsync(AppFixture.Clinician);

        using var response = await client.GetAsync($"/api/v1/meetings/{meetingId}/agenda/{items[0]}/board");

        (await response.ReadAsync()).GetProperty("conflicts").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task The_board_page_shows_the_conflicts_and_remembers_the_one_screen_mode()
    {
        var (meetingId, itemId) = await BoardWithConflictsAsync();
        var client = await PageClient.SignedInAsync(app, AppFixture.Clinician);
        var path = $"/Meetings/{meetingId}/Board/{itemId}";

        var full = WebUtility.HtmlDecode(await client.GetStringAsync(path));
        full.ShouldContain("Conflicts to resolve (2)");
        full.ShouldContain("Radiation oncology targets T5, outside the case's lesions (T11-T12).");
        full.ShouldContain("One-screen view for the projector");
        full.ShouldNotContain("data-one-screen");

        using var switched = await client.GetAsync(path + "?screen=one");
        switched.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("tb-board-screen=one"));
        var one = Regex.Replace(WebUtility.HtmlDecode(await switched.Content.ReadAsStringAsync()), @">\s+<", "><");
        one.ShouldContain("data-one-screen");
        one.ShouldContain("Question:</strong> Decompression and stabilisation, or radiotherapy alone?");
        one.ShouldContain("Lesion levels:</strong> T11-T12");
        // SINS 9 of the T5 lesion with its six component points: semirigid 1, mechanical 3, lytic 2, normal 0, <50% 2, unilateral 1.
        one.ShouldContain("<td data-sins-total>9 · Potentially unstable</td>");
        one.ShouldContain("<td>1</td><td>3</td><td>2</td><td>0</td><td>2</td><td>1</td>");
        one.ShouldContain("<td data-escc>2 · high grade</td>");
        one.ShouldContain("Revised Tokuhashi:</strong> ");
        one.ShouldContain("of 15 · ");
        one.ShouldContain("Tomita:</strong> ");
        one.ShouldContain("Radiation:</strong> separation surgery followed by SRS");
        one.ShouldContain("Conflicts and disagreements (3)");   // and "Target levels differ: neurosurgery T11, T12, …"
        one.ShouldContain("Target levels differ");
        one.ShouldContain("id=\"os-rec-radiation-oncology\"");

        (await client.GetStringAsync(path)).ShouldContain("data-one-screen");   // remembered by the cookie
        (await client.GetStringAsync(path + "?screen=full")).ShouldNotContain("data-one-screen");
        (await client.GetStringAsync(path)).ShouldNotContain("data-one-screen");
    }

    [Fact]
    public async Task The_projector_marks_a_card_named_only_by_a_conflict_as_a_conflict_not_a_disagreement()
    {
        var (meetingId, items, cases) = await MeetingTestData.MeetingWithCasesAsync(app, cases: 1);
        await SubmitAsync(app, AppFixture.Neurosurgeon, Neurosurgery() with { TargetLevels = [SpinalLevel.T11, SpinalLevel.T12] }, cases[0]);
        await SubmitAsync(app, AppFixture.RadOnc, RadiationOncology() with { Reirradiation = true, TargetLevels = [SpinalLevel.T11, SpinalLevel.T12] }, cases[0]);
        await SubmitAsync(app, AppFixture.MedOnc, MedicalOncology(), cases[0]);
        var client = await PageClient.SignedInAsync(app, AppFixture.Clinician);

        var one = Regex.Replace(WebUtility.HtmlDecode(await client.GetStringAsync($"/Meetings/{meetingId}/Board/{items[0]}?screen=one")), @">\s+<", "><");

        one.ShouldContain("Radiation oncology flags re-irradiation, but no prior radiotherapy recorded for the case covers the target levels T11, T12.");
        one.ShouldContain("<h2 id=\"os-rec-radiation-oncology-title\">Radiation oncology <span class=\"tag\">conflict</span></h2>");
        one.ShouldNotContain("<span class=\"tag\">disagreement</span>");   // the two agree on the levels and the treatment
        one.ShouldContain("<h2 id=\"os-rec-neurosurgery-title\">Neurosurgery</h2>");
    }
}
