using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.BrowserTests;

/// <summary>axe-core over every page so far: no serious or critical violation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    public static TheoryData<string, string> Pages => new()
    {
        { AppFixture.Coordinator, "/" },
        { AppFixture.Coordinator, "/Cases" },
        { AppFixture.Coordinator, "/Cases/Register" },
        { AppFixture.Coordinator, "/Patients" },
        { AppFixture.Coordinator, "/Patients/Register" },
        { AppFixture.Clinician, "/Cases" },
        { AppFixture.Admin, "/" },
        { AppFixture.Admin, "/Admin/Accounts" },
        { AppFixture.Admin, "/Admin/Accounts/Create" },
        { AppFixture.Admin, "/Admin/Audit" },
        { AppFixture.Clinician, "/Account/Manage/ChangePassword" },
        { AppFixture.Neurosurgeon, "/Scores" },
        { AppFixture.Neurosurgeon, "/Scores/Sins?Input.Level=T11&Input.Pain=Mechanical&Input.BoneLesion=Lytic" },
        { AppFixture.MedOnc, "/Scores/Tokuhashi" },
        { AppFixture.MedOnc, "/Scores/Tomita" },
        { AppFixture.RadOnc, "/Scores/Escc" },
        { AppFixture.RadOnc, "/Scores/Noms" },
        { AppFixture.Clinician, "/Scores/PerformanceStatus" },
        { AppFixture.Coordinator, "/Meetings" },
        { AppFixture.Coordinator, "/Meetings/Plan" },
        { AppFixture.Clinician, "/Meetings?Past=true" },
        { AppFixture.Coordinator, "/Analytics" },
        { AppFixture.RadOnc, "/Analytics?From=2020-01-01&To=2027-12-31&Versions=All" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_page_has_no_serious_accessibility_violations(string email, string path)
    {
        var page = await browser.SignedInPageAsync(email, bypassCsp: true);
        var response = await page.GotoAsync(path);
        response!.Status.ShouldBeLessThan(400, $"{path} answered {response.Status}");
        await AssertAccessibleAsync(page, path);
    }

    [Fact]
    public async Task The_sign_in_page_and_a_case_with_its_edit_form_have_no_serious_accessibility_violations()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseUrl, BypassCSP = true });
        var anonymous = await context.NewPageAsync();
        await anonymous.GotoAsync("/Account/SignIn");
        await AssertAccessibleAsync(anonymous, "/Account/SignIn");

        var page = await browser.SignedInPageAsync(AppFixture.Coordinator, bypassCsp: true);
        await page.GotoAsync("/Patients/Register?ThenCase=true");
        await page.GetByLabel("Medical record number").FillAsync("AX-" + Guid.NewGuid().ToString("N")[..6]);
        await page.GetByLabel("Family name").FillAsync("Axe");
        await page.GetByLabel("Given name").FillAsync("Ada");
        await page.GetByLabel("Date of birth").FillAsync("1970-01-01");
        await page.GetByLabel("Sex").SelectOptionAsync("Unknown");
        await BrowserFixture.SubmitAndExpectAsync(page, "Register patient", @"/Cases/Register\?patientId=");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register case" }).ClickAsync();   // errors shown
        await AssertAccessibleAsync(page, "case form with errors");

        await page.GetByLabel("Histology", new() { Exact = true }).SelectOptionAsync("Prostate");
        await page.GetByLabel("Urgency", new() { Exact = true }).SelectOptionAsync("Routine");
        await page.GetByLabel("Clinical question for the board").FillAsync("Dose?");
        await BrowserFixture.SubmitAndExpectAsync(page, "Register case", "/Cases/Details/");
        await AssertAccessibleAsync(page, "case details");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit case" }).ClickAsync();
        await AssertAccessibleAsync(page, "case edit");
        await page.GotoAsync(page.Url.Replace("/Cases/Edit/", "/Cases/Details/"));
        await page.Locator("a[href^='/Patients/Details/']").First.ClickAsync();
        await AssertAccessibleAsync(page, "patient details");
    }

    internal static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        serious.ShouldBeEmpty($"{what}: {string.Join("\n", serious)}");
    }
}
