using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Decisions;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.IntegrationTests.Meetings;

namespace TumorBoard.IntegrationTests.Forms;

/// <summary>
/// Issue #17 item 5: planned dates more than two years ahead and case dates before the patient's birth are errors under
/// their fields (pages and API: the validators); ECOG against Karnofsky is a warning; an early start is warned about.
/// </summary>
[Collection(DecisionsDatabase.Name)]
public sealed class DateBoundsTests(AppFixture app) : DatabaseTest(app)
{
    static List<string> MessagesUnder(string html, string field) =>
        [.. Regex.Matches(html, $@"data-valmsg-for=""{Regex.Escape(field)}""[^>]*>(?:<span[^>]*>)?([^<]+)<")
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim()).Where(m => m.Length > 0)];

    static string Day(DateTimeOffset t) => t.ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_meeting_planned_more_than_two_years_ahead_is_refused_under_its_date()
    {
        var chair = await app.UserIdAsync(AppFixture.Neurosurgeon);
        using var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "Far off", ["Input.Date"] = Day(DateTimeOffset.UtcNow.AddYears(2).AddDays(3)), ["Input.Time"] = "16:00",
            ["Input.DurationMinutes"] = "60", ["Input.Capacity"] = "12", ["Input.WeeklyOccurrences"] = "1", ["Input.Location"] = "Room 3",
            ["Input.ChairId"] = chair.ToString(),
        };
        using var response = await PageClient.PostFormAsync(client, "/Meetings/Plan", fields);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        MessagesUnder(await response.Content.ReadAsStringAsync(), "Input.Date").ShouldHaveSingleItem()
            .ShouldStartWith("The meeting's start must be within the next 2 years");

        fields["Input.Date"] = Day(DateTimeOffset.UtcNow.AddYears(1));
        using var fine = await PageClient.PostFormAsync(client, "/Meetings/Plan", fields);
        fine.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_follow_up_date_more_than_two_years_ahead_is_refused_naming_the_field()
    {
        var board = await DecisionTestData.BoardAsync(app);
        var content = await DecisionTestData.ContentAsync(app) with { FollowUpDate = DateOnly.FromDateTime(DateTime.UtcNow.AddYears(3)) };
        var refused = await Should.ThrowAsync<ValidationException>(() => DecisionTestData.RecordAsync(app, board, content));
        refused.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldStartWith("The follow-up date must be within the next 2 years");
        refused.Errors.Single().PropertyName.ShouldEndWith("FollowUpDate");
    }

    [Fact]
    public async Task Case_dates_before_the_patients_birth_are_refused_under_each_field_on_the_page_and_in_the_API()
    {
        var patientId = (await app.Send(AppFixture.Coordinator, TestData.Patient())).Id;   // born 1961-04-12
        using var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        using var response = await PageClient.PostFormAsync(client, $"/Cases/Register?patientId={patientId}", new()
        {
            ["Input.PatientId"] = patientId.ToString(), ["Input.Histology"] = "Breast", ["Input.Urgency"] = "Urgent",
            ["Input.DiagnosisDate"] = "1960-01-01", ["Input.Lesions[0].LevelFrom"] = "T4", ["Input.Lesions[0].ImagingDate"] = "1950-05-01",
            ["Input.ClinicalQuestion"] = "Surgery first?",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        MessagesUnder(html, "Input.Lesions[0].ImagingDate").ShouldBe(["The imaging date cannot be before the patient's date of birth (1961-04-12)."]);
        MessagesUnder(html, "Input.DiagnosisDate").ShouldBe(["The date of diagnosis cannot be before the patient's date of birth (1961-04-12)."]);
        (await app.QueryDbAsync(db => db.Cases.CountAsync())).ShouldBe(0);

        // The update of a stored case is held to the same rule.
        var caseId = (await app.Send(AppFixture.Coordinator, TestData.Case(patientId))).Id;
        var update = new UpdateCase.Command { CaseId = caseId } with
        {
            Histology = PrimaryHistology.Breast, Urgency = Urgency.Urgent, ClinicalQuestion = "?",
            PriorRadiotherapy = [new RadiotherapyInput { LevelFrom = SpinalLevel.T4, TotalDoseGy = 8, Fractions = 1, EndDate = new DateOnly(1955, 1, 1) }],
        };
        var refused = await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Coordinator, update));
        refused.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("PriorRadiotherapy[0].EndDate");
    }

    [Fact]
    public async Task ECOG_0_with_Karnofsky_30_is_saved_with_a_warning_shown_on_the_case()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app, c => c with { Ecog = 0, Karnofsky = 30 });
        var stored = await app.Send(AppFixture.Coordinator, new GetCase.Query(caseId));
        stored.Warnings.ShouldBe(["ECOG 0 and Karnofsky 30 do not correspond (ECOG 0 is Karnofsky 90 to 100): check both."]);
        using var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/Cases/Details/{caseId}"));
        page.ShouldContain("id=\"case-warnings\"");
        page.ShouldContain("ECOG 0 and Karnofsky 30 do not correspond");

        var (_, fine) = await TestData.RegisterCaseAsync(app);   // ECOG 1, Karnofsky 70
        (await app.Send(AppFixture.Coordinator, new GetCase.Query(fine))).Warnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task Starting_a_meeting_two_days_early_warns_in_the_API_answer_and_on_the_page()
    {
        var early = await MeetingTestData.PlanMeetingAsync(app, startsIn: TimeSpan.FromDays(2.5));
        using var api = await app.ClientAsync(AppFixture.Coordinator);
        api.DefaultRequestHeaders.TryAddWithoutValidation("If-Match", "*");
        using var started = await api.PostAsync($"/api/v1/meetings/{early}/start", null);
        started.StatusCode.ShouldBe(HttpStatusCode.OK, await started.Content.ReadAsStringAsync());
        var body = await started.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("warnings").EnumerateArray().Single().GetString().ShouldNotBeNull().ShouldContain("2 days from now");

        var onTime = await MeetingTestData.PlanMeetingAsync(app, startsIn: TimeSpan.FromHours(2));
        using var quiet = await api.PostAsync($"/api/v1/meetings/{onTime}/start", null);
        quiet.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await quiet.Content.ReadAsStringAsync()).ShouldNotContain("\"warnings\"");

        var viaPage = await MeetingTestData.PlanMeetingAsync(app, startsIn: TimeSpan.FromDays(3));
        using var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var path = $"/Meetings/Details/{viaPage}";
        var html = await client.GetStringAsync(path);
        html.ShouldContain("data-confirm=\"This meeting is planned more than a day from now");
        var version = Regex.Match(html, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        using var response = await client.PostAsync($"{path}?handler=Start", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PageClient.AntiforgeryToken(html), ["Version"] = version,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        WebUtility.HtmlDecode(await client.GetStringAsync(path)).ShouldContain("The meeting has started. This meeting is planned for");
    }
}
