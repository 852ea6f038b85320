using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Cases;

/// <summary>
/// The case forms without JavaScript have no row limit below the validator's: "More lesion rows" and "More radiotherapy
/// course rows" re-render the form with blank rows added, keeping what was typed, and save nothing.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CaseFormRowsTests(AppFixture app) : DatabaseTest(app)
{
    static string Past(int days) => DateTime.UtcNow.AddDays(-days).ToString("yyyy-MM-dd");

    static int Rows(string html, string list) => Regex.Matches(html, $"name=\"Input\\.{list}\\[(\\d+)\\]\\.LevelFrom\"").Count;

    [Fact]
    public async Task More_lesion_rows_on_the_edit_form_keeps_what_was_typed_and_the_added_rows_save_as_lesions()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var path = $"/Cases/Edit/{caseId}";
        var html = await client.GetStringAsync(path);
        Rows(html, "Lesions").ShouldBe(2);   // the case's lesion and a spare row
        var form = HtmlForm.Of(html, "method=\"post\" data-unsaved")
            .Set("Input.ClinicalQuestion", "Typed before asking for rows?")
            .Set("Input.Lesions[1].LevelFrom", "L2").Set("Input.Lesions[1].ImagingDate", Past(5))
            .Set("Input.Lesions[1].Compartments", "VertebralBody")
            .Set("more", "Lesions");

        var more = await form.PostAsync(client, path + "?handler=MoreRows");

        more.StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await more.Content.ReadAsStringAsync();
        Rows(again, "Lesions").ShouldBe(2 + CaseFields.MoreRowsStep + 1);   // the typed row, a spare row and three more
        Rows(again, "PriorRadiotherapy").ShouldBe(Rows(html, "PriorRadiotherapy"));
        again.ShouldNotContain("field-validation-error");
        var shown = HtmlForm.Of(again, "method=\"post\" data-unsaved");
        shown.Value("Input.ClinicalQuestion").ShouldBe("Typed before asking for rows?");
        shown.Value("Input.Lesions[1].LevelFrom").ShouldBe("L2");
        shown.Values("Input.Lesions[1].Compartments").ShouldBe(["VertebralBody"]);
        (await app.Send(AppFixture.Coordinator, new GetCase.Query(caseId))).Details.ClinicalQuestion
            .ShouldBe("Decompression and stabilisation, or radiotherapy alone?");

        shown.Set("Input.Lesions[3].LevelFrom", "L5").Set("Input.Lesions[3].ImagingDate", Past(4));
        shown.Set("Input.Lesions[2].LevelFrom", "C5").Set("Input.Lesions[2].ImagingDate", Past(4));
        // Save without JavaScript posts where the form says, never back to ?handler=MoreRows (issue #17 item 11).
        var action = HtmlForm.ActionOf(again, "method=\"post\" data-unsaved", path + "?handler=MoreRows");
        action.ShouldBe(path);
        var saved = await shown.PostAsync(client, action);

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        (await app.Send(AppFixture.Coordinator, new GetCase.Query(caseId))).Details.Lesions.Select(l => l.LevelFrom)
            .ShouldBe([SpinalLevel.T11, SpinalLevel.L2, SpinalLevel.C5, SpinalLevel.L5]);
    }

    [Fact]
    public async Task More_radiotherapy_course_rows_on_the_register_form_keeps_what_was_typed()
    {
        var patientId = (await app.Send(AppFixture.Coordinator, TestData.Patient())).Id;
        var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var html = await client.GetStringAsync($"/Cases/Register?patientId={patientId}");
        var before = Rows(html, "PriorRadiotherapy");
        var form = HtmlForm.Of(html, "method=\"post\" data-unsaved")
            .Set("Input.ClinicalQuestion", "Re-irradiation possible?")
            .Set("Input.PriorRadiotherapy[0].LevelFrom", "T4").Set("Input.PriorRadiotherapy[0].TotalDoseGy", "30")
            .Set("more", "PriorRadiotherapy");

        var more = await form.PostAsync(client, "/Cases/Register?handler=MoreRows");

        more.StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await more.Content.ReadAsStringAsync();
        Rows(again, "PriorRadiotherapy").ShouldBe(before + CaseFields.MoreRowsStep);
        var shown = HtmlForm.Of(again, "method=\"post\" data-unsaved");
        (shown.Value("Input.PriorRadiotherapy[0].LevelFrom"), shown.Value("Input.PriorRadiotherapy[0].TotalDoseGy")).ShouldBe(("T4", "30"));
        shown.Value("Input.ClinicalQuestion").ShouldBe("Re-irradiation possible?");
        shown.Value("Input.PatientId").ShouldBe(patientId.ToString());
        (await app.QueryDbAsync(db => db.Cases.CountAsync())).ShouldBe(0);

        // "Register case" without JavaScript posts where the form says, never back to ?handler=MoreRows.
        var action = HtmlForm.ActionOf(again, "method=\"post\" data-unsaved", "/Cases/Register?handler=MoreRows");
        action.ShouldBe("/Cases/Register");
        shown.Set("Input.Histology", "Breast").Set("Input.Urgency", "Routine")
            .Set("Input.PriorRadiotherapy[0].Fractions", "10").Set("Input.PriorRadiotherapy[0].EndDate", Past(90));
        var registered = await shown.PostAsync(client, action);
        registered.StatusCode.ShouldBe(HttpStatusCode.Redirect, await registered.Content.ReadAsStringAsync());
        (await app.QueryDbAsync(db => db.Cases.CountAsync())).ShouldBe(1);
    }
}
