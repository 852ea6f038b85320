using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.Web.Http;
using static TumorBoard.IntegrationTests.Assessments.AssessmentTestData;

namespace TumorBoard.IntegrationTests.Forms;

/// <summary>
/// Issue #17 item 2: every create form carries a one-time form token, so sending the same form twice (Back and submit
/// again, a double click) saves one record and shows it; and a case registered beside an open case is warned about.
/// </summary>
[Collection(MeetingsDatabase.Name)]
public sealed class FormTokenTests(AppFixture app) : DatabaseTest(app)
{
    const string TokenMarker = "name=\"" + FormTokenMiddleware.Field + "\"";

    /// <summary>GETs the form once, lets <paramref name="fill"/> type into it, then sends that same form twice.</summary>
    static async Task<(HttpResponseMessage First, HttpResponseMessage Second)> SendTwiceAsync(HttpClient client, string path,
        Action<List<KeyValuePair<string, string>>> fill, string? handler = null, string marker = TokenMarker)
    {
        var fields = FormScrape.Fields(await client.GetStringAsync(path), marker);
        fields.Count(f => f.Key == FormTokenMiddleware.Field).ShouldBe(1);
        fill(fields);
        var target = handler is null ? path : $"{path}{(path.Contains('?') ? '&' : '?')}handler={handler}";
        var first = await client.PostAsync(target, new FormUrlEncodedContent(fields));
        var second = await client.PostAsync(target, new FormUrlEncodedContent(fields));
        return (first, second);
    }

