using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using System.Text.Json;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Clinical;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.BrowserTests;

/// <summary>
/// The forms with JavaScript (CSP on): live Tokuhashi, Tomita, SINS and the radiation oncology result with each
/// component's points next to its input before saving, and "Add row" / "Remove row" for the case's lesions and
/// radiotherapy courses and the neurosurgery assessment's lesions.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveFormsTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_medical_oncology_form_shows_Tokuhashi_and_Tomita_with_their_points_before_saving()
    {
        var caseId = await CaseAsync();   // breast primary: Tokuhashi site and Tomita growth pre-filled from the case
        var page = await browser.SignedInPageAsync(AppFixture.MedOnc);
        await page.GotoAsync($"/Cases/{caseId}/Assessments/MedicalOncology");
        var output = page.Locator("[data-prognosis-output]");

        await page.GetByLabel("Karnofsky (10–100, steps of 10)").FillAsync("90");
        await page.GetByLabel("Karnofsky (10–100, steps of 10)").DispatchEventAsync("change");
        // Karnofsky 90 -> 2, extraspinal 2 -> 1, vertebral body 2 -> 1, no visceral -> 2, breast -> 5, Frankel D -> 1 = 12.
        await Assertions.Expect(output.Locator("[data-tokuhashi]")).ToContainTextAsync("12 of 15");
        await Assertions.Expect(page.Locator("[data-points=GeneralCondition]")).ToHaveTextAsync("2 points");
        await Assertions.Expect(page.Locator("[data-points=PrimarySite]")).ToHaveTextAsync("5 points");
        // Tomita: slow growth 1 + no visceral 0 + multiple bone metastases 2 = 3.
        await Assertions.Expect(output.Locator("[data-tomita]")).ToContainTextAsync("3 of 10");
        await Assertions.Expect(page.Locator("[data-points=TomitaBoneMetastases]")).ToHaveTextAsync("2 points");

        await page.Locator("#Input_TomitaPrimaryGrowth").SelectOptionAsync("Rapid");
        await Assertions.Expect(output.Locator("[data-tomita]")).ToContainTextAsync("6 of 10");
        await Assertions.Expect(page.Locator("[data-points=TomitaPrimaryGrowth]")).ToHaveTextAsync("4 points");
        (await page.Locator(".assessment-state").InnerTextAsync()).ShouldContain("No assessment yet");   // nothing saved
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_neurosurgery_form_shows_each_SINS_component_s_points_and_the_ESCC_category()
    {
        var caseId = await CaseAsync();
        var page = await browser.SignedInPageAsync(AppFixture.Neurosurgeon);
        await page.GotoAsync($"/Cases/{caseId}/Assessments/Neurosurgery");
        var row = page.Locator("[data-sins-lesion]").First;

        await page.Locator("#Input_Lesions_0__Pain").SelectOptionAsync("Mechanical");
        await Assertions.Expect(row.Locator("[data-points=Pain]")).ToHaveTextAsync("3 points");
        await Assertions.Expect(row.Locator("[data-points=Location]")).ToHaveTextAsync("3 points");   // T11 junctional
        await page.Locator("#Input_Lesions_0__Collapse").SelectOptionAsync("LessThan50Percent");
        await Assertions.Expect(row.Locator("[data-points=Collapse]")).ToHaveTextAsync("2 points");
        await page.Locator("#Input_Lesions_0__Escc").SelectOptionAsync("1c");
        await Assertions.Expect(row.Locator("[data-points=Escc]")).ToHaveTextAsync("low grade");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Lesion_and_radiotherapy_rows_are_added_and_removed_without_a_round_trip()
    {
        var caseId = await CaseAsync();
        var page = await browser.SignedInPageAsync(AppFixture.Coordinator);
        await page.GotoAsync($"/Cases/Edit/{caseId}");
        var lesions = page.Locator("[data-rows=Lesions] > [data-row]:visible");
        (await lesions.CountAsync()).ShouldBe(2);   // the case's lesion and one blank row; no "More rows" submit
        (await page.Locator("[data-more-rows]:visible").CountAsync()).ShouldBe(0);

        var date = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd");
        await page.Locator("#Input_Lesions_1__LevelFrom").SelectOptionAsync("L2");
        await page.Locator("#Input_Lesions_1__ImagingDate").FillAsync(date);
        for (var i = 0; i < 3; i++) await page.GetByRole(AriaRole.Button, new() { Name = "Add a lesion row" }).ClickAsync();
        (await lesions.CountAsync()).ShouldBe(5);
        await page.Locator("#Input_Lesions_4__LevelFrom").SelectOptionAsync("C5");
        await page.Locator("#Input_Lesions_4__ImagingDate").FillAsync(date);
        await page.Locator("#Input_Lesions_3__LevelFrom").SelectOptionAsync("L4");   // then removed: rows renumber
        await page.Locator("#Input_Lesions_3__ImagingDate").FillAsync(date);
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove row 4" }).First.ClickAsync();
        (await lesions.CountAsync()).ShouldBe(4);
        (await page.Locator("#Input_Lesions_3__LevelFrom").InputValueAsync()).ShouldBe("C5");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add a radiotherapy course row" }).ClickAsync();
        await page.Locator("#Input_PriorRadiotherapy_0__LevelFrom").SelectOptionAsync("T11");
        await page.Locator("#Input_PriorRadiotherapy_0__TotalDoseGy").FillAsync("30");
        await page.Locator("#Input_PriorRadiotherapy_0__Fractions").FillAsync("10");
        await page.Locator("#Input_PriorRadiotherapy_0__EndDate").FillAsync(DateTime.UtcNow.AddYears(-1).ToString("yyyy-MM-dd"));
        await page.Locator("#Input_Lesions_2__LevelFrom").SelectOptionAsync("T2");
        await page.Locator("#Input_Lesions_2__ImagingDate").FillAsync(date);
        await BrowserFixture.SubmitAndExpectAsync(page, "Save case", $"/Cases/Details/{caseId}$");

        var stored = await CaseAsync(caseId);
        stored.Details.Lesions.Select(l => l.LevelFrom).ShouldBe([SpinalLevel.T11, SpinalLevel.L2, SpinalLevel.T2, SpinalLevel.C5]);
        stored.Details.PriorRadiotherapy.ShouldHaveSingleItem().TotalDoseGy.ShouldBe(30m);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_radiation_oncology_form_shows_dose_per_fraction_radiosensitivity_and_prior_courses_before_saving()
    {
        var caseId = await CaseAsync(c => c with
        {
            PriorRadiotherapy = [new RadiotherapyInput { LevelFrom = SpinalLevel.T11, LevelTo = SpinalLevel.T11, TotalDoseGy = 30, Fractions = 10,
                EndDate = DateOnly.FromDateTime(DateTime.UtcNow.AddYears(-1)) }],
        });
        var page = await browser.SignedInPageAsync(AppFixture.RadOnc);
        await page.GotoAsync($"/Cases/{caseId}/Assessments/RadiationOncology");
        var output = page.Locator("[data-radiotherapy-output]");

        await page.Locator("#Input_TotalDoseGy").FillAsync("20");
        await page.Locator("#Input_Fractions").FillAsync("5");
        await Assertions.Expect(page.Locator("[data-points=DosePerFraction]")).ToHaveTextAsync("4 Gy per fraction");
        await Assertions.Expect(page.Locator("[data-points=Radiosensitivity]")).ToHaveTextAsync("Sensitive (the table's class)");
        await Assertions.Expect(page.Locator("[data-points=PriorAtTargets]")).ToHaveTextAsync("prior radiotherapy here: T11 30 Gy in 10 fractions");
        await Assertions.Expect(output).ToContainTextAsync("check the cumulative dose to the spinal cord");

        await page.Locator("#Input_RadiosensitivityOverride").SelectOptionAsync("Resistant");
        await Assertions.Expect(page.Locator("[data-points=Radiosensitivity]")).ToHaveTextAsync("Resistant (your override)");
        await Assertions.Expect(output).ToContainTextAsync("Radiosensitivity: Resistant (your override)");
        await page.Locator("#Input_TargetLevels").SelectOptionAsync(["L3"]);
        await Assertions.Expect(page.Locator("[data-points=PriorAtTargets]")).ToHaveTextAsync("no prior radiotherapy at these levels");
        await page.Locator("#Input_Fractions").FillAsync("8");
        await Assertions.Expect(page.Locator("[data-points=DosePerFraction]")).ToHaveTextAsync("2.5 Gy per fraction");
        (await page.Locator(".assessment-state").InnerTextAsync()).ShouldContain("No assessment yet");   // nothing saved
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "tumorboard-radonc-live.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Neurosurgery_lesion_rows_are_added_and_removed_and_the_saved_version_has_exactly_those_rows()
    {
        var caseId = await CaseAsync();   // one lesion, T11-T12: one pre-filled row
        var page = await browser.SignedInPageAsync(AppFixture.Neurosurgeon);
        await page.GotoAsync($"/Cases/{caseId}/Assessments/Neurosurgery");
        var lesions = page.Locator("[data-rows=Lesions] > [data-row]:visible");
        (await lesions.CountAsync()).ShouldBe(2);   // the case's lesion and one blank row; no "More rows" submit
        (await page.Locator("[data-more-rows]:visible").CountAsync()).ShouldBe(0);

        await page.Locator("#Input_Lesions_1__IndexLevel").SelectOptionAsync("L2");
        await page.Locator("#Input_Lesions_1__Pain").SelectOptionAsync("Mechanical");
        await Assertions.Expect(lesions.Nth(1).Locator("[data-points=Pain]")).ToHaveTextAsync("3 points");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a lesion row" }).ClickAsync();
        (await lesions.CountAsync()).ShouldBe(3);
        (await lesions.Nth(2).Locator("[data-points=Pain]").InnerTextAsync()).ShouldBeEmpty();   // not the copied row's points
        await page.Locator("#Input_Lesions_2__IndexLevel").SelectOptionAsync("C5");
        await page.Locator("#Input_Lesions_2__Escc").SelectOptionAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove row 2" }).ClickAsync();   // the L2 row
        (await lesions.CountAsync()).ShouldBe(2);
        (await page.Locator("#Input_Lesions_1__IndexLevel").InputValueAsync()).ShouldBe("C5");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "tumorboard-neurosurgery-rows.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Draft version 1 saved.")).ToBeVisibleAsync();

        var stored = await AsCoordinatorAsync(async sender => await sender.Send(new GetAssessmentVersion.Query(caseId, Discipline.Neurosurgery)));
        var content = stored.Content.Deserialize<NeurosurgeryContent>(AssessmentJson.Options)!;
        content.Lesions.Select(l => l.IndexLevel).ShouldBe([SpinalLevel.T11, SpinalLevel.C5]);
        content.Lesions[1].Escc.ShouldBe("2");
        content.Lesions[1].Pain.ShouldBeNull();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_JavaScript_more_lesion_rows_keeps_the_typed_rows_and_the_saved_radiotherapy_result_stays()
    {
        var caseId = await CaseAsync();
        var page = await browser.SignedInPageAsync(AppFixture.Neurosurgeon, javaScript: false);
        await page.GotoAsync($"/Cases/{caseId}/Assessments/Neurosurgery");
        var lesions = page.Locator("[data-rows=Lesions] > [data-row]:visible");
        (await lesions.CountAsync()).ShouldBe(2);
        (await page.GetByRole(AriaRole.Button, new() { Name = "Add a lesion row" }).CountAsync()).ShouldBe(0);
        await page.Locator("#Input_Lesions_1__IndexLevel").SelectOptionAsync("L2");
        await page.GetByRole(AriaRole.Button, new() { Name = "More lesion rows" }).ClickAsync();
        await page.Locator("#Input_Lesions_4__IndexLevel").WaitForAsync();
        (await lesions.CountAsync()).ShouldBe(5);
        (await page.Locator("#Input_Lesions_1__IndexLevel").InputValueAsync()).ShouldBe("L2");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "tumorboard-neurosurgery-nojs.png"), FullPage = true });
        await page.Context.CloseAsync();

        var radOnc = await browser.SignedInPageAsync(AppFixture.RadOnc, javaScript: false);
        await radOnc.GotoAsync($"/Cases/{caseId}/Assessments/RadiationOncology");
        await radOnc.Locator("#Input_TotalDoseGy").FillAsync("8");
        await radOnc.Locator("#Input_Fractions").FillAsync("1");
        await radOnc.GetByRole(AriaRole.Button, new() { Name = "Save draft", Exact = true }).ClickAsync();
        await Assertions.Expect(radOnc.GetByText("Draft version 1 saved.")).ToBeVisibleAsync();
        await Assertions.Expect(radOnc.Locator("[data-points=DosePerFraction]")).ToHaveTextAsync("8 Gy per fraction");
        await Assertions.Expect(radOnc.Locator("[data-radiotherapy-output]")).ToContainTextAsync("(saved)");
        await radOnc.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "tumorboard-radonc-nojs.png"), FullPage = true });
        await radOnc.Context.CloseAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Enter_in_a_field_saves_the_draft_and_never_asks_for_more_rows(bool javaScript)
    {
        var caseId = await CaseAsync();
        var page = await browser.SignedInPageAsync(AppFixture.Neurosurgeon, javaScript: javaScript);
        await page.GotoAsync($"/Cases/{caseId}/Assessments/Neurosurgery");
        var lesions = page.Locator("[data-rows=Lesions] > [data-row]:visible");
        await page.Locator("#Input_FitnessReason").FillAsync("Fit for surgery");
        await page.Locator("#Input_FitnessReason").PressAsync("Enter");

        await Assertions.Expect(page.GetByText("Draft version 1 saved.")).ToBeVisibleAsync();
        (await lesions.CountAsync()).ShouldBe(2);   // the case's lesion and one blank row, not the "more rows" five
        var stored = await AsCoordinatorAsync(async sender => await sender.Send(new GetAssessmentVersion.Query(caseId, Discipline.Neurosurgery)));
        stored.Content.Deserialize<NeurosurgeryContent>(AssessmentJson.Options)!.FitnessReason.ShouldBe("Fit for surgery");
        await page.Context.CloseAsync();
    }

    async Task<T> AsCoordinatorAsync<T>(Func<ISender, Task<T>> work)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        var principal = await signIn.CreateUserPrincipalAsync((await users.FindByEmailAsync(AppFixture.Coordinator))!);
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext =
            new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = principal };
        return await work(scope.ServiceProvider.GetRequiredService<ISender>());
    }

    Task<Guid> CaseAsync(Func<RegisterCase.Command, RegisterCase.Command>? change = null) => AsCoordinatorAsync(async sender =>
    {
        var patientId = (await sender.Send(TestData.Patient())).Id;
        var command = TestData.Case(patientId);
        return (await sender.Send(change is null ? command : change(command))).Id;
    });

    Task<GetCase.Result> CaseAsync(Guid caseId) => AsCoordinatorAsync(async sender => await sender.Send(new GetCase.Query(caseId)));
}
