using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Persistence;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class MeetingFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_coordinator_plans_a_meeting_schedules_two_cases_reorders_them_and_records_a_quorum()
    {
        var page = await browser.SignedInPageAsync(AppFixture.Coordinator, bypassCsp: true);   // axe needs its script
        var title = "Board " + Guid.NewGuid().ToString("N")[..6];

        await page.GetByRole(AriaRole.Link, new() { Name = "Meetings", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Plan a meeting" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync(DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd"));
        await page.GetByLabel("Time", new() { Exact = true }).FillAsync("16:00");
        await page.GetByLabel("Location").FillAsync("Room 4.12");
        await page.GetByLabel("Chair").SelectOptionAsync(new SelectOptionValue { Label = "Dr. Nora Neurosurg (Neurosurgery)" });
        await BrowserFixture.SubmitAndExpectAsync(page, "Plan meeting", "/Meetings/Details/");
        (await page.Locator("h1").InnerTextAsync()).ShouldContain(title);

        var first = await ReadyCaseAsync();
        var second = await ReadyCaseAsync();
        foreach (var caseId in new[] { first.CaseId, second.CaseId })
        {
            await page.ReloadAsync();
            await page.GetByLabel("Case ready for the board").SelectOptionAsync(caseId.ToString());
            await page.GetByRole(AriaRole.Button, new() { Name = "Add to agenda" }).ClickAsync();
            await page.Locator(".flash").WaitForAsync();
        }
        (await AgendaOrderAsync(page)).ShouldBe([first.Mrn, second.Mrn]);
        await AccessibilityTests.AssertAccessibleAsync(page, "meeting details with an agenda");

        await page.GetByRole(AriaRole.Button, new() { Name = "Down " + first.Mrn }).ClickAsync();
        await page.Locator(".flash", new() { HasText = "Agenda order changed." }).WaitForAsync();
        (await AgendaOrderAsync(page)).ShouldBe([second.Mrn, first.Mrn]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Up " + first.Mrn }).ClickAsync();
        await page.Locator(".flash", new() { HasText = "Agenda order changed." }).WaitForAsync();
        (await AgendaOrderAsync(page)).ShouldBe([first.Mrn, second.Mrn]);

        (await page.Locator("#quorum").InnerTextAsync()).ShouldContain("Missing: Medical oncology, Radiation oncology, Neurosurgery");
        await page.GetByLabel("Dr. Maya Medonc (Medical oncology)").CheckAsync();
        await page.GetByLabel("Dr. Rafael Radonc (Radiation oncology)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record attendance" }).ClickAsync();
        await page.Locator(".flash", new() { HasText = "Attendance recorded." }).WaitForAsync();
        (await page.Locator("#quorum").InnerTextAsync()).ShouldContain("Missing: Neurosurgery");
        await page.GetByLabel("Dr. Nora Neurosurg (Neurosurgery)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record attendance" }).ClickAsync();
        await page.Locator("#quorum", new() { HasText = "Quorum present" }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "tumorboard-meeting.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Printable agenda" }).ClickAsync();
        var agenda = await page.Locator("table.agenda-print").InnerTextAsync();
        agenda.ShouldContain(first.Mrn);
        agenda.ShouldNotContain("Muster");   // no full names on the printed agenda
        await AccessibilityTests.AssertAccessibleAsync(page, "printable agenda");
    }

    static async Task<string[]> AgendaOrderAsync(IPage page) =>
        (await page.Locator("#agenda tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.mrn)"));

    /// <summary>A ReadyForBoard case created through the use cases as the coordinator (the case pages have their own test).</summary>
    async Task<(Guid CaseId, string Mrn)> ReadyCaseAsync()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        var principal = await signIn.CreateUserPrincipalAsync((await users.FindByEmailAsync(AppFixture.Coordinator))!);
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext =
            new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = principal };
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var patient = TestData.Patient();
        var patientId = (await sender.Send(patient)).Id;
        var caseId = (await sender.Send(TestData.Case(patientId))).Id;
        await sender.Send(new MarkCaseReady.Command(caseId));
        return (caseId, patient.Mrn);
    }
}
