using System.Net;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Scores;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;
using static TumorBoard.IntegrationTests.Assessments.AssessmentTestData;

namespace TumorBoard.IntegrationTests.Assessments;

/// <summary>The read-only assessment pages through the cookie page client: side by side, history, case page, roles.</summary>
[Collection(MeetingsDatabase.Name)]
public sealed class AssessmentViewPagesTests(AppFixture app) : DatabaseTest(app)
{
    [Fact]
    public async Task The_side_by_side_page_shows_the_submitted_assessments_their_disagreement_and_the_NOMS_suggestion()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        await SubmitAsync(app, AppFixture.Neurosurgeon, Neurosurgery(), caseId);
        await SubmitAsync(app, AppFixture.RadOnc, SrsWithoutSurgery(), caseId);
        await app.Send(AppFixture.MedOnc, Draft(caseId, MedicalOncology()));   // a draft only
        var client = await PageClient.SignedInAsync(app, AppFixture.Clinician);

        var page = await client.GetStringAsync($"/Cases/{caseId}/Assessments");
        page.ShouldContain("Not submitted yet.");
        page.ShouldContain("A draft (version 1) is saved by");
        page.ShouldContain("Not submitted yet: Medical oncology.");

        await app.Send(AppFixture.MedOnc, new SubmitAssessment.Command(caseId, Discipline.MedicalOncology));
        page = await client.GetStringAsync($"/Cases/{caseId}/Assessments");

        page.ShouldNotContain("Not submitted yet");
        foreach (var slug in new[] { "neurosurgery", "radiation-oncology", "medical-oncology" })
            page.ShouldContain($"id=\"assessment-{slug}\"");
        page.ShouldContain("separation surgery");
        page.ShouldContain("SINS 9 (Potentially unstable); ESCC 2 (high grade)");
        page.ShouldContain("27 Gy in 3 fractions");
        page.ShouldContain("Tokuhashi (revised)");
        page.ShouldContain("High-grade ESCC.");
        page.ShouldContain("Disagreements to discuss");
        page.ShouldContain(SrsVersusSeparationSurgery);
        page.ShouldContain("NOMS suggestion (advisory)");
        page.ShouldContain($"data-noms=\"radiation\">{DisplayWords.Code(NomsCodes.SeparationSurgeryThenSrs)}<");
        page.ShouldContain("Rationale and sources");
    }

    [Fact]
    public async Task The_history_page_lists_every_version_and_what_changed()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        var v1 = await app.Send(AppFixture.Neurosurgeon, Draft(caseId, Neurosurgery() with { Frankel = null }));
        await app.Send(AppFixture.Neurosurgeon, Draft(caseId, Neurosurgery(), v1.Version));
        var v3 = await app.Send(AppFixture.Neurosurgeon, new SubmitAssessment.Command(caseId, Discipline.Neurosurgery));
        await app.Send(AppFixture.Neurosurgeon, Revision(caseId, Neurosurgery() with { Rationale = "Cord compression progressed." }, "New MRI", v3.Version));
        var client = await PageClient.SignedInAsync(app, AppFixture.Clinician);
        var path = $"/Cases/{caseId}/Assessments/neurosurgery/History";

        var page = await client.GetStringAsync(path);
        for (var n = 1; n <= 4; n++) page.ShouldContain($"data-version=\"{n}\"");
        page.ShouldContain("Submission");
        page.ShouldContain("Revision");
        page.ShouldContain("New MRI");
        page.ShouldContain("Version 3 → version 4: 1 field changed.");
        page.ShouldContain("<code>rationale</code>");
        page.ShouldContain("Cord compression progressed.");

        page = await client.GetStringAsync(path + "?From=1&To=2");
        page.ShouldContain("Version 1 → version 2: 1 field changed.");
        page.ShouldContain("<code>frankel</code>");
        page.ShouldContain("<option value=\"1\" selected=\"selected\">1</option>");

        (await client.GetAsync($"/Cases/{caseId}/Assessments/cardiology/History")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/Cases/{caseId}/Assessments/medical-oncology/History")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_case_page_shows_the_NOMS_panel_and_links_to_the_side_by_side_view()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        await SubmitAsync(app, AppFixture.Neurosurgeon, Neurosurgery(), caseId);
        var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);

        var page = await client.GetStringAsync($"/Cases/Details/{caseId}");

        page.ShouldContain("NOMS suggestion (advisory)");
        page.ShouldContain("Not submitted yet: Radiation oncology, Medical oncology.");
        page.ShouldContain($"href=\"/Cases/{caseId}/Assessments\"");
        page.IndexOf("id=\"noms-suggestion\"").ShouldBeGreaterThan(page.IndexOf("Spinal lesions"));
    }

    [Theory]
    [InlineData(AppFixture.Clinician, HttpStatusCode.OK)]
    [InlineData(AppFixture.RadOnc, HttpStatusCode.OK)]
    [InlineData(AppFixture.Admin, HttpStatusCode.Forbidden)]
    public async Task Clinical_staff_read_the_assessment_pages_and_an_administrator_does_not(string email, HttpStatusCode expected)
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        await app.Send(AppFixture.Neurosurgeon, Draft(caseId, Neurosurgery()));
        var client = await PageClient.SignedInAsync(app, email);

        foreach (var path in new[] { $"/Cases/{caseId}/Assessments", $"/Cases/{caseId}/Assessments/neurosurgery/History", $"/Cases/Details/{caseId}" })
            (await client.GetAsync(path)).StatusCode.ShouldBe(expected, path);
    }
}
