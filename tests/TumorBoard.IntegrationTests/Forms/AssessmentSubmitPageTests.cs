using System.Net;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;
using static TumorBoard.IntegrationTests.Assessments.AssessmentTestData;

namespace TumorBoard.IntegrationTests.Forms;

/// <summary>
/// Issue #17 item 3: Submit on an assessment form submits what is on the form. An edit not yet saved is saved as one
/// new draft version and that version is submitted; an unchanged form submits the saved draft; a Submit without the
/// form's content is refused with a message. Never the last saved version silently.
/// </summary>
[Collection(MeetingsDatabase.Name)]
public sealed class AssessmentSubmitPageTests(AppFixture app) : DatabaseTest(app)
{
    const string FormMarker = "data-assessment-form";

    public static TheoryData<string, string, string, string, string> Disciplines => new()
    {
        // email, form, field edited, its new value, where the stored content shows it
        { AppFixture.Neurosurgeon, "Neurosurgery", "Input.Rationale", "Edited-before-submitting.", "\"rationale\":\"Edited-before-submitting.\"" },
        { AppFixture.RadOnc, "RadiationOncology", "Input.TotalDoseGy", "24", "\"totalDoseGy\":24" },
        { AppFixture.MedOnc, "MedicalOncology", "Input.Ecog", "2", "\"ecog\":2" },
    };

    static AssessmentContent Content(string form) => form switch
    {
        "Neurosurgery" => Neurosurgery(),
        "RadiationOncology" => RadiationOncology(),
        _ => MedicalOncology(),
    };

    static Discipline DisciplineOf(string form) => Enum.Parse<Discipline>(form);

    async Task<(Guid CaseId, HttpClient Client, List<KeyValuePair<string, string>> Fields)> DraftShownAsync(string email, string form)
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        await app.Send(email, Draft(caseId, Content(form)));
        var client = await PageClient.SignedInAsync(app, email);
        var fields = FormScrape.Fields(await client.GetStringAsync($"/Cases/{caseId}/Assessments/{form}"), FormMarker);
        return (caseId, client, fields);
    }

    [Theory]
    [MemberData(nameof(Disciplines))]
    public async Task Submit_saves_the_edit_on_the_form_as_one_version_and_submits_it(string email, string form, string field,
        string value, string stored)
    {
        var (caseId, client, fields) = await DraftShownAsync(email, form);
        using var response = await client.PostAsync($"/Cases/{caseId}/Assessments/{form}?handler=Submit",
            new FormUrlEncodedContent(fields.With(field, value)));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());

        var current = await app.Send(email, new GetAssessmentVersion.Query(caseId, DisciplineOf(form)));
        current.Status.ShouldBe(AssessmentStatus.Submitted);
        current.Number.ShouldBe(3);   // the saved draft, the edit as draft 2, the submission of draft 2
        current.Content.GetRawText().Replace(" ", "").ShouldContain(stored);
        var previous = await app.Send(email, new GetAssessmentVersion.Query(caseId, DisciplineOf(form), 2));
        previous.Content.GetRawText().Replace(" ", "").ShouldContain(stored);
    }

    [Theory]
    [MemberData(nameof(Disciplines))]
    public async Task Submit_of_an_unchanged_form_submits_the_saved_draft_without_another_version(string email, string form,
        string field, string value, string stored)
    {
        _ = (field, value, stored);
        var (caseId, client, fields) = await DraftShownAsync(email, form);
        using var response = await client.PostAsync($"/Cases/{caseId}/Assessments/{form}?handler=Submit", new FormUrlEncodedContent(fields));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());

        var current = await app.Send(email, new GetAssessmentVersion.Query(caseId, DisciplineOf(form)));
        current.Status.ShouldBe(AssessmentStatus.Submitted);
        current.Number.ShouldBe(2);
    }

    [Fact]
    public async Task Submit_without_the_form_content_is_refused_with_a_message_and_submits_nothing()
    {
        var (caseId, client, fields) = await DraftShownAsync(AppFixture.Neurosurgeon, "Neurosurgery");
        var bare = fields.Where(f => !f.Key.StartsWith("Input.", StringComparison.Ordinal)).ToList();
        using var response = await client.PostAsync($"/Cases/{caseId}/Assessments/Neurosurgery?handler=Submit", new FormUrlEncodedContent(bare));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).ShouldContain("nothing was submitted");
        var current = await app.Send(AppFixture.Neurosurgeon, new GetAssessmentVersion.Query(caseId, Discipline.Neurosurgery));
        current.Status.ShouldBe(AssessmentStatus.Draft);
        current.Number.ShouldBe(1);
    }

    [Fact]
    public async Task Submit_of_an_edit_that_is_incomplete_keeps_the_edit_as_a_draft_and_says_so()
    {
        var (caseId, client, fields) = await DraftShownAsync(AppFixture.Neurosurgeon, "Neurosurgery");
        using var response = await client.PostAsync($"/Cases/{caseId}/Assessments/Neurosurgery?handler=Submit",
            new FormUrlEncodedContent(fields.With("Input.Recommendation", "").With("Input.Rationale", "Kept, not submitted.")));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("Your changes were saved as draft version 2; it was not submitted.");
        var current = await app.Send(AppFixture.Neurosurgeon, new GetAssessmentVersion.Query(caseId, Discipline.Neurosurgery));
        current.Status.ShouldBe(AssessmentStatus.Draft);
        current.Number.ShouldBe(2);
        current.Content.GetRawText().ShouldContain("Kept, not submitted.");
        // The redisplayed form carries the new version, so saving it again is not refused as stale.
        html.ShouldContain($"name=\"Version\" value=\"{(await app.QueryDbAsync(db => db.Assessments.SingleAsync(a => a.CaseId == caseId))).Version}\"");
    }
}
