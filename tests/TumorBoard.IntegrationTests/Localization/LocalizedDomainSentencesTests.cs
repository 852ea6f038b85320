using System.Net;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;
using static TumorBoard.IntegrationTests.Assessments.AssessmentTestData;

namespace TumorBoard.IntegrationTests.Localization;

/// <summary>
/// The sentences the domain computes for pages (issue #15, section 1): the NOMS rationale on the side-by-side assessment
/// page reads in German for a German reader (the citation unchanged) and in today's English otherwise.
/// </summary>
[Collection(MeetingsDatabase.Name)]
public sealed class LocalizedDomainSentencesTests(AppFixture app) : DatabaseTest(app)
{
    [Fact]
    public async Task The_assessment_page_shows_the_NOMS_rationale_in_german_for_a_german_reader()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        await SubmitAsync(app, AppFixture.Neurosurgeon, Neurosurgery(), caseId);
        await SubmitAsync(app, AppFixture.RadOnc, SrsWithoutSurgery(), caseId);
        await app.Send(AppFixture.MedOnc, Draft(caseId, MedicalOncology()));
        await app.Send(AppFixture.MedOnc, new SubmitAssessment.Command(caseId, Discipline.MedicalOncology));
        var client = await PageClient.SignedInAsync(app, AppFixture.Clinician);

        var german = WebUtility.HtmlDecode(await client.GetStringAsync($"/Cases/{caseId}/Assessments?culture=de-CH"));
        var english = WebUtility.HtmlDecode(await client.GetStringAsync($"/Cases/{caseId}/Assessments?culture=en"));

        german.ShouldContain("NOMS (Laufer et al., Oncologist 2013), Zeile A4: strahlenresistenter Tumor, hochgradige ESCC 2, operabel → Separationschirurgie, danach SRS.");
        german.ShouldContain("NOMS (Laufer et al., Oncologist 2013), Zeile B2: SINS 9 (potenziell instabil)");
        german.ShouldNotContain("row A4: radioresistant tumour");
        english.ShouldContain("NOMS (Laufer et al., Oncologist 2013), row A4: radioresistant tumour, high-grade ESCC 2, fit for surgery → separation surgery, then SRS.");
    }
}
