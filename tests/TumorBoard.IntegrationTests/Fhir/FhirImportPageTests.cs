using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Forms;
using TumorBoard.IntegrationTests.Infrastructure;
using static TumorBoard.IntegrationTests.Fhir.FhirRecords;

namespace TumorBoard.IntegrationTests.Fhir;

/// <summary>The register page's "From hospital record (FHIR)" area, as a browser without JavaScript uses it: paste or upload, preview, confirm.</summary>
[Collection(AppCollection.Name)]
public sealed class FhirImportPageTests(AppFixture app) : DatabaseTest(app)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        WarmUpValidator(app);
    }

    static string Decoded(string html) => WebUtility.HtmlDecode(html);

    [Fact]
    public async Task Paste_preview_and_confirm_registers_the_patient_and_opens_the_case_form_prefilled()
    {
        var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var json = Json(Bundle(Patient(), PrimaryTumour("http://hl7.org/fhir/sid/icd-10", "C61", "Prostate")));

        var preview = await PageClient.PostFormAsync(client, "/Patients/Register?handler=Preview", new() { ["Fhir.Resource"] = json });
        preview.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await preview.Content.ReadAsStringAsync();
        var shown = Decoded(html);
        shown.ShouldContain("This will be registered");
        shown.ShouldContain("<dd>Muster, Anna</dd>");
        shown.ShouldContain("<dd>KSSG-4711</dd>");
        shown.ShouldContain("<dd>1961-04-12</dd>");
        shown.ShouldContain("<dd>Female</dd>");
        shown.ShouldContain("Prostate <span class=\"muted\">(from ICD-10 C61 Prostate)</span>");
        (await app.QueryDbAsync(db => db.Patients.CountAsync())).ShouldBe(0);   // a preview writes nothing

        var confirm = FormScrape.Fields(html, "id=\"fhir-confirm\"");
        confirm.Single(f => f.Key == "Fhir.Resource").Value.ShouldBe(json);
        var registered = await client.PostAsync("/Patients/Register?handler=Import", new FormUrlEncodedContent(confirm));
        registered.StatusCode.ShouldBe(HttpStatusCode.Redirect, await registered.Content.ReadAsStringAsync());
        var patient = await app.QueryDbAsync(db => db.Patients.SingleAsync());
        (patient.Mrn, patient.FamilyName, patient.GivenName).ShouldBe(("KSSG-4711", "Muster", "Anna"));
        var location = registered.Headers.Location!.ToString();
        location.ShouldStartWith("/Cases/Register?");
        location.ShouldContain($"patientId={patient.Id}");
        location.ShouldContain("histology=Prostate");

        var caseForm = Decoded(await client.GetStringAsync(location));
        caseForm.ShouldContain("Patient registered from the hospital record.");
        caseForm.ShouldContain("<option selected=\"selected\" value=\"Prostate\">");
        caseForm.ShouldContain("<span class=\"prefilled\" data-prefilled=\"Histology\">(pre-filled from the hospital record)</span>");
        caseForm.ShouldContain("<span class=\"prefilled\" data-prefilled=\"DiagnosisDate\">(pre-filled from the hospital record)</span>");
        caseForm.ShouldContain("value=\"2025-11-03\"");
    }

    [Fact]
    public async Task An_uploaded_file_of_a_registered_patient_previews_the_match_and_the_differences()
    {
        var registered = await app.Send(AppFixture.Coordinator, TestData.Patient("KSSG-4711") with { FamilyName = "Muster-Meier", GivenName = "Anna" });
        var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var page = await client.GetStringAsync("/Patients/Register");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(PageClient.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(""), "Fhir.Resource" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(Json(Patient(mrn: "kssg-4711")))), "Fhir.File", "patient.json" },
        };
        var preview = await client.PostAsync("/Patients/Register?handler=Preview", form);
        preview.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await preview.Content.ReadAsStringAsync();
        var shown = Decoded(html);
        shown.ShouldContain("This patient is already registered");
        shown.ShouldContain("<dd>KSSG-4711 <span class=\"muted\">(the record writes it kssg-4711)</span></dd>");   // the MRN as stored
        shown.ShouldContain($"href=\"/Patients/Details/{registered.Id}\"");
        shown.ShouldContain("Family name: the record says <strong>Muster</strong>, registered is <strong>Muster-Meier</strong>");

        var opened = await client.PostAsync("/Patients/Register?handler=Import", new FormUrlEncodedContent(FormScrape.Fields(html, "id=\"fhir-confirm\"")));
        opened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        opened.Headers.Location!.ToString().ShouldContain($"patientId={registered.Id}");
        (await app.QueryDbAsync(db => db.Patients.CountAsync())).ShouldBe(1);
        (await app.QueryDbAsync(db => db.Patients.SingleAsync())).FamilyName.ShouldBe("Muster-Meier");
    }

    [Fact]
    public async Task Invalid_fhir_is_shown_under_the_field_in_plain_words_and_nothing_is_written()
    {
        var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var response = await PageClient.PostFormAsync(client, "/Patients/Register?handler=Preview",
            new() { ["Fhir.Resource"] = Json(Patient(birthDate: null)) });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = Decoded(await response.Content.ReadAsStringAsync());
        html.ShouldContain("<ul class=\"field-error\" id=\"fhir-errors\">");
        html.ShouldContain("<li>Patient.birthDate: The record has no date of birth.</li>");
        html.ShouldContain("aria-describedby=\"fhir-errors\"");
        html.ShouldNotContain("id=\"fhir-confirm\"");

        var empty = Decoded(await (await PageClient.PostFormAsync(client, "/Patients/Register?handler=Preview", new() { ["Fhir.Resource"] = "" }))
            .Content.ReadAsStringAsync());
        empty.ShouldContain("<li>Paste or upload the hospital's FHIR record of the patient.</li>");
        (await app.QueryDbAsync(db => db.Patients.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Only_the_coordinator_may_preview_or_import_on_the_page()
    {
        var client = await PageClient.SignedInAsync(app, AppFixture.Clinician);
        var response = await client.GetAsync("/Patients/Register");
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }
}
