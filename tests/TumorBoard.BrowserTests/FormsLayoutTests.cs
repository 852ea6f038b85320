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
using TumorBoard.IntegrationTests.Decisions;
using TumorBoard.IntegrationTests.Meetings;
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

    /// <summary>Every option of a shown select fits the select's text box (its width less padding and the arrow): none cut off.</summary>
    const string CutOptions = """
        sel => {
            if (!sel.offsetWidth) return [];   // a spare row kept hidden by form-rows.js until "Add a step"
            const c = document.createElement('canvas').getContext('2d'), st = getComputedStyle(sel);
            c.font = `${st.fontStyle} ${st.fontWeight} ${st.fontSize} ${st.fontFamily}`;
            const room = sel.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight) - 20;
            return [...sel.options].filter(o => c.measureText(o.text).width > room).map(o => o.text);
        }
        """;

    /// <summary>What sticks out of its table cell: a child past the cell's edges, or a cell whose content is wider than it.</summary>
    const string Overflowing = """
        table => [...table.querySelectorAll('td')].flatMap(td => {
            const cell = td.getBoundingClientRect();
            const out = [...td.querySelectorAll('*')].filter(e => {
                const r = e.getBoundingClientRect();
                return r.width > 0 && (r.left < cell.left - 0.5 || r.right > cell.right + 0.5 || e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0);
            }).map(e => td.dataset.label + ': ' + e.textContent.trim());
            return td.scrollWidth > td.clientWidth + 1 ? [...out, td.dataset.label + ' (cell)'] : out;
        })
        """;

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(1920, 1080)]
    public async Task The_dashboard_badges_and_the_step_timing_choices_fit_at_common_widths(int width, int height)
    {
        var app = AppFixture.Over(browser.App);
        await MeetingTestData.ReadyCaseAsync(app, c => c with
        {
            ClinicalQuestion = "Urgent decompression and stabilisation of T11 with postoperative SBRT, or radiotherapy alone given the myelopathy?",
        });
        var board = await DecisionTestData.BoardAsync(app);
        var page = await browser.SignedInPageAsync(AppFixture.Coordinator);
        await page.SetViewportSizeAsync(width, height);

        await page.GotoAsync("/Dashboard");
        var ready = page.Locator("#ready-cases");
        await ready.WaitForAsync();
        (await ready.Locator("td[data-label='Urgency'] .badge.urgent").CountAsync()).ShouldBeGreaterThan(0);
        (await ready.EvaluateAsync<string[]>(Overflowing)).ShouldBeEmpty($"at {width} px");
        var warn = ready.Locator(".badge.warn");
        if (await warn.CountAsync() > 0)   // no planned meeting with room left by another test of the run
        {
            var cell = (await warn.First.Locator("xpath=ancestor::td[1]").BoundingBoxAsync()).ShouldNotBeNull();
            var badge = (await warn.First.BoundingBoxAsync()).ShouldNotBeNull();
            ((double)(badge.X + badge.Width)).ShouldBeLessThanOrEqualTo(cell.X + cell.Width + 0.5, $"the badge inside its cell at {width} px");
        }

        await page.GotoAsync($"/Meetings/{board.MeetingId}/Decide/{board.ItemId}");
        var timings = page.Locator("select[name$='.Timing']");
        (await timings.CountAsync()).ShouldBeGreaterThan(0);
        for (var i = 0; i < await timings.CountAsync(); i++)
        {
            (await timings.Nth(i).EvaluateAsync<string[]>(CutOptions)).ShouldBeEmpty($"step row {i + 1} at {width} px");
            var kind = page.Locator("select[name$='.Kind']").Nth(i);
            (await kind.EvaluateAsync<string[]>(CutOptions)).ShouldBeEmpty($"kind of step {i + 1} at {width} px");
        }
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"tumorboard-decision-form-{width}.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
