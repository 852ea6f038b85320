using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Infrastructure;
using static TumorBoard.IntegrationTests.Decisions.DecisionTestData;

namespace TumorBoard.IntegrationTests.Decisions;

/// <summary>
/// Form round-trips of the decision pages: the record form (steps, blank rows, messages under the fields, the draft's
/// version, preconditions and waivers), positions, the chair's password sign-off, amendments, and who is refused.
/// </summary>
[Collection(DecisionsDatabase.Name)]
public sealed partial class DecisionPagesTests(AppFixture app) : DatabaseTest(app)
{
    static string RecordPath(Board b) => $"/Meetings/{b.MeetingId}/Decide/{b.ItemId}";

    [Fact]
    public async Task The_record_form_creates_a_draft_with_the_steps_in_their_order_and_blank_rows_ignored()
    {
        var board = await BoardAsync(app);
        var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var form = await client.GetStringAsync(RecordPath(board));
        form.ShouldContain("Save decision");
        form.ShouldContain("NOMS suggestion (advisory)");
        Regex.Matches(form, "data-plan-step").Count.ShouldBe(6);

        // Row 0 blank, row 1 the second step, row 2 the first one (by their order numbers).
        var fields = await FieldsAsync();
        Blank(fields, 0);
        Step(fields, 1, "2", "SbrtSrs", "AfterPreviousStep", ["T5", "T6"], dose: "27", fractions: "3");
        Step(fields, 2, "1", "SeparationSurgery", "Urgent", ["T5"], details: "Posterior decompression");
        var response = await PageClient.PostFormAsync(client, RecordPath(board), fields);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await MessagesAsync(response));
        var id = Guid.Parse(response.Headers.Location!.ToString().Split('/').Last());
        var view = await app.Send(AppFixture.Coordinator, new GetDecision.Query(id));
        view.Status.ShouldBe(DecisionStatus.Draft);
        view.Content.Plan.Select(s => s.Kind).ShouldBe([PlanStepKind.SeparationSurgery, PlanStepKind.SbrtSrs]);
        view.Content.Plan[0].Details.ShouldBe("Posterior decompression");
        view.Content.Plan[1].TargetLevels.ShouldBe([SpinalLevel.T5, SpinalLevel.T6]);
        (view.Content.Plan[1].DoseGy, view.Content.Plan[1].Fractions).ShouldBe((27m, 3));
        view.Content.Rationale.ShouldBe("Separation surgery then SBRT.");
        view.ResponsibleClinicianName.ShouldNotBeNullOrEmpty();

