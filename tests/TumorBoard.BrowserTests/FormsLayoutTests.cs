using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Clinical;
using TumorBoard.IntegrationTests.Assessments;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.BrowserTests;

/// <summary>
/// Issue #17 items 12 and 16 in a real browser: the unsaved-changes question, and the layout defects a bounding box can
/// check (values inside their card, a checkbox next to its label, a chosen level visible in its list).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FormsLayoutTests(BrowserFixture browser)
{
    async Task<T> SendAsync<T>(string email, Mediator.ICommand<T> command)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        var principal = await signIn.CreateUserPrincipalAsync((await users.FindByEmailAsync(email))!);
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext =
            new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = principal };
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    [Fact]
    public async Task Leaving_an_edit_form_with_unsaved_changes_asks_first_and_an_untouched_or_sent_form_does_not()
    {
        var page = await browser.SignedInPageAsync(AppFixture.Coordinator);
        var asked = new List<string>();
        page.Dialog += async (_, dialog) => { asked.Add(dialog.Type); await dialog.AcceptAsync(); };
        var patients = page.Locator("nav[aria-label=Main]").GetByRole(AriaRole.Link, new() { Name = "Patients", Exact = true });

        await page.GotoAsync("/Patients/Register");
        await patients.ClickAsync();
        await page.WaitForURLAsync(browser.BaseUrl + "/Patients");
        asked.ShouldBeEmpty();

        await page.GotoAsync("/Patients/Register");
        await page.GetByLabel("Family name").FillAsync("Keller");
        await patients.ClickAsync();
        await page.WaitForURLAsync(browser.BaseUrl + "/Patients");
        asked.ShouldBe(["beforeunload"]);

        asked.Clear();
        await page.GotoAsync("/Patients/Register");
        await page.GetByLabel("Medical record number").FillAsync($"LEAVE-{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}");
        await page.GetByLabel("Family name").FillAsync("Keller");
        await page.GetByLabel("Given name").FillAsync("Anna");
        await page.GetByLabel("Date of birth").FillAsync("1961-04-12");
        await page.GetByLabel("Sex").SelectOptionAsync("Female");
        await page.Locator("form[data-unsaved] button[type=submit]").First.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Patients/Details/"));
        asked.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_value_of_the_case_page_cards_stays_inside_its_card()
    {
        var patientId = (await SendAsync(AppFixture.Coordinator, TestData.Patient())).Id;
        var caseId = (await SendAsync(AppFixture.Coordinator, TestData.Case(patientId) with
        {
            VisceralMetastases = VisceralMetastases.Removable, CurrentSystemicTherapy = "Pembrolizumab + axitinib",
        })).Id;
        var page = await browser.SignedInPageAsync(AppFixture.Coordinator);
        await page.GotoAsync($"/Cases/Details/{caseId}");
        var outside = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('section.panel dl.facts dd')].filter(dd => {
                const card = dd.closest('section.panel').getBoundingClientRect();
                const r = dd.getBoundingClientRect();
                return r.right > card.right + 0.5 || dd.scrollWidth > dd.clientWidth + 1;
            }).map(dd => dd.previousElementSibling.textContent + ': ' + dd.textContent.trim())
            """);
        outside.ShouldBeEmpty();
        (await page.Locator("dd", new() { HasText = "Removable" }).IsVisibleAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task The_filter_checkbox_sits_next_to_its_label()
    {
        var page = await browser.SignedInPageAsync(AppFixture.Clinician);
        await page.GotoAsync("/FollowUps/Mine");
        var box = (await page.Locator("#IncludeCompleted").BoundingBoxAsync()).ShouldNotBeNull();
        var label = (await page.Locator("label[for=IncludeCompleted]").BoundingBoxAsync()).ShouldNotBeNull();
        (label.X - (box.X + box.Width)).ShouldBeInRange(0, 12);
    }

    [Fact]
    public async Task A_list_of_levels_opens_with_the_chosen_level_in_view()
    {
        var patientId = (await SendAsync(AppFixture.Coordinator, TestData.Patient())).Id;
        var caseId = (await SendAsync(AppFixture.Coordinator, TestData.Case(patientId))).Id;
        await SendAsync(AppFixture.Neurosurgeon, AssessmentTestData.Draft(caseId, AssessmentTestData.Neurosurgery()));   // targets T5
        var page = await browser.SignedInPageAsync(AppFixture.Neurosurgeon);
        await page.GotoAsync($"/Cases/{caseId}/Assessments/Neurosurgery");
        var list = page.Locator("select[name='Input.TargetLevels']");
        (await list.InputValueAsync()).ShouldBe("T5");
        var inView = await list.EvaluateAsync<bool>("""
            list => {
                const chosen = list.selectedOptions[0], box = list.getBoundingClientRect();
                const row = list.scrollHeight / list.options.length, top = chosen.index * row - list.scrollTop;
                return top >= 0 && top + row <= box.height + 0.5;
            }
            """);
        inView.ShouldBeTrue();
    }
}
