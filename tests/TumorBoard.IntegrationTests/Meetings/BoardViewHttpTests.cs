using System.Net;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;
using static TumorBoard.IntegrationTests.Assessments.AssessmentTestData;

namespace TumorBoard.IntegrationTests.Meetings;

/// <summary>The board view over HTTP: the JSON of GET .../agenda/{itemId}/board, its 404s, and the page the chair steps through.</summary>
[Collection(MeetingsDatabase.Name)]
public sealed class BoardViewHttpTests(AppFixture app) : DatabaseTest(app)
{
    [Fact]
    public async Task The_API_answers_the_board_view_with_enums_as_strings()
    {
        var (meetingId, items, cases) = await MeetingTestData.MeetingWithCasesAsync(app, cases: 2);
        await SubmitSrsVersusSeparationSurgeryAsync(app, cases[0]);
        using var client = await app.ClientAsync(AppFixture.RadOnc);

        using var response = await client.GetAsync($"/api/v1/meetings/{meetingId}/agenda/{items[0]}/board");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var view = await response.ReadAsync();
        view.GetProperty("meeting").GetProperty("status").GetString().ShouldBe("Planned");
        view.GetProperty("meeting").GetProperty("hasQuorum").GetBoolean().ShouldBeFalse();
        view.GetProperty("meeting").GetProperty("missingForQuorum")[0].GetString().ShouldBe("MedicalOncology");
        view.GetProperty("item").GetProperty("status").GetString().ShouldBe("Scheduled");
        view.GetProperty("item").GetProperty("previousItemId").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        view.GetProperty("item").GetProperty("nextItemId").GetGuid().ShouldBe(items[1]);
        view.GetProperty("case").GetProperty("status").GetString().ShouldBe("Scheduled");
        view.GetProperty("case").GetProperty("details").GetProperty("histology").GetString().ShouldBe("Breast");
        view.GetProperty("patientAge").GetInt32().ShouldBeGreaterThan(60);
        var columns = view.GetProperty("assessments").EnumerateArray().ToList();
        columns.Select(c => c.GetProperty("discipline").GetString())
            .ShouldBe(["MedicalOncology", "RadiationOncology", "Neurosurgery"]);
        var radiation = columns[1].GetProperty("submitted");
        radiation.GetProperty("kind").GetString().ShouldBe("Submission");
        radiation.GetProperty("content").GetProperty("recommendation").GetString().ShouldBe("SbrtSrs");
        radiation.GetProperty("computed").GetProperty("scores").GetProperty("radiosensitivity").GetProperty("effective").GetString()
            .ShouldBe("Resistant");
        view.GetProperty("noms").GetProperty("suggestion").GetProperty("radiation").GetString().ShouldBe("SEPARATION_SURGERY_THEN_SRS");
        view.GetProperty("disagreements").EnumerateArray().Select(x => x.GetString()).ShouldContain(SrsVersusSeparationSurgery);
        view.GetProperty("missingInputs").EnumerateArray().Select(x => x.GetString())
            .ShouldContain("No quorum yet: nobody from neurosurgery is recorded as present.");
    }

    [Fact]
    public async Task The_API_answers_404_for_an_item_of_another_meeting()
    {
        var (meetingId, _, _) = await MeetingTestData.MeetingWithCasesAsync(app, cases: 1);
        var (_, otherItems, _) = await MeetingTestData.MeetingWithCasesAsync(app, cases: 1);
        using var client = await app.ClientAsync(AppFixture.Clinician);

        using var response = await client.GetAsync($"/api/v1/meetings/{meetingId}/agenda/{otherItems[0]}/board");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem.GetProperty("detail").GetString().ShouldBe($"Agenda item {otherItems[0]} is not on the agenda of meeting {meetingId}.");
        using var unknown = await client.GetAsync($"/api/v1/meetings/{Guid.NewGuid()}/agenda/{otherItems[0]}/board");
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_board_page_shows_the_three_columns_the_disagreement_and_what_is_missing()
    {
        var (meetingId, items, cases) = await MeetingTestData.MeetingWithCasesAsync(app, cases: 3);
        await SubmitSrsVersusSeparationSurgeryAsync(app, cases[1]);
        var client = await PageClient.SignedInAsync(app, AppFixture.Clinician);

        var page = await client.GetStringAsync($"/Meetings/{meetingId}/Board/{items[1]}");

        page.ShouldContain("Case 2 of 3: Muster, Erika");
        page.ShouldContain("Decompression and stabilisation, or radiotherapy alone?");
        foreach (var slug in new[] { "medical-oncology", "radiation-oncology", "neurosurgery" })
        {
            page.ShouldContain($"id=\"assessment-{slug}\"");
            page.ShouldContain($"href=\"/Cases/{cases[1]}/Assessments/{slug}/History\"");
        }
        page.ShouldNotContain("No submitted assessment.");
        page.ShouldContain("<th scope=\"row\">Lesion T5</th><td>SINS 9 (Potentially unstable); ESCC 2 (high grade)</td>");
        page.ShouldContain("Tokuhashi (revised)");
        page.ShouldContain("Disagreements to discuss (1)");
        page.ShouldContain($"<strong class=\"tag\">Disagreement:</strong> {SrsVersusSeparationSurgery}");
        page.ShouldContain("NOMS suggestion (advisory)");
        page.ShouldContain("Missing inputs (3)");   // only the quorum: nobody is recorded as present yet
        page.ShouldContain($"href=\"/Meetings/{meetingId}/Board/{items[0]}\">Previous case</a>");
        page.ShouldContain($"href=\"/Meetings/{meetingId}/Board/{items[2]}\">Next case</a>");

        var first = await client.GetStringAsync($"/Meetings/{meetingId}/Board/{items[0]}");
        first.ShouldContain("First case");
        first.ShouldContain("No submitted assessment.");
        first.ShouldContain("Medical oncology has not started its assessment.");

        var details = await client.GetStringAsync($"/Meetings/Details/{meetingId}");
        foreach (var item in items) details.ShouldContain($"href=\"/Meetings/{meetingId}/Board/{item}\">Board view");
    }

    [Fact]
    public async Task The_board_page_is_not_found_for_an_item_of_another_meeting_and_forbidden_to_an_administrator()
    {
        var (meetingId, items, _) = await MeetingTestData.MeetingWithCasesAsync(app, cases: 1);
        var (otherMeetingId, _, _) = await MeetingTestData.MeetingWithCasesAsync(app, cases: 1);

        var coordinator = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        (await coordinator.GetAsync($"/Meetings/{otherMeetingId}/Board/{items[0]}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var admin = await PageClient.SignedInAsync(app, AppFixture.Admin);
        (await admin.GetAsync($"/Meetings/{meetingId}/Board/{items[0]}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
