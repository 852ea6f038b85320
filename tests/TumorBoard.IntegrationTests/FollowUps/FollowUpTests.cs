using TumorBoard.Application.Features.CaseHistory;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Microsoft.Extensions.Time.Testing;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.FollowUps;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.IntegrationTests.Decisions;
using static TumorBoard.IntegrationTests.Decisions.DecisionTestData;

namespace TumorBoard.IntegrationTests.FollowUps;

/// <summary>
/// Follow-up of signed decisions (issue #6, practice.md (b)12-13, (d)10): the coordinator's overdue list and dashboard
/// section, the responsible clinician's own list, and the follow-up page.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class FollowUpTests(AppFixture app) : DatabaseTest(app)
{
    DateOnly Today => app.App.Services.GetRequiredService<BoardClock>().Today;

    [Fact]
    public async Task The_overdue_list_holds_a_past_due_decision_until_every_step_has_a_final_status()
    {
        var (board, decision) = await SignedDueAsync(Today.AddDays(-3));

        var row = (await OverdueAsync()).Items.ShouldHaveSingleItem();
        row.DecisionId.ShouldBe(decision.Id);
        row.CaseId.ShouldBe(board.CaseId);
        row.DecisionNumber.ShouldBe(1);
        row.Outcome.ShouldBe(DecisionOutcome.TreatmentRecommendation);
        row.FollowUpDate.ShouldBe(Today.AddDays(-3));
        row.Overdue.ShouldBeTrue();
        row.DaysOverdue.ShouldBe(3);
        row.ResponsibleClinicianId.ShouldBe(await app.UserIdAsync(AppFixture.Clinician));
        row.ResponsibleClinicianName.ShouldNotBeNullOrWhiteSpace();
        row.Mrn.ShouldNotBeNullOrWhiteSpace();
        row.PatientName.ShouldContain(", ");
        (row.OpenSteps, row.PlanSteps).ShouldBe((2, 2));

        await FollowUpAsync(AppFixture.Clinician, decision.Id, 1, FollowUpStatus.Implemented);
        (await OverdueAsync()).Items.ShouldHaveSingleItem().OpenSteps.ShouldBe(1);

        // "Unknown" keeps the step open: the reminder fires until someone finds out (practice.md (d)10).
        await FollowUpAsync(AppFixture.Coordinator, decision.Id, 2, FollowUpStatus.Unknown);
        (await OverdueAsync()).Items.ShouldHaveSingleItem().OpenSteps.ShouldBe(1);

        await FollowUpAsync(AppFixture.Clinician, decision.Id, 2, FollowUpStatus.NotImplemented, DeviationReason.PatientWish);
        var after = await OverdueAsync();
        after.TotalCount.ShouldBe(0);
        after.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_later_unknown_reopens_a_step_and_a_partial_implementation_closes_it()
    {
        var (_, decision) = await SignedDueAsync(Today.AddDays(-1));
        await FollowUpAsync(AppFixture.Clinician, decision.Id, 1, FollowUpStatus.Implemented);
        await FollowUpAsync(AppFixture.Clinician, decision.Id, 2, FollowUpStatus.PartiallyImplemented);
        (await OverdueAsync()).TotalCount.ShouldBe(0);

        // The latest record of a step is its status: a later "unknown" (records conflicting) opens it again.
        await FollowUpAsync(AppFixture.Coordinator, decision.Id, 1, FollowUpStatus.Unknown);
        (await OverdueAsync()).Items.ShouldHaveSingleItem().OpenSteps.ShouldBe(1);
    }

    [Fact]
    public async Task The_overdue_list_leaves_out_superseded_versions_and_decisions_not_yet_due_and_puts_the_most_overdue_first()
    {
        var (_, first) = await SignedDueAsync(Today.AddDays(-10));
        // An amendment supersedes version 1; the amended version is itself past due.
        var amendment = await app.Send(AppFixture.Coordinator, new AmendDecision.Command
            { DecisionId = first.Id, Reason = "Dose corrected after planning", Content = await ContentAsync(app) });
        await MoveDraftFollowUpDateAsync(amendment.Id, Today.AddDays(-2));
        await SignAsync(app, amendment.Id);

        var (_, mostOverdue) = await SignedDueAsync(Today.AddDays(-5));
        await SignedDueAsync(Today);                      // due today: not yet overdue
        await SignedAsync(app);                           // due in 30 days

        var list = await OverdueAsync();
        list.TotalCount.ShouldBe(2);
        list.Items.Select(r => r.DecisionId).ShouldBe([mostOverdue.Id, amendment.Id]);
        list.Items.Select(r => r.DaysOverdue).ShouldBe([5, 2]);
        list.Items.ShouldNotContain(r => r.DecisionId == first.Id);

        var page2 = await app.Send(AppFixture.Coordinator, new ListOverdueFollowUps.Query { Page = 2, PageSize = 1 });
        (page2.TotalCount, page2.TotalPages, page2.Items.Single().DecisionId).ShouldBe((2, 2, amendment.Id));
    }

    [Fact]
    public async Task My_follow_ups_list_only_the_decisions_I_am_responsible_for()
    {
        var (_, mine) = await SignedDueAsync(Today.AddDays(-4));
        var radOnc = await app.UserIdAsync(AppFixture.RadOnc);
        var (_, theirs) = await SignedAsync(app, await ContentAsync(app) with { ResponsibleClinicianId = radOnc });

        var clinician = await app.Send(AppFixture.Clinician, new ListMyFollowUps.Query());
        var row = clinician.Items.ShouldHaveSingleItem();
        (row.DecisionId, row.Overdue, row.DaysOverdue, row.OpenSteps).ShouldBe((mine.Id, true, 4, 2));

        var specialist = await app.Send(AppFixture.RadOnc, new ListMyFollowUps.Query());
        var theirRow = specialist.Items.ShouldHaveSingleItem();
        (theirRow.DecisionId, theirRow.Overdue, theirRow.DaysOverdue).ShouldBe((theirs.Id, false, 0));
        theirRow.FollowUpDate!.Value.ShouldBeGreaterThan(Today);

        (await app.Send(AppFixture.MedOnc, new ListMyFollowUps.Query())).TotalCount.ShouldBe(0);
        (await app.Send(AppFixture.Coordinator, new ListMyFollowUps.Query())).TotalCount.ShouldBe(0);

        // Once every step has a final status the decision leaves the list of outstanding actions, unless asked for.
        await FollowUpAsync(AppFixture.Clinician, mine.Id, 1, FollowUpStatus.Implemented);
        await FollowUpAsync(AppFixture.Clinician, mine.Id, 2, FollowUpStatus.NotImplemented, DeviationReason.Other, "Moved abroad");
        (await app.Send(AppFixture.Clinician, new ListMyFollowUps.Query())).TotalCount.ShouldBe(0);
        var all = await app.Send(AppFixture.Clinician, new ListMyFollowUps.Query { IncludeCompleted = true });
        var done = all.Items.ShouldHaveSingleItem();
        (done.DecisionId, done.Overdue, done.OpenSteps, done.PlanSteps).ShouldBe((mine.Id, false, 0, 2));
    }

    [Fact]
    public async Task Only_coordinators_see_the_overdue_list_and_administrators_see_no_follow_ups()
    {
        await Should.ThrowAsync<ForbiddenException>(() => app.Send(AppFixture.Clinician, new ListOverdueFollowUps.Query()));
        await Should.ThrowAsync<ForbiddenException>(() => app.Send(AppFixture.MedOnc, new ListOverdueFollowUps.Query()));
        await Should.ThrowAsync<ForbiddenException>(() => app.Send(AppFixture.Admin, new ListOverdueFollowUps.Query()));
        await Should.ThrowAsync<ForbiddenException>(() => app.Send(AppFixture.Admin, new ListMyFollowUps.Query()));
        await Should.ThrowAsync<UnauthorizedAccessException>(() => app.Send(null, new ListMyFollowUps.Query()));
    }

    [Fact]
    public async Task The_api_pages_the_overdue_list_and_refuses_a_bad_page_size()
    {
        var (_, decision) = await SignedDueAsync(Today.AddDays(-3));
        using var coordinator = await app.ClientAsync(AppFixture.Coordinator);

        using var response = await coordinator.GetAsync("/api/v1/follow-ups/overdue?page=1&pageSize=10");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.ReadAsync();
        body.GetProperty("totalCount").GetInt32().ShouldBe(1);
        var item = body.GetProperty("items")[0];
        item.GetProperty("decisionId").GetGuid().ShouldBe(decision.Id);
        item.GetProperty("daysOverdue").GetInt32().ShouldBe(3);
        item.GetProperty("outcome").GetString().ShouldBe("TreatmentRecommendation");
        item.GetProperty("openSteps").GetInt32().ShouldBe(2);

        using var bad = await coordinator.GetAsync("/api/v1/follow-ups/overdue?pageSize=0");
        (await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["pageSize"]);

        using var clinician = await app.ClientAsync(AppFixture.Clinician);
        using var mine = await clinician.GetAsync("/api/v1/follow-ups/mine");
        (await mine.ReadAsync()).GetProperty("items")[0].GetProperty("overdue").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_follow_up_without_a_status_is_refused_not_recorded_as_implemented()
    {
        var (_, decision) = await SignedAsync(app);
        using var clinician = await app.ClientAsync(AppFixture.Clinician);
        using var response = await clinician.PostAsync($"/api/v1/decisions/{decision.Id}/follow-ups", Api.Body(new { stepNumber = 1 }));
        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["status"]);
        (await app.QueryDbAsync(db => db.DecisionFollowUps.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task The_dashboard_shows_the_overdue_follow_ups_with_a_link_to_the_full_list()
    {
        var (_, decision) = await SignedDueAsync(Today.AddDays(-6));
        var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);

        var html = await client.GetStringAsync("/Dashboard");
        html.ShouldContain("Overdue follow-ups (1)");
        html.ShouldContain("id=\"overdue-follow-ups\"");
        html.ShouldContain("6 day(s) overdue");
        html.ShouldContain($"/Decisions/{decision.Id}/FollowUp");
        html.ShouldContain("href=\"/FollowUps/Overdue\"");
        html.ShouldNotContain(" style=");

        var list = await client.GetStringAsync("/FollowUps/Overdue");
        list.ShouldContain($"/Decisions/{decision.Id}/FollowUp");
        list.ShouldContain("2 of 2");
        list.ShouldNotContain(" style=");

        var dashboard = await app.Send(AppFixture.Coordinator, new GetCoordinatorDashboard.Query());
        dashboard.OverdueFollowUps.TotalCount.ShouldBe(1);
        dashboard.OverdueFollowUps.Items.Single().DecisionId.ShouldBe(decision.Id);
    }

    [Fact]
    public async Task The_follow_up_lists_refuse_the_wrong_roles()
    {
        var clinician = await PageClient.SignedInAsync(app, AppFixture.Clinician);
        (await clinician.GetAsync("/FollowUps/Overdue")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var mine = await clinician.GetAsync("/FollowUps/Mine");
        mine.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await mine.Content.ReadAsStringAsync()).ShouldContain("href=\"/FollowUps/Mine\"");   // the nav link
        var admin = await PageClient.SignedInAsync(app, AppFixture.Admin);
        (await admin.GetAsync("/FollowUps/Mine")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetAsync("/FollowUps/Overdue")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var coordinator = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        (await coordinator.GetStringAsync("/FollowUps/Overdue")).ShouldContain("href=\"/FollowUps/Overdue\"");
    }

    [Fact]
    public async Task The_follow_up_page_records_a_status_and_shows_it_in_the_history()
    {
        var (_, decision) = await SignedDueAsync(Today.AddDays(-2));
        var client = await PageClient.SignedInAsync(app, AppFixture.Clinician);
        var path = $"/Decisions/{decision.Id}/FollowUp";

        var form = await client.GetStringAsync(path);
        form.ShouldContain("Record follow-up");
        form.ShouldContain("badge overdue");
        form.ShouldNotContain(" style=");

        var response = await PageClient.PostFormAsync(client, path, new()
        {
            ["Input.StepNumber"] = "2", ["Input.Status"] = "PartiallyImplemented", ["Input.Reason"] = "MedicalReason",
            ["Input.Note"] = "SBRT reduced to a single fraction after wound healing problems.",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe(path);

        var html = await client.GetStringAsync(path);
        html.ShouldContain("Follow-up of step 2 recorded.");
        var step2 = Regex.Match(html, "<tr id=\"step-2\">.*?</tr>", RegexOptions.Singleline).Value;
        step2.ShouldContain("Partially implemented");
        step2.ShouldContain("Medical reason");
        step2.ShouldContain("SBRT reduced to a single fraction after wound healing problems.");
        var name = await app.QueryDbAsync(db => db.Users.Where(u => u.Email == AppFixture.Clinician).Select(u => u.DisplayName).SingleAsync());
        step2.ShouldContain(WebUtility.HtmlEncode(name));
        Regex.Match(html, "<tr id=\"step-1\">.*?</tr>", RegexOptions.Singleline).Value.ShouldContain("Not recorded");

        var stored = await app.QueryDbAsync(db => db.DecisionFollowUps.SingleAsync());
        (stored.StepNumber, stored.Status, stored.Reason).ShouldBe((2, FollowUpStatus.PartiallyImplemented, DeviationReason.MedicalReason));
    }

    [Fact]
    public async Task The_follow_up_page_shows_each_message_under_its_field()
    {
        var (_, decision) = await SignedAsync(app);
        var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var path = $"/Decisions/{decision.Id}/FollowUp";

        var notImplemented = await PageClient.PostFormAsync(client, path, new()
            { ["Input.StepNumber"] = "1", ["Input.Status"] = "NotImplemented", ["Input.Reason"] = "" });
        notImplemented.StatusCode.ShouldBe(HttpStatusCode.OK);
        MessagesUnder(await notImplemented.Content.ReadAsStringAsync(), "Input.Reason").ShouldContain("Say why the step was not implemented.");

        var other = await PageClient.PostFormAsync(client, path, new()
            { ["Input.StepNumber"] = "1", ["Input.Status"] = "NotImplemented", ["Input.Reason"] = "Other" });
        MessagesUnder(await other.Content.ReadAsStringAsync(), "Input.ReasonText").ShouldContain("Describe the other reason.");

        var noStatus = await PageClient.PostFormAsync(client, path, new() { ["Input.StepNumber"] = "1" });
        var html = await noStatus.Content.ReadAsStringAsync();
        MessagesUnder(html, "Input.Status").ShouldContain("Choose what happened to the step.");
        html.ShouldNotContain(" style=");
        (await app.QueryDbAsync(db => db.DecisionFollowUps.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Only_the_responsible_clinician_or_a_coordinator_gets_the_form_and_the_server_refuses_others()
    {
        var (_, decision) = await SignedAsync(app);
        var path = $"/Decisions/{decision.Id}/FollowUp";
        var fields = new Dictionary<string, string> { ["Input.StepNumber"] = "1", ["Input.Status"] = "Implemented" };

        var specialist = await PageClient.SignedInAsync(app, AppFixture.MedOnc);
        var readOnly = await specialist.GetStringAsync(path);
        readOnly.ShouldContain("id=\"follow-up-steps\"");
        readOnly.ShouldNotContain("Record follow-up</button>");
        readOnly.ShouldContain("Only the responsible clinician");
        // A hand-made post (the page offers no form; any page's antiforgery token of this session will do) is refused.
        var token = PageClient.AntiforgeryToken(await specialist.GetStringAsync("/Account/Manage/ChangePassword"));
        var refused = await specialist.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var admin = await PageClient.SignedInAsync(app, AppFixture.Admin);
        (await admin.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var coordinator = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        (await PageClient.PostFormAsync(coordinator, path, new(fields))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.QueryDbAsync(db => db.DecisionFollowUps.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task A_decision_superseded_while_the_form_was_open_shows_the_conflict_at_the_top()
    {
        var (_, decision) = await SignedAsync(app);
        var client = await PageClient.SignedInAsync(app, AppFixture.Clinician);
        var path = $"/Decisions/{decision.Id}/FollowUp";
        var token = PageClient.AntiforgeryToken(await client.GetStringAsync(path));

        var amendment = await app.Send(AppFixture.Coordinator, new AmendDecision.Command
            { DecisionId = decision.Id, Reason = "Timing changed", Content = (await ContentAsync(app)) with { Rationale = "Timing changed after review." } });
        await SignAsync(app, amendment.Id);

        var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.StepNumber"] = "1", ["Input.Status"] = "Implemented", ["__RequestVerificationToken"] = token,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        Regex.IsMatch(html, "class=\"errors[^\"]*\"[^>]*role=\"alert\"[^>]*>.*This version was superseded", RegexOptions.Singleline).ShouldBeTrue(html);
        html.ShouldContain($"/Decisions/{amendment.Id}/FollowUp");    // the way to the current decision
        html.ShouldNotContain("Record follow-up</button>");
        (await app.QueryDbAsync(db => db.DecisionFollowUps.CountAsync())).ShouldBe(0);
    }

    /// <summary>
    /// The two midnights: shortly after the board's local midnight the UTC date is still the day before. A follow-up due
    /// that day is overdue (or, shortly before midnight, not yet) identically on the coordinator's list, on the responsible
    /// clinician's list, on the decision page and in the case-history export, because all of them read BoardClock.Today.
    /// </summary>
    [Theory]
    [InlineData(30, true)]
    [InlineData(-30, false)]
    public async Task Between_the_two_midnights_a_follow_up_is_overdue_alike_on_the_lists_the_decision_and_the_export(
        int minutesAfterLocalMidnight, bool overdue)
    {
        var due = Today;
        var (board, decision) = await SignedDueAsync(due);
        var clock = app.App.Services.GetRequiredService<BoardClock>();
        var moment = clock.StartOf(due.AddDays(1)).AddMinutes(minutesAfterLocalMidnight);
        DateOnly.FromDateTime(moment.UtcDateTime).ShouldBe(due);                  // in UTC it is still the due day
        clock.DateAt(moment).ShouldBe(overdue ? due.AddDays(1) : due);           // where the board sits, it may be the next

        await using var frozen = new FrozenApp(app, new FakeTimeProvider(moment));
        frozen.Clock.Today.ShouldBe(clock.DateAt(moment));

        var coordinatorList = await frozen.SendAsync(AppFixture.Coordinator, new ListOverdueFollowUps.Query());
        coordinatorList.Items.Any(r => r.DecisionId == decision.Id).ShouldBe(overdue);
        var clinicianList = await frozen.SendAsync(AppFixture.Clinician, new ListMyFollowUps.Query());
        clinicianList.Items.Single(r => r.DecisionId == decision.Id).Overdue.ShouldBe(overdue);
        (await frozen.SendAsync(AppFixture.Coordinator, new GetDecision.Query(decision.Id))).FollowUpOverdue.ShouldBe(overdue);
        var export = await frozen.SendAsync(AppFixture.Coordinator, new ExportCaseHistory.Query(board.CaseId));
        export.Decisions.Single(d => d.Id == decision.Id).FollowUpOverdue.ShouldBe(overdue);
    }

    // --- helpers ---

    /// <summary>
    /// A signed decision due on <paramref name="due"/>. The validator refuses a past follow-up date and a signed row is
    /// immutable (trigger decisions_signed_immutable), but a draft is not: the date is written into the draft's column and
    /// content before the chair signs, so the signature covers it and stays intact (no trigger is switched off).
    /// </summary>
    async Task<(Board Board, DecisionSaved Decision)> SignedDueAsync(DateOnly due)
    {
        var board = await BoardAsync(app);
        var draft = await DecisionTestData.RecordAsync(app, board);
        await MoveDraftFollowUpDateAsync(draft.Id, due);
        return (board, await SignAsync(app, draft.Id));
    }

    async Task MoveDraftFollowUpDateAsync(Guid draftId, DateOnly due)
    {
        await using var conn = new NpgsqlConnection(app.App.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            UPDATE decisions SET follow_up_date = @due, content = jsonb_set(content, '{followUpDate}', to_jsonb(@text))
             WHERE id = @id AND status = 'Draft'
            """, conn);
        cmd.Parameters.AddWithValue("due", due);
        cmd.Parameters.AddWithValue("text", due.ToString("yyyy-MM-dd"));
        cmd.Parameters.AddWithValue("id", draftId);
        (await cmd.ExecuteNonQueryAsync()).ShouldBe(1);
    }

    Task<Paged<FollowUpRow>> OverdueAsync() => app.Send(AppFixture.Coordinator, new ListOverdueFollowUps.Query());

    Task<DecisionSaved> FollowUpAsync(string by, Guid decisionId, int step, FollowUpStatus status, DeviationReason? reason = null, string? text = null) =>
        app.Send(by, new RecordFollowUp.Command { DecisionId = decisionId, StepNumber = step, Status = status, Reason = reason, ReasonText = text });

    static List<string> MessagesUnder(string html, string field) =>
        Regex.Matches(html, $@"data-valmsg-for=""{Regex.Escape(field)}""[^>]*>(?:<span[^>]*>)?([^<]+)<")
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim()).Where(m => m.Length > 0).ToList();
}
