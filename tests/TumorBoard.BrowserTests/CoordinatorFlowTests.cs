using Microsoft.Playwright;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class CoordinatorFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_coordinator_registers_a_patient_and_a_case_and_finds_it_in_the_list()
    {
        var page = await browser.SignedInPageAsync(AppFixture.Coordinator);
        var mrn = "BR-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

        await page.GetByRole(AriaRole.Link, new() { Name = "Register case", Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Register a new patient" }).ClickAsync();
        await page.GetByLabel("Medical record number").FillAsync(mrn);
        await page.GetByLabel("Family name").FillAsync("Playwright");
        await page.GetByLabel("Given name").FillAsync("Paula");
        await page.GetByLabel("Date of birth").FillAsync("1958-03-14");
        await page.GetByLabel("Sex").SelectOptionAsync("Female");
        await BrowserFixture.SubmitAndExpectAsync(page, "Register patient", @"/Cases/Register\?patientId=");

        // The case form opens for the new patient; a missing question shows a message under the field.
        await page.GetByLabel("Histology", new() { Exact = true }).SelectOptionAsync("Breast");
        await page.GetByLabel("Urgency", new() { Exact = true }).SelectOptionAsync("Urgent");
        await page.Locator("#Input_Lesions_0__LevelFrom").SelectOptionAsync("T11");
        await page.Locator("#Input_Lesions_0__ImagingDate").FillAsync(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"));
        await page.GetByLabel("Vertebral body").First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Register case" }).ClickAsync();
        (await page.Locator("[data-valmsg-for='Input.ClinicalQuestion']").InnerTextAsync()).ShouldContain("clinical question");

        await page.GetByLabel("Clinical question for the board").FillAsync("Stabilisation or radiotherapy alone?");
        await BrowserFixture.SubmitAndExpectAsync(page, "Register case", "/Cases/Details/");
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("Playwright, Paula");

        await page.GotoAsync("/Cases?Text=" + mrn);
        var rows = page.Locator("#case-list tbody tr");
        (await rows.CountAsync()).ShouldBe(1);
        (await rows.First.InnerTextAsync()).ShouldContain("Urgent");
        (await rows.First.InnerTextAsync()).ShouldContain("T11");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "tumorboard-case-list.png"), FullPage = true });
    }

    [Fact]
    public async Task A_clinician_sees_no_register_action_and_is_refused_a_direct_post()
    {
        var page = await browser.SignedInPageAsync(AppFixture.Clinician);
        await page.GotoAsync("/Cases");
        (await page.GetByRole(AriaRole.Link, new() { Name = "Register case" }).CountAsync()).ShouldBe(0);

        var response = await page.APIRequest.PostAsync("/Cases/Register", new() { Form = page.APIRequest.CreateFormData().Set("Input.ClinicalQuestion", "x") });
        response.Status.ShouldBe(403);
        var get = await page.GotoAsync("/Cases/Register");
        get!.Status.ShouldBe(403);
    }
}
