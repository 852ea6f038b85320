using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Assessments;

[Collection(MeetingsDatabase.Name)]
public sealed class AssessmentFormNomsTests(AppFixture app) : DatabaseTest(app)
{
    [Theory]
    [InlineData(AppFixture.Neurosurgeon, "Neurosurgery")]
    [InlineData(AppFixture.RadOnc, "RadiationOncology")]
    [InlineData(AppFixture.MedOnc, "MedicalOncology")]
    public async Task Every_assessment_form_shows_the_NOMS_suggestion_with_what_is_missing(string email, string form)
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        using var client = await PageClient.SignedInAsync(app, email);

        var html = await client.GetStringAsync($"/Cases/{caseId}/Assessments/{form}");

        html.ShouldContain("id=\"noms-suggestion\"");
        html.ShouldContain("NOMS suggestion (advisory)");
    }
}