    static async Task ShouldBeTheSameRecordAsync(HttpClient client, HttpResponseMessage first, HttpResponseMessage second)
    {
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect, await first.Content.ReadAsStringAsync());
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect, await second.Content.ReadAsStringAsync());
        second.Headers.Location.ShouldBe(first.Headers.Location);
        // The record's page says the second sending saved nothing.
        var shown = await client.GetStringAsync(second.Headers.Location);
        WebUtility.HtmlDecode(shown).ShouldContain(FormTokenMiddleware.AlreadySaved);
    }

    [Fact]
    public async Task Sending_the_patient_form_twice_registers_one_patient_and_shows_it()
    {
        using var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var (first, second) = await SendTwiceAsync(client, "/Patients/Register", f => f
            .With("Input.Mrn", "TWICE-1").With("Input.FamilyName", "Keller").With("Input.GivenName", "Anna")
            .With("Input.DateOfBirth", "1961-04-12").With("Input.Sex", "Female"));
        await ShouldBeTheSameRecordAsync(client, first, second);
        (await app.QueryDbAsync(db => db.Patients.CountAsync(p => p.Mrn == "TWICE-1"))).ShouldBe(1);
    }

    [Fact]
    public async Task Sending_the_case_form_twice_registers_one_case()
    {
        var patientId = (await app.Send(AppFixture.Coordinator, TestData.Patient())).Id;
        using var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var (first, second) = await SendTwiceAsync(client, $"/Cases/Register?patientId={patientId}", f => f
            .With("Input.Histology", "Breast").With("Input.Urgency", "Urgent").With("Input.Lesions[0].LevelFrom", "T4")
            .With("Input.Lesions[0].ImagingDate", DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"))
            .With("Input.ClinicalQuestion", "Surgery first?"));
        await ShouldBeTheSameRecordAsync(client, first, second);
        (await app.QueryDbAsync(db => db.Cases.CountAsync(c => c.PatientId == patientId))).ShouldBe(1);
    }

    [Fact]
    public async Task Sending_the_meeting_plan_twice_plans_one_meeting()
    {
        var chair = await app.UserIdAsync(AppFixture.Neurosurgeon);
        using var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var (first, second) = await SendTwiceAsync(client, "/Meetings/Plan", f => f
            .With("Input.Title", "Spine board twice").With("Input.Date", DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd"))
            .With("Input.Time", "16:00").With("Input.DurationMinutes", "60").With("Input.Capacity", "12")
            .With("Input.WeeklyOccurrences", "1").With("Input.Location", "Room 3").With("Input.ChairId", chair.ToString()));
        await ShouldBeTheSameRecordAsync(client, first, second);
        (await app.QueryDbAsync(db => db.Meetings.CountAsync(m => m.Title == "Spine board twice"))).ShouldBe(1);
    }

    [Fact]
    public async Task Sending_the_account_form_twice_creates_one_account()
    {
        using var client = await PageClient.SignedInAsync(app, AppFixture.Admin);
        var (first, second) = await SendTwiceAsync(client, "/Admin/Accounts/Create", f => f
            .With("Input.Email", "twice@demo.tumorboard").With("Input.DisplayName", "Dr. Twice").With("Input.Roles", Roles.Clinician)
            .With("Input.Password", Accounts.Accounts.Password));
        await ShouldBeTheSameRecordAsync(client, first, second);
        (await app.QueryDbAsync(db => db.Users.CountAsync(u => u.Email == "twice@demo.tumorboard"))).ShouldBe(1);
    }

    [Fact]
    public async Task Sending_the_first_assessment_draft_twice_saves_one_version()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        using var client = await PageClient.SignedInAsync(app, AppFixture.RadOnc);
        var (first, second) = await SendTwiceAsync(client, $"/Cases/{caseId}/Assessments/RadiationOncology", f => f
            .With("Input.Recommendation", "ConventionalEbrt").With("Input.TotalDoseGy", "20").With("Input.Fractions", "5")
            .With("Input.TargetLevels", "T11"), handler: "Save");
        await ShouldBeTheSameRecordAsync(client, first, second);
        (await app.QueryDbAsync(db => db.AssessmentVersions.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task A_refused_form_keeps_its_token_so_the_corrected_form_is_saved_once()
    {
        using var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var fields = FormScrape.Fields(await client.GetStringAsync("/Patients/Register"), TokenMarker)
            .With("Input.Mrn", "TWICE-2").With("Input.FamilyName", "").With("Input.GivenName", "Anna")
            .With("Input.DateOfBirth", "1961-04-12").With("Input.Sex", "Female");
        var token = fields.Single(f => f.Key == FormTokenMiddleware.Field).Value;

        using var refused = await client.PostAsync("/Patients/Register", new FormUrlEncodedContent(fields));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var redisplayed = FormScrape.Fields(await refused.Content.ReadAsStringAsync(), TokenMarker);
        redisplayed.Single(f => f.Key == FormTokenMiddleware.Field).Value.ShouldBe(token);

        fields.With("Input.FamilyName", "Keller");
        using var saved = await client.PostAsync("/Patients/Register", new FormUrlEncodedContent(fields));
        using var again = await client.PostAsync("/Patients/Register", new FormUrlEncodedContent(fields));
        await ShouldBeTheSameRecordAsync(client, saved, again);
        (await app.QueryDbAsync(db => db.Patients.CountAsync(p => p.Mrn == "TWICE-2"))).ShouldBe(1);
    }

    [Fact]
    public async Task Each_showing_of_a_form_is_a_new_token_so_a_second_patient_is_registered()
    {
        using var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        foreach (var mrn in new[] { "ONE-1", "ONE-2" })
        {
            var fields = FormScrape.Fields(await client.GetStringAsync("/Patients/Register"), TokenMarker)
                .With("Input.Mrn", mrn).With("Input.FamilyName", "Keller").With("Input.GivenName", "Anna")
                .With("Input.DateOfBirth", "1961-04-12").With("Input.Sex", "Female");
            using var response = await client.PostAsync("/Patients/Register", new FormUrlEncodedContent(fields));
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Contains(IdempotencyMiddleware.ReplayedHeader).ShouldBeFalse();
        }
        (await app.QueryDbAsync(db => db.Patients.CountAsync(p => p.Mrn.StartsWith("ONE-")))).ShouldBe(2);
    }

    [Fact]
    public async Task Registering_a_case_beside_an_open_case_warns_with_a_link_on_the_page_and_in_the_API()
    {
        var (patientId, openCaseId) = await TestData.RegisterCaseAsync(app);
        using var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var form = await client.GetStringAsync($"/Cases/Register?patientId={patientId}");
        var warning = Regex.Match(form, "<div class=\"warning\"[^>]*id=\"open-cases\".*?</div>", RegexOptions.Singleline);
        warning.Success.ShouldBeTrue();
        warning.Value.ShouldContain($"href=\"/Cases/Details/{openCaseId}\"");
        warning.Value.ShouldContain("already has an open case");

        var second = await app.Send(AppFixture.Coordinator, TestData.Case(patientId));
        second.OtherOpenCases.ShouldNotBeNull().Select(o => o.Id).ShouldBe([openCaseId]);

        using var api = await app.ClientAsync(AppFixture.Coordinator);
        using var response = await api.PostAsync("/api/v1/cases", Http.Api.Body(TestData.Case(patientId)));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var links = response.Headers.GetValues("Link").Single();
        links.ShouldContain($"</api/v1/cases/{openCaseId}>; rel=\"related\"");
        links.ShouldContain($"</api/v1/cases/{second.Id}>; rel=\"related\"");
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"otherOpenCases\"");

        // A patient without an open case gets no warning and no field.
        var (otherPatient, closedCase) = await TestData.RegisterCaseAsync(app);
        await TestData.MoveToAsync(app, closedCase, Domain.Cases.CaseStatus.Withdrawn);
        (await client.GetStringAsync($"/Cases/Register?patientId={otherPatient}")).ShouldNotContain("id=\"open-cases\"");
        using var quiet = await api.PostAsync("/api/v1/cases", Http.Api.Body(TestData.Case(otherPatient)));
        quiet.Headers.Contains("Link").ShouldBeFalse();
        (await quiet.Content.ReadAsStringAsync()).ShouldNotContain("otherOpenCases");
    }
}
