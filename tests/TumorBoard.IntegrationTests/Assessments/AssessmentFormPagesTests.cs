using System.Net;
using System.Text.RegularExpressions;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;
using static TumorBoard.IntegrationTests.Assessments.AssessmentTestData;

namespace TumorBoard.IntegrationTests.Assessments;

/// <summary>The assessment forms post the same commands as the API: antiforgery, ModelState under the fields, the guard.</summary>
[Collection(MeetingsDatabase.Name)]
public sealed partial class AssessmentFormPagesTests(AppFixture app) : DatabaseTest(app)
{
    static string Path(Guid caseId, string form) => $"/Cases/{caseId}/Assessments/{form}";

    /// <summary>T5 semirigid 1 + mechanical 3 + lytic 2 + normal 0 + &lt;50% 2 + unilateral 1 = SINS 9.</summary>
    static Dictionary<string, string> NeurosurgeryFields() => new()
    {
        ["Input.Lesions[0].IndexLevel"] = "T5", ["Input.Lesions[0].Pain"] = "Mechanical", ["Input.Lesions[0].BoneLesion"] = "Lytic",
        ["Input.Lesions[0].Alignment"] = "Normal", ["Input.Lesions[0].Collapse"] = "LessThan50Percent",
        ["Input.Lesions[0].Posterolateral"] = "Unilateral", ["Input.Lesions[0].Escc"] = "2", ["Input.Lesions[0].GrossInstability"] = "false",
        ["Input.Lesions[1].IndexLevel"] = "", ["Input.Frankel"] = "D", ["Input.Myelopathy"] = "true", ["Input.Course"] = "Stable",
        ["Input.FitForOpenSurgery"] = "Yes", ["Input.Recommendation"] = "SeparationSurgery", ["Input.TargetLevels"] = "T5",
    };

    /// <summary>GETs the form (antiforgery token, hidden version), then POSTs the fields to the handler.</summary>
    static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        fields["__RequestVerificationToken"] = PageClient.AntiforgeryToken(page);
        if (VersionInput().Match(page) is { Success: true } v) fields.TryAdd("Version", v.Groups[1].Value);
        return await client.PostAsync($"{path}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    static string? MessageFor(string html, string field) =>
        Regex.Match(html, $"data-valmsg-for=\"{Regex.Escape(field)}\"[^>]*>([^<]*)<") is { Success: true } m ? m.Groups[1].Value : null;

    [Fact]
    public async Task A_neurosurgeon_saves_a_draft_through_the_page_and_the_stored_version_has_the_computed_SINS()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        using var client = await PageClient.SignedInAsync(app, AppFixture.Neurosurgeon);

        using var live = await client.GetAsync(Path(caseId, "Neurosurgery") +
            "?handler=Sins&Level=T5&Pain=Mechanical&BoneLesion=Lytic&Alignment=Normal&Collapse=LessThan50Percent&Posterolateral=Unilateral");
        (await live.Content.ReadAsStringAsync()).ShouldContain("<strong data-total>9</strong>");

        using var saved = await PostAsync(client, Path(caseId, "Neurosurgery"), "Save", NeurosurgeryFields());
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());

        var stored = await app.Send(AppFixture.Neurosurgeon, new GetAssessmentVersion.Query(caseId, Discipline.Neurosurgery));
        stored.Number.ShouldBe(1);
        var sins = stored.Computed.GetProperty("scores").GetProperty("lesions")[0].GetProperty("sins");
        sins.GetProperty("total").GetInt32().ShouldBe(9);
        stored.Content.GetProperty("lesions").GetArrayLength().ShouldBe(1);   // the blank spare row is not a lesion

        var page = await client.GetStringAsync(Path(caseId, "Neurosurgery"));
        page.ShouldContain("Draft v1");
        page.ShouldContain("<strong data-total>9</strong>");
        page.ShouldContain("Submit");
    }

    [Fact]
    public async Task A_radiation_oncologist_posting_the_neurosurgery_form_gets_403()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        using var client = await PageClient.SignedInAsync(app, AppFixture.RadOnc);
        using var response = await PostAsync(client, Path(caseId, "Neurosurgery"), "Save", NeurosurgeryFields());
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_dose_of_70_Gy_shows_the_message_under_the_dose_field()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        using var client = await PageClient.SignedInAsync(app, AppFixture.RadOnc);
        using var response = await PostAsync(client, Path(caseId, "RadiationOncology"), "Save", new()
        {
            ["Input.Recommendation"] = "ConventionalEbrt", ["Input.TotalDoseGy"] = "70", ["Input.Fractions"] = "10",
            ["Input.TargetLevels"] = "T11",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        MessageFor(html, "Input.TotalDoseGy").ShouldBe("The total dose is 1 to 60 Gy.");
        html.ShouldContain("value=\"70\"");
    }

    [Fact]
    public async Task Revising_without_a_reason_shows_a_message_under_the_reason()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        await app.Send(AppFixture.Neurosurgeon, Draft(caseId, Neurosurgery()));
        await app.Send(AppFixture.Neurosurgeon, new SubmitAssessment.Command(caseId, Discipline.Neurosurgery));
        using var client = await PageClient.SignedInAsync(app, AppFixture.Neurosurgeon);

        var fields = NeurosurgeryFields();
        fields["Input.Reason"] = "";
        using var response = await PostAsync(client, Path(caseId, "Neurosurgery"), "Revise", fields);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        MessageFor(await response.Content.ReadAsStringAsync(), "Input.Reason")
            .ShouldBe("Give the reason for revising the submitted assessment.");

        fields = NeurosurgeryFields();
        fields["Input.Reason"] = "Pain is now mechanical";
        using var revised = await PostAsync(client, Path(caseId, "Neurosurgery"), "Revise", fields);
        revised.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.Send(AppFixture.Neurosurgeon, new GetAssessmentVersion.Query(caseId, Discipline.Neurosurgery))).Reason
            .ShouldBe("Pain is now mechanical");
    }

    [GeneratedRegex("name=\"Version\"[^>]*value=\"(\\d+)\"")]
    private static partial Regex VersionInput();
}
