using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Forms;

/// <summary>
/// Issue #17 item 11 without JavaScript: the neurosurgery form's lesion rows have no limit below the validator's. "More
/// lesion rows" re-renders the form with blank rows added, keeping what was typed and saving nothing; a blank row left
/// between lesions is not saved as a lesion.
/// </summary>
[Collection(MeetingsDatabase.Name)]
public sealed class AssessmentRowsPageTests(AppFixture app) : DatabaseTest(app)
{
    static int Rows(string html) => Regex.Matches(html, "name=\"Input\\.Lesions\\[(\\d+)\\]\\.IndexLevel\"").Count;

    [Fact]
    public async Task More_lesion_rows_keeps_what_was_typed_saves_nothing_and_the_saved_version_has_the_filled_rows_only()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);   // one lesion, T11-T12
        var client = await PageClient.SignedInAsync(app, AppFixture.Neurosurgeon);
        var path = $"/Cases/{caseId}/Assessments/Neurosurgery";
        var html = await client.GetStringAsync(path);
        Rows(html).ShouldBe(2);   // the case's lesion and a spare row
        html.ShouldContain(">More lesion rows</button>");
        // What a browser posts (FormScrape: every row's selects, blank ones as ""), not only the chosen options.
        var form = FormScrape.Fields(html, "data-assessment-form")
            .With("Input.Lesions[0].Pain", "Mechanical")
            .With("Input.Lesions[1].IndexLevel", "L2").With("Input.Lesions[1].Escc", "1b")
            .With("Input.Rationale", "Typed before asking for rows.")
            .With("more", "Lesions");

        var more = await client.PostAsync(path + "?handler=MoreRows", new FormUrlEncodedContent(form));

        more.StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await more.Content.ReadAsStringAsync();
        Rows(again).ShouldBe(2 + 3);   // the two typed rows and three blank ones
        again.ShouldNotContain("field-validation-error");
        var shown = HtmlForm.Of(again, "data-assessment-form");
        (shown.Value("Input.Lesions[0].IndexLevel"), shown.Value("Input.Lesions[0].Pain")).ShouldBe(("T11", "Mechanical"));
        (shown.Value("Input.Lesions[1].IndexLevel"), shown.Value("Input.Lesions[1].Escc")).ShouldBe(("L2", "1b"));
        shown.Value("Input.Rationale").ShouldBe("Typed before asking for rows.");
        (await app.Send(AppFixture.Neurosurgeon, new ListAssessments.Query(caseId))).Assessments
            .ShouldNotContain(a => a.Discipline == Discipline.Neurosurgery);

        var next = FormScrape.Fields(again, "data-assessment-form").With("Input.Lesions[3].IndexLevel", "C5");   // row 2 left blank
        var saved = await client.PostAsync(path + "?handler=Save", new FormUrlEncodedContent(next));

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var stored = (await app.Send(AppFixture.Neurosurgeon, new GetAssessmentVersion.Query(caseId, Discipline.Neurosurgery)))
            .Content.Deserialize<NeurosurgeryContent>(AssessmentJson.Options)!;
        stored.Lesions.Select(l => l.IndexLevel).ShouldBe([SpinalLevel.T11, SpinalLevel.L2, SpinalLevel.C5]);
        stored.Lesions[1].Escc.ShouldBe("1b");
        stored.Rationale.ShouldBe("Typed before asking for rows.");
    }

    [Fact]
    public async Task A_refused_form_with_a_blank_row_between_lesions_shows_each_message_under_its_lesion()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        var client = await PageClient.SignedInAsync(app, AppFixture.Neurosurgeon);
        var path = $"/Cases/{caseId}/Assessments/Neurosurgery";
        var more = await client.PostAsync(path + "?handler=MoreRows", new FormUrlEncodedContent(
            FormScrape.Fields(await client.GetStringAsync(path), "data-assessment-form").With("more", "Lesions")));
        var form = FormScrape.Fields(await more.Content.ReadAsStringAsync(), "data-assessment-form")
            .With("Input.Lesions[2].IndexLevel", "L4").With("Input.Lesions[2].Escc", "1");   // row 1 blank; "1" (a tampered post) is not a grade

        var refused = await client.PostAsync(path + "?handler=Save", new FormUrlEncodedContent(form));

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await refused.Content.ReadAsStringAsync();
        var shown = HtmlForm.Of(again, "data-assessment-form");
        shown.Value("Input.Lesions[1].IndexLevel").ShouldBe("L4");
        Regex.IsMatch(again, "data-valmsg-for=\"Input.Lesions\\[1\\].Escc\"[^>]*>The ESCC grade is one of").ShouldBeTrue();
        Rows(again).ShouldBe(3);   // T11, L4 and a spare row
    }
}