        var page = await client.GetStringAsync($"/Decisions/{id}");
        page.ShouldContain("Draft, not signed.");
        page.ShouldContain("Separation surgery");
        page.ShouldContain("27 Gy in 3 fractions");
        page.ShouldNotContain("Sign as board chair");   // the coordinator does not sign
        page.ShouldNotContain(" style=");
    }

    [Fact]
    public async Task A_radiotherapy_step_without_dose_and_a_discordant_decision_without_reason_come_back_under_their_fields()
    {
        var board = await BoardAsync(app);
        var client = await PageClient.SignedInAsync(app, DecisionTestData.Chair);
        var fields = await FieldsAsync();
        Blank(fields, 0);
        Step(fields, 3, "", "ConventionalEbrt", "Soon", ["L1"]);   // after compaction: the first step
        fields["Input.Content.NomsConcordance"] = "Discordant";
        fields["Input.Content.Rationale"] = "";

        var response = await PageClient.PostFormAsync(client, RecordPath(board), fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        MessagesUnder(html, "Input.Steps[0].DoseGy").ShouldContain("Give the total dose in Gy.");
        MessagesUnder(html, "Input.Steps[0].Fractions").ShouldContain("Give the number of fractions.");
        MessagesUnder(html, "Input.Content.DiscordanceReason").ShouldContain("A decision that departs from the NOMS suggestion needs the reason.");
        MessagesUnder(html, "Input.Content.Rationale").ShouldContain("Give the rationale for the decision.");
        html.ShouldContain("<option selected=\"selected\" value=\"ConventionalEbrt\">");   // the step is redisplayed as row 1
        html.ShouldNotContain(" style=");
        (await app.QueryDbAsync(db => db.Decisions.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_filled_row_without_its_kind_or_timing_is_refused_under_the_row_and_nothing_is_saved()
    {
        var board = await BoardAsync(app);
        var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var fields = await FieldsAsync();
        fields["Input.Steps[1].Details"] = "Vertebroplasty if pain persists";

        var response = await PageClient.PostFormAsync(client, RecordPath(board), fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        MessagesUnder(html, "Input.Steps[1].Kind").ShouldContain("Choose the kind of this step.");
        MessagesUnder(html, "Input.Steps[1].Timing").ShouldContain("Choose when this step should happen.");
        (await app.QueryDbAsync(db => db.Decisions.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task The_same_form_edits_an_existing_draft_and_a_stale_version_is_refused_at_the_top()
    {
        var board = await BoardAsync(app);
        var draft = await RecordAsync(app, board);
        var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var form = await client.GetStringAsync(RecordPath(board));
        form.ShouldContain("You are changing the draft");
        form.ShouldContain("High-grade ESCC in a radioresistant primary");
        form.ShouldContain($"value=\"{draft.Version}\"");

        var fields = await FieldsAsync();
        fields["DraftId"] = draft.Id.ToString();
        fields["Input.ExpectedVersion"] = (draft.Version + 1).ToString();
        var stale = await PageClient.PostFormAsync(client, RecordPath(board), fields);
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await stale.Content.ReadAsStringAsync()).ShouldContain("The decision was changed by someone else since you opened it.");

        fields["Input.ExpectedVersion"] = draft.Version.ToString();
        var saved = await PageClient.PostFormAsync(client, RecordPath(board), fields);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await MessagesAsync(saved));
        saved.Headers.Location!.ToString().ShouldEndWith($"/Decisions/{draft.Id}");
        var view = await app.Send(AppFixture.Coordinator, new GetDecision.Query(draft.Id));
        view.Content.Rationale.ShouldBe("Separation surgery then SBRT.");
        (await app.QueryDbAsync(db => db.Decisions.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task A_missing_assessment_blocks_the_decision_at_the_top_until_the_chair_waives_it_on_the_page()
    {
        var board = await BoardAsync(app, withoutAssessment: [Discipline.RadiationOncology]);
        var coordinator = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var refused = await PageClient.PostFormAsync(coordinator, RecordPath(board), await FieldsAsync());
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        html.ShouldContain("The board cannot decide this case now: no submitted assessment (and no waiver) for radiation oncology.");
        html.ShouldContain("Only the meeting's chair");
        html.ShouldContain("Separation surgery then SBRT.");   // the form keeps what was typed

        var chair = await PageClient.SignedInAsync(app, DecisionTestData.Chair);
        var noReason = await PageClient.PostFormAsync(chair, RecordPath(board) + "?handler=Waive",
            new() { ["Waiver.Discipline"] = "RadiationOncology", ["Waiver.Reason"] = "" });
        noReason.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("Give the reason for the waiver.");

        var waived = await PageClient.PostFormAsync(chair, RecordPath(board) + "?handler=Waive",
            new() { ["Waiver.Discipline"] = "RadiationOncology", ["Waiver.Reason"] = "Radiation oncologist on leave; discussed by phone." });
        waived.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await chair.GetStringAsync(RecordPath(board))).ShouldContain("Radiation oncologist on leave; discussed by phone.");

        var recorded = await PageClient.PostFormAsync(coordinator, RecordPath(board), await FieldsAsync());
        recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect, await MessagesAsync(recorded));
        var page = await coordinator.GetStringAsync(recorded.Headers.Location!.ToString());
        page.ShouldContain("Assessments waived by the chair");
    }

    [Fact]
    public async Task A_member_present_records_a_dissenting_position_that_the_page_states_in_words()
    {
        var board = await BoardAsync(app);
        var draft = await RecordAsync(app, board);
        var client = await PageClient.SignedInAsync(app, AppFixture.MedOnc);
        var path = $"/Decisions/{draft.Id}";
        (await client.GetStringAsync(path)).ShouldContain("Record my position");

        var noReason = await PageClient.PostFormAsync(client, path + "?handler=Position", new() { ["Position.Kind"] = "Disagree" });
        noReason.StatusCode.ShouldBe(HttpStatusCode.OK);
        MessagesUnder(await noReason.Content.ReadAsStringAsync(), "Position.Text").ShouldContain("Say why you disagree.");

        var recorded = await PageClient.PostFormAsync(client, path + "?handler=Position",
            new() { ["Position.Kind"] = "Disagree", ["Position.Text"] = "Systemic therapy first." });
        recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await client.GetStringAsync(path);
        page.ShouldContain("Dissent recorded:");
        page.ShouldContain("Disagree (dissent)");
        page.ShouldContain("Systemic therapy first.");

        // The draft changes afterwards: the position shows as taken on an earlier draft.
        await app.Send(AppFixture.Coordinator, new ReviseDecision.Command
        {
            DecisionId = draft.Id, Content = (await ContentAsync(app)) with { Rationale = "Changed after the discussion." },
            ExpectedVersion = (await app.Send(AppFixture.Coordinator, new GetDecision.Query(draft.Id))).Version,
        });
        (await client.GetStringAsync(path)).ShouldContain("Taken on an earlier draft");
    }

    [Fact]
    public async Task The_chair_signs_with_the_password_and_the_page_shows_the_signature_manifestation()
    {
        var board = await BoardAsync(app);
        var draft = await RecordAsync(app, board);
        var client = await PageClient.SignedInAsync(app, DecisionTestData.Chair);
        var path = $"/Decisions/{draft.Id}";
        (await client.GetStringAsync(path)).ShouldContain("Sign as board chair");

        var wrong = await PageClient.PostFormAsync(client, path + "?handler=Sign",
            new() { ["Sign.Password"] = "not-the-password", ["Sign.ExpectedVersion"] = draft.Version.ToString() });
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await wrong.Content.ReadAsStringAsync();
        MessagesUnder(refused, "Sign.Password").ShouldContain("The password is not correct.");
        refused.ShouldNotContain("not-the-password");
        (await app.Send(AppFixture.Coordinator, new GetDecision.Query(draft.Id))).Status.ShouldBe(DecisionStatus.Draft);

        var signed = await PageClient.PostFormAsync(client, path + "?handler=Sign",
            new() { ["Sign.Password"] = AppFixture.Password, ["Sign.ExpectedVersion"] = draft.Version.ToString() });
        signed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await MessagesAsync(signed));

        var view = await app.Send(AppFixture.Coordinator, new GetDecision.Query(draft.Id));
        view.Status.ShouldBe(DecisionStatus.Signed);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(path));
        page.ShouldContain(view.Signature!.PrintedName);
        page.ShouldContain("approved as board chair");
        page.ShouldContain(view.Signature.ContentHash);
        page.ShouldMatch("[0-9a-f]{64}");
        page.ShouldContain("Content matches signature");
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Zurich");   // the board's zone, named: pages show no UTC
        page.ShouldContain(TimeZoneInfo.ConvertTime(view.Signature.SignedAt, zone).ToString("yyyy-MM-dd HH:mm:ss") + " (Europe/Zurich)");
        page.ShouldNotContain("Sign as board chair");
        page.ShouldNotContain("Record my position");
    }

    [Fact]
    public async Task A_signed_decision_changed_behind_the_application_shows_a_clear_warning_instead_of_the_match()
    {
        var (_, signed) = await SignedAsync(app);
        await using (var conn = new NpgsqlConnection(app.App.ConnectionString))
        {
            await conn.OpenAsync();
            await using var tamper = new NpgsqlCommand($$"""
                ALTER TABLE decisions DISABLE TRIGGER decisions_signed_immutable;
                UPDATE decisions SET content = jsonb_set(content, '{rationale}', '"changed"') WHERE id = '{{signed.Id}}';
                ALTER TABLE decisions ENABLE TRIGGER decisions_signed_immutable;
                """, conn);
            await tamper.ExecuteNonQueryAsync();
        }
        var client = await PageClient.SignedInAsync(app, AppFixture.Clinician);
        var page = await client.GetStringAsync($"/Decisions/{signed.Id}");
        page.ShouldContain("Warning: the content does not match the");
        page.ShouldContain("role=\"alert\"");
        page.ShouldNotContain("Content matches signature");
    }

    [Fact]
    public async Task A_coordinator_gets_no_sign_form_and_is_refused_when_posting_to_it()
    {
        var board = await BoardAsync(app);
        var draft = await RecordAsync(app, board);
        var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var path = $"/Decisions/{draft.Id}";
        var page = await client.GetStringAsync(path);
        page.ShouldNotContain("Sign as board chair");
        page.ShouldContain("Edit draft");

        var sign = await PostAsync(client, path + "?handler=Sign", new() { ["Sign.Password"] = AppFixture.Password });
        sign.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Send(AppFixture.Coordinator, new GetDecision.Query(draft.Id))).Status.ShouldBe(DecisionStatus.Draft);
    }

    [Fact]
    public async Task The_amend_page_creates_version_2_and_once_signed_the_first_version_says_superseded()
    {
        var (board, signed) = await SignedAsync(app);
        var client = await PageClient.SignedInAsync(app, DecisionTestData.Chair);
        var first = $"/Decisions/{signed.Id}";
        var decided = await client.GetStringAsync(RecordPath(board));
        decided.ShouldContain("id=\"already-decided\"");
        decided.ShouldNotContain("Save decision");
        (await client.GetStringAsync(first)).ShouldContain($"/Decisions/{signed.Id}/Amend");
        var form = await client.GetStringAsync(first + "/Amend");
        form.ShouldContain("High-grade ESCC in a radioresistant primary");   // pre-filled from the signed content
        form.ShouldContain("Save amendment");

        var fields = await FieldsAsync();
        var noReason = await PageClient.PostFormAsync(client, first + "/Amend", fields);
        noReason.StatusCode.ShouldBe(HttpStatusCode.OK);
        MessagesUnder(await noReason.Content.ReadAsStringAsync(), "Input.Reason").ShouldContain("Give the reason for the amendment.");

        fields["Input.Reason"] = "Surgery declined by the patient after the meeting.";
        var amended = await PageClient.PostFormAsync(client, first + "/Amend", fields);
        amended.StatusCode.ShouldBe(HttpStatusCode.Redirect, await MessagesAsync(amended));
        var second = amended.Headers.Location!.ToString();
        var draft = WebUtility.HtmlDecode(await client.GetStringAsync(second));
        draft.ShouldContain("Decision version 2");
        draft.ShouldContain("Surgery declined by the patient after the meeting.");
        draft.ShouldContain($"/Decisions/{signed.Id}\">version 1</a>");
        (await client.GetStringAsync(first)).ShouldNotContain("Superseded</strong>");
        // "Edit draft" of the amendment: the same decision form, changing the amendment draft.
        (await client.GetStringAsync(RecordPath(board))).ShouldContain("(an amendment of version 1: Surgery declined by the patient after the meeting.)");

        var sign = await PageClient.PostFormAsync(client, second + "?handler=Sign", new() { ["Sign.Password"] = AppFixture.Password });
        sign.StatusCode.ShouldBe(HttpStatusCode.Redirect, await MessagesAsync(sign));
        var old = await client.GetStringAsync(first);
        old.ShouldContain("Superseded</strong>");
        old.ShouldContain($"{second}\">version 2</a>");
        old.ShouldContain("approved as board chair");   // the old signature stays shown
        old.ShouldNotContain("/Amend\"");
        (await app.QueryDbAsync(db => db.Decisions.CountAsync(d => d.CaseId == board.CaseId))).ShouldBe(2);
    }

    [Fact]
    public async Task A_clinician_reads_the_decision_but_every_form_handler_refuses_them()
    {
        var board = await BoardAsync(app);
        var draft = await RecordAsync(app, board);
        var client = await PageClient.SignedInAsync(app, AppFixture.Clinician);
        var path = $"/Decisions/{draft.Id}";
        var page = await client.GetStringAsync(path);
        page.ShouldContain("Decision version 1");
        page.ShouldNotContain("Record my position");
        page.ShouldNotContain("Sign as board chair");
        page.ShouldNotContain("Edit draft");

        (await client.GetAsync(RecordPath(board))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        foreach (var (target, fields) in new (string, Dictionary<string, string>)[]
        {
            (path + "?handler=Position", new() { ["Position.Kind"] = "Agree" }),
            (path + "?handler=Sign", new() { ["Sign.Password"] = AppFixture.Password }),
            (RecordPath(board), await FieldsAsync()),
            (RecordPath(board) + "?handler=Waive", new() { ["Waiver.Discipline"] = "MedicalOncology", ["Waiver.Reason"] = "x" }),
            ($"{path}/Amend", await FieldsAsync()),
        })
            (await PostAsync(client, target, fields)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, target);
        var view = await app.Send(AppFixture.Coordinator, new GetDecision.Query(draft.Id));
        view.Positions.ShouldBeEmpty();
        view.Status.ShouldBe(DecisionStatus.Draft);
        (await app.QueryDbAsync(db => db.AssessmentWaivers.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task The_agenda_and_the_case_page_link_to_the_decision()
    {
        var board = await BoardAsync(app);
        var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var agenda = await client.GetStringAsync($"/Meetings/Details/{board.MeetingId}");
        agenda.ShouldContain($"href=\"{RecordPath(board)}\"");

        var draft = await RecordAsync(app, board);
        (await client.GetStringAsync($"/Meetings/Details/{board.MeetingId}")).ShouldContain($"href=\"/Decisions/{draft.Id}\"");
        var clinician = await PageClient.SignedInAsync(app, AppFixture.Clinician);
        var meeting = await clinician.GetStringAsync($"/Meetings/Details/{board.MeetingId}");
        meeting.ShouldContain($"href=\"/Decisions/{draft.Id}\"");
        meeting.ShouldNotContain(RecordPath(board));
        var casePage = await clinician.GetStringAsync($"/Cases/Details/{board.CaseId}");
        casePage.ShouldContain("id=\"case-decisions\"");
        casePage.ShouldContain($"href=\"/Decisions/{draft.Id}\">Version 1</a>");
    }

    [Fact]
    public async Task The_form_sections_show_for_the_outcomes_the_rules_table_gives_them()
    {
        var board = await BoardAsync(app);
        var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var form = await client.GetStringAsync(RecordPath(board));

        var treatment = string.Join(' ', DecisionOutcomeRules.All.Where(r => r.IsTreatment).Select(r => r.Outcome));
        var information = string.Join(' ', DecisionOutcomeRules.All.Where(r => r.AsksForInformation).Select(r => r.Outcome));
        WhenOutcome(form, "decision-plan").ShouldBe(treatment);
        WhenOutcome(form, "decision-concordance").ShouldBe(treatment);
        WhenOutcome(form, "decision-information").ShouldBe(information);
        // Every outcome can be chosen, and each chosen outcome shows some section besides the rationale.
        foreach (var outcome in Enum.GetValues<DecisionOutcome>())
        {
            form.ShouldContain($"id=\"outcome-{outcome}\"");
            $"{treatment} {information}".Split(' ').ShouldContain(outcome.ToString());
        }
    }

    [Fact]
    public async Task More_information_needed_is_saved_from_the_decision_page_as_the_browser_posts_it()
    {
        var board = await BoardAsync(app);
        var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        // decision-form.js disables the plan and concordance sections for this outcome: the browser does not post them.
        List<KeyValuePair<string, string>> fields =
        [
            new("Input.Content.Outcome", "MoreInformationNeeded"),
            new("Input.Content.InformationNeeded", "Imaging"),
            new("Input.Content.InformationNeeded", "Consult"),
            new("Input.Content.InformationNeededDetails", "MRI of the whole spine; spine surgery consult"),
            new("Input.Content.Rationale", "Extent of disease unclear."),
            new("Input.Content.PatientPreferences", "Wants to decide after the MRI."),
            new("Input.Content.PatientPreferencesNotAvailable", "false"),
            new("Input.Content.PatientPreferencesNotAvailableReason", ""),
            new("Input.Content.ResponsibleClinicianId", (await app.UserIdAsync(AppFixture.Clinician)).ToString()),
            new("Input.Content.FollowUpDate", ""),
        ];

        var response = await PostPairsAsync(client, RecordPath(board), fields);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await MessagesAsync(response));
        var view = await app.Send(AppFixture.Coordinator, new GetDecision.Query(Guid.Parse(response.Headers.Location!.ToString().Split('/').Last())));
        view.Content.Outcome.ShouldBe(DecisionOutcome.MoreInformationNeeded);
        view.Content.InformationNeeded.ShouldBe([InformationNeeded.Imaging, InformationNeeded.Consult]);
        view.Content.InformationNeededDetails.ShouldBe("MRI of the whole spine; spine surgery consult");
        view.Content.Plan.ShouldBeEmpty();
        view.Content.Intent.ShouldBeNull();
        var page = await client.GetStringAsync($"/Decisions/{view.Id}");
        page.ShouldContain("Information needed");
        page.ShouldContain("MRI of the whole spine; spine surgery consult");
    }

    [Fact]
    public async Task Every_problem_of_the_decision_form_is_reported_at_once_under_its_field()
    {
        var board = await BoardAsync(app);
        var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var fields = await FieldsAsync();
        Step(fields, 0, "1", "ConventionalEbrt", "", ["T5"], dose: "10000", fractions: "0");   // no timing
        Step(fields, 1, "2", "", "Soon", ["T6"], details: "Something");                        // no kind
        fields["Input.Content.FollowUpDate"] = "1900-01-01";
        fields["Input.Content.Rationale"] = "";
        fields["Input.Content.ResponsibleClinicianId"] = "";

        var response = await PageClient.PostFormAsync(client, RecordPath(board), fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        MessagesUnder(html, "Input.Steps[0].Timing").ShouldContain("Choose when this step should happen.");
        MessagesUnder(html, "Input.Steps[0].DoseGy").ShouldContain("The total dose must be above 0 and at most 100 Gy.");
        MessagesUnder(html, "Input.Steps[0].Fractions").ShouldContain("Fractions must be between 1 and 50.");
        MessagesUnder(html, "Input.Steps[1].Kind").ShouldContain("Choose the kind of this step.");
        MessagesUnder(html, "Input.Content.FollowUpDate").ShouldContain("The follow-up date cannot be in the past.");
        MessagesUnder(html, "Input.Content.Rationale").ShouldContain("Give the rationale for the decision.");
        MessagesUnder(html, "Input.Content.ResponsibleClinicianId").ShouldContain("Name the clinician responsible for carrying it out.");
        html.ShouldContain("value=\"10000\"");   // what was typed stays in the form
        (await app.QueryDbAsync(db => db.Decisions.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Every_field_of_the_decision_form_is_saved_as_posted_and_shown_again_in_the_form()
    {
        var board = await BoardAsync(app);
        var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var clinician = await app.UserIdAsync(AppFixture.Clinician);
        var followUp = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(40));
        List<KeyValuePair<string, string>> fields =
        [
            new("Input.Content.Outcome", "TreatmentRecommendation"),
            new("Input.Steps[0].Position", "2"), new("Input.Steps[0].Kind", "SbrtSrs"),
            new("Input.Steps[0].TargetLevels", "T5"), new("Input.Steps[0].TargetLevels", "T6"),
            new("Input.Steps[0].DoseGy", "24"), new("Input.Steps[0].Fractions", "2"),
            new("Input.Steps[0].Timing", "AfterPreviousStep"), new("Input.Steps[0].Details", "SBRT after wound healing"),
            new("Input.Steps[1].Position", "1"), new("Input.Steps[1].Kind", "Stabilisation"),
            new("Input.Steps[1].TargetLevels", "T5"), new("Input.Steps[1].DoseGy", ""), new("Input.Steps[1].Fractions", ""),
            new("Input.Steps[1].Timing", "Urgent"), new("Input.Steps[1].Details", "Percutaneous screws T4-T7"),
            new("Input.Content.Intent", "CurativeIntent"),
            new("Input.Content.Rationale", "Oligometastatic disease: stabilisation then ablative SBRT."),
            new("Input.Content.NomsConcordance", "Discordant"),
            new("Input.Content.DiscordanceReason", "Other"),
            new("Input.Content.DiscordanceText", "Oligometastatic: ablative dose instead of conventional EBRT"),
            new("Input.Content.PatientPreferences", "Wants the most durable control."),
            new("Input.Content.PatientPreferencesNotAvailable", "false"),
            new("Input.Content.PatientPreferencesNotAvailableReason", ""),
            new("Input.Content.ResponsibleClinicianId", clinician.ToString()),
            new("Input.Content.FollowUpDate", followUp.ToString("yyyy-MM-dd")),
        ];
        for (var row = 2; row < 6; row++)
            foreach (var f in new[] { "Position", "Kind", "DoseGy", "Fractions", "Timing", "Details" }) fields.Add(new($"Input.Steps[{row}].{f}", ""));

        var response = await PostPairsAsync(client, RecordPath(board), fields);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await MessagesAsync(response));
        var saved = await app.Send(AppFixture.Coordinator, new GetDecision.Query(Guid.Parse(response.Headers.Location!.ToString().Split('/').Last())));
        var expected = new DecisionContent
        {
            Outcome = DecisionOutcome.TreatmentRecommendation,
            Plan =
            [
                new PlanStep { Kind = PlanStepKind.Stabilisation, TargetLevels = [SpinalLevel.T5], Timing = StepTiming.Urgent, Details = "Percutaneous screws T4-T7" },
                new PlanStep { Kind = PlanStepKind.SbrtSrs, TargetLevels = [SpinalLevel.T5, SpinalLevel.T6], DoseGy = 24m, Fractions = 2,
                    Timing = StepTiming.AfterPreviousStep, Details = "SBRT after wound healing" },
            ],
            Intent = TreatmentIntent.CurativeIntent,
            Rationale = "Oligometastatic disease: stabilisation then ablative SBRT.",
            NomsConcordance = NomsConcordance.Discordant, DiscordanceReason = DiscordanceReason.Other,
            DiscordanceText = "Oligometastatic: ablative dose instead of conventional EBRT",
            PatientPreferences = "Wants the most durable control.",
            ResponsibleClinicianId = clinician, FollowUpDate = followUp,
        };
        DecisionJson.Serialize(saved.Content).ShouldBe(DecisionJson.Serialize(expected));

        // The form of the draft shows every saved value again; the preferences then change to "not available".
        var form = WebUtility.HtmlDecode(await client.GetStringAsync(RecordPath(board)));
        form.ShouldContain("Percutaneous screws T4-T7");
        form.ShouldContain("Oligometastatic: ablative dose instead of conventional EBRT");
        form.ShouldContain($"value=\"{followUp:yyyy-MM-dd}\"");
        List<KeyValuePair<string, string>> revised =
        [
            .. fields.Where(f => !f.Key.StartsWith("Input.Content.PatientPreferences", StringComparison.Ordinal)),
            new("DraftId", saved.Id.ToString()), new("Input.ExpectedVersion", saved.Version.ToString()),
            new("Input.Content.PatientPreferences", ""),
            new("Input.Content.PatientPreferencesNotAvailable", "true"), new("Input.Content.PatientPreferencesNotAvailable", "false"),
            new("Input.Content.PatientPreferencesNotAvailableReason", "Patient sedated in intensive care"),
        ];
        var second = await PostPairsAsync(client, RecordPath(board), revised);
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect, await MessagesAsync(second));
        var again = await app.Send(AppFixture.Coordinator, new GetDecision.Query(saved.Id));
        DecisionJson.Serialize(again.Content).ShouldBe(DecisionJson.Serialize(expected with
        {
            PatientPreferences = null, PatientPreferencesNotAvailable = true, PatientPreferencesNotAvailableReason = "Patient sedated in intensive care",
        }));
    }

    /// <summary>The data-when-outcome list of the form section with this id.</summary>
    static string WhenOutcome(string html, string sectionId) =>
        Regex.Match(html, $@"<fieldset id=""{Regex.Escape(sectionId)}""[^>]*data-when-outcome=""([^""]*)""").Groups[1].Value;

    /// <summary>GETs the form page, then POSTs the fields in order, a name as often as a browser repeats it (checkboxes, multi-selects).</summary>
    static async Task<HttpResponseMessage> PostPairsAsync(HttpClient client, string path, List<KeyValuePair<string, string>> fields)
    {
        var token = PageClient.AntiforgeryToken(await client.GetStringAsync(path));
        return await client.PostAsync(path, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
    }

    /// <summary>A complete treatment decision as the form posts it: one surgery step in row 0, five blank rows.</summary>
    async Task<Dictionary<string, string>> FieldsAsync()
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Content.Outcome"] = "TreatmentRecommendation",
            ["Input.Content.Intent"] = "LocalControl",
            ["Input.Content.Rationale"] = "Separation surgery then SBRT.",
            ["Input.Content.NomsConcordance"] = "Concordant",
            ["Input.Content.PatientPreferences"] = "Wants to stay mobile.",
            ["Input.Content.ResponsibleClinicianId"] = (await app.UserIdAsync(AppFixture.Clinician)).ToString(),
            ["Input.Content.FollowUpDate"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
        };
        Step(fields, 0, "1", "SeparationSurgery", "Urgent", ["T5"]);
        for (var i = 1; i < 6; i++) Blank(fields, i);
        return fields;
    }

    /// <summary>A spare row as a browser posts it: empty values, no level chosen (an empty multi-select posts nothing).</summary>
    static void Blank(Dictionary<string, string> fields, int row)
    {
        foreach (var key in fields.Keys.Where(k => k.StartsWith($"Input.Steps[{row}].TargetLevels")).ToList()) fields.Remove(key);
        foreach (var f in new[] { "Position", "Kind", "DoseGy", "Fractions", "Timing", "Details" }) fields[$"Input.Steps[{row}].{f}"] = "";
    }

    static void Step(Dictionary<string, string> fields, int row, string position, string kind, string timing, string[] levels,
        string dose = "", string fractions = "", string details = "")
    {
        var p = $"Input.Steps[{row}]";
        fields[$"{p}.Position"] = position; fields[$"{p}.Kind"] = kind; fields[$"{p}.Timing"] = timing;
        fields[$"{p}.DoseGy"] = dose; fields[$"{p}.Fractions"] = fractions; fields[$"{p}.Details"] = details;
        for (var i = 0; i < levels.Length; i++) fields[$"{p}.TargetLevels[{i}]"] = levels[i];
    }

    /// <summary>A POST with a valid antiforgery token from another page (the target shows no form to this user).</summary>
    static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = PageClient.AntiforgeryToken(await client.GetStringAsync("/Account/Manage/ChangePassword"));
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    static async Task<string> MessagesAsync(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.OK
            ? string.Join(" | ", ErrorText().Matches(await response.Content.ReadAsStringAsync()).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value + m.Groups[2].Value)))
            : $"status {(int)response.StatusCode}";

    static List<string> MessagesUnder(string html, string field) =>
        Regex.Matches(html, $@"data-valmsg-for=""{Regex.Escape(field)}""[^>]*>(?:<span[^>]*>)?([^<]+)<")
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim()).Where(m => m.Length > 0).ToList();

    [GeneratedRegex(@"<li>([^<]+)</li>|class=""field-validation-error""[^>]*>([^<]+)<")]
    private static partial Regex ErrorText();
}
