using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.IntegrationTests.Meetings;

namespace TumorBoard.IntegrationTests.Http.BadInput;

/// <summary>The same bad input through the pages' forms: the form comes back with the message under the field, nothing stored.</summary>
public sealed partial class BadInputPageTests(AppFixture app) : BadInputTest(app)
{
    static List<string> MessagesUnder(string html, string field) =>
        [.. Regex.Matches(html, $@"data-valmsg-for=""{Regex.Escape(field)}""[^>]*>(?:<span[^>]*>)?([^<]+)<")
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim()).Where(m => m.Length > 0)];

    static async Task<string> PageAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html.Length > 500 ? html[..500] : html);
        return html;
    }

    /// <summary>A form posted as multipart/form-data (values are not URL-decoded there), with its antiforgery token.</summary>
    static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        var form = new MultipartFormDataContent { { new StringContent(PageClient.AntiforgeryToken(page)), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return await client.PostAsync(path, form);
    }

    static Dictionary<string, string> Patient(string familyName, string givenName) => new()
    {
        ["Input.Mrn"] = "NUL-1", ["Input.FamilyName"] = familyName, ["Input.GivenName"] = givenName,
        ["Input.DateOfBirth"] = "1961-04-12", ["Input.Sex"] = "Female",
    };

    [Fact]
    public async Task The_patient_form_shows_a_NUL_in_a_name_under_the_field_and_stores_nothing()
    {
        var client = await PageClient.SignedInAsync(App, AppFixture.Coordinator);
        var html = await PageAsync(await PostMultipartAsync(client, "/Patients/Register", Patient("Kel\u0000ler", "Anna\u001b")));
        MessagesUnder(html, "Input.FamilyName").ShouldHaveSingleItem().ShouldContain("control character (U+0000");
        MessagesUnder(html, "Input.GivenName").ShouldHaveSingleItem().ShouldContain("U+001B");

        html = await PageAsync(await PageClient.PostFormAsync(client, "/Patients/Register", Patient("Keller", "Anna\u0007")));
        MessagesUnder(html, "Input.GivenName").ShouldHaveSingleItem().ShouldContain("U+0007");
        (await App.QueryDbAsync(db => db.Patients.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_NUL_in_a_url_encoded_form_is_a_400_before_any_page_runs()
    {
        // ASP.NET Core's form decoder itself refuses %00 in application/x-www-form-urlencoded: a 400 status page, never a 500.
        var client = await PageClient.SignedInAsync(App, AppFixture.Coordinator);
        var response = await PageClient.PostFormAsync(client, "/Patients/Register", Patient("Kel\u0000ler", "Anna"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("The request could not be read");
        (await App.QueryDbAsync(db => db.Patients.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task The_case_form_shows_dates_out_of_range_under_their_fields_and_stores_nothing()
    {
        var patientId = (await App.Send(AppFixture.Coordinator, TestData.Patient())).Id;
        var client = await PageClient.SignedInAsync(App, AppFixture.Coordinator);
        var html = await PageAsync(await PageClient.PostFormAsync(client, $"/Cases/Register?patientId={patientId}", new()
        {
            ["Input.PatientId"] = patientId.ToString(), ["Input.Histology"] = "Breast", ["Input.Urgency"] = "Urgent",
            ["Input.DiagnosisDate"] = "1850-01-01", ["Input.SymptomOnsetDate"] = "9999-12-31",
            ["Input.Lesions[0].LevelFrom"] = "T4", ["Input.Lesions[0].ImagingDate"] = "0001-01-01",
            ["Input.ClinicalQuestion"] = "Surgery first?\r\nOr radiotherapy alone?",
        }));
        MessagesUnder(html, "Input.DiagnosisDate").ShouldBe(["The date of diagnosis must be between 1900-01-01 and today."]);
        MessagesUnder(html, "Input.SymptomOnsetDate").ShouldBe(["The symptom onset must be between 1900-01-01 and today."]);
        MessagesUnder(html, "Input.Lesions[0].ImagingDate").ShouldBe(["The imaging date must be between 1900-01-01 and today."]);
        MessagesUnder(html, "Input.ClinicalQuestion").ShouldBeEmpty();   // a line break belongs in the question
        (await App.QueryDbAsync(db => db.Cases.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [InlineData("9999-12-31", "The meeting's start must be within the next 2 years")]
    [InlineData("0001-01-01", "The meeting must start in the future.")]
    public async Task The_meeting_form_shows_a_start_out_of_range_under_the_date(string date, string message)
    {
        var client = await PageClient.SignedInAsync(App, AppFixture.Coordinator);
        var html = await PageAsync(await PageClient.PostFormAsync(client, "/Meetings/Plan", new()
        {
            ["Input.Title"] = "Spine board", ["Input.Date"] = date, ["Input.Time"] = "23:30", ["Input.DurationMinutes"] = "90",
            ["Input.Location"] = "Room 4", ["Input.ChairId"] = (await App.UserIdAsync(AppFixture.Neurosurgeon)).ToString(),
            ["Input.Capacity"] = "8", ["Input.WeeklyOccurrences"] = "52",
        }));
        MessagesUnder(html, "Input.Date").ShouldHaveSingleItem().ShouldStartWith(message);
        (await App.QueryDbAsync(db => db.Meetings.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [InlineData("/Cases?Text=a%00b", "Text", "control character")]
    [InlineData("/Cases?PageNumber=100000000", "page", "between 1 and 40")]
    [InlineData("/Patients?Text=%1B", "Text", "control character")]
    [InlineData("/Patients?pageNumber=2147483647", "page", "between 1 and 40")]
    [InlineData("/Admin/Accounts?text=a%00b", "Text", "control character")]
    [InlineData("/Admin/Accounts?page=20000", "page", "between 1 and 40")]
    [InlineData("/Meetings?PageNumber=100000000", "page", "between 1 and 40")]
    [InlineData("/FollowUps/Mine?PageNumber=100000000", "page", "between 1 and 40")]
    [InlineData("/FollowUps/Overdue?PageNumber=100000000", "page", "between 1 and 40")]
    [InlineData("/Admin/Audit?To=9999-12-31", "To", "between 1900-01-01 and")]
    [InlineData("/Admin/Audit?EntityId=a%00b", "EntityId", "control character")]
    public async Task A_list_page_shows_a_refused_filter_under_it_with_an_empty_list(string url, string field, string says)
    {
        var client = await PageClient.SignedInAsync(App, EveryRole);
        var html = await PageAsync(await client.GetAsync(url));
        MessagesUnder(html, field).ShouldHaveSingleItem().ShouldContain(says);
    }

    [Theory]
    [InlineData("/Cases?Status=-1&Urgency=99&Histology=1%2C2")]
    [InlineData("/Cases?Status=Nonsense&PageNumber=abc")]
    [InlineData("/Meetings?Past=maybe&PageNumber=99999999999")]
    [InlineData("/Admin/Audit?From=31.12.9999&ActorId=nobody&page=-5")]
    public async Task A_list_page_answers_filters_it_cannot_bind(string url)
    {
        var client = await PageClient.SignedInAsync(App, EveryRole);
        await PageAsync(await client.GetAsync(url));
    }

    [Fact]
    public async Task A_refused_filter_on_a_record_that_does_not_exist_is_a_404()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(App);
        var client = await PageClient.SignedInAsync(App, AppFixture.Clinician);
        (await client.GetAsync($"/Cases/{Guid.NewGuid()}/History?To=9999-12-31")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/Cases/{caseId}/Assessments/neurosurgery/History?From=-1&To=2")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await PageAsync(await (await PageClient.SignedInAsync(App, AppFixture.Coordinator)).GetAsync("/Cases/Register?Text=a%00b"));
    }

    [Fact]
    public async Task The_assessment_history_page_shows_a_version_out_of_range_under_the_form()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(App);
        await App.Send(AppFixture.Neurosurgeon, Assessments.AssessmentTestData.Draft(caseId, Assessments.AssessmentTestData.Neurosurgery()));
        var client = await PageClient.SignedInAsync(App, AppFixture.Clinician);
        var html = await PageAsync(await client.GetAsync($"/Cases/{caseId}/Assessments/neurosurgery/History?From=0&To=200000"));
        MessagesUnder(html, "From").ShouldHaveSingleItem().ShouldContain("1 to 100000");
        MessagesUnder(html, "To").ShouldHaveSingleItem().ShouldContain("1 to 100000");
    }

    [Fact]
    public async Task The_history_page_shows_a_day_out_of_range_under_the_filter()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(App);
        var client = await PageClient.SignedInAsync(App, AppFixture.Clinician);
        var html = await PageAsync(await client.GetAsync($"/Cases/{caseId}/History?To=9999-12-31"));
        MessagesUnder(html, "To").ShouldHaveSingleItem().ShouldContain("between 1900-01-01 and");
    }

    [Fact]
    public async Task The_sign_in_form_shows_a_control_character_in_the_email_under_the_field()
    {
        var client = App.App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var html = await PageAsync(await PostMultipartAsync(client, "/Account/SignIn", new()
        {
            ["Input.Email"] = "coordinator\u0000@demo.tumorboard", ["Input.Password"] = AppFixture.Password,
        }));
        MessagesUnder(html, "Input.Email").ShouldHaveSingleItem().ShouldContain("control character");

        using var token = await client.PostAsync("/api/v1/auth/token", Api.Body(new { email = "a\u0000@b.c", password = "x" }));
        (await NamesFieldAsync(token, "email", only: true)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_attendance_form_with_no_box_ticked_still_records_that_nobody_is_present()
    {
        var meetingId = await MeetingTestData.PlanMeetingAsync(App);
        await App.Send(AppFixture.Coordinator, new Application.Features.Meetings.RecordAttendance.Command
        {
            MeetingId = meetingId, PresentUserIds = [await App.UserIdAsync(AppFixture.Neurosurgeon)],
        });
        var client = await PageClient.SignedInAsync(App, AppFixture.Coordinator);
        var page = await client.GetStringAsync($"/Meetings/Details/{meetingId}");
        var version = Regex.Match(page, @"name=""Version"" value=""(\d+)""").Groups[1].Value;
        var response = await client.PostAsync($"/Meetings/Details/{meetingId}?handler=Attendance", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PageClient.AntiforgeryToken(page), ["Version"] = version,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        (await App.QueryDbAsync(db => db.MeetingAttendees.CountAsync(a => a.MeetingId == meetingId))).ShouldBe(0);
    }
}
