using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.FastTrack;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Mscc;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.IntegrationTests.Meetings;
using static TumorBoard.IntegrationTests.Decisions.EmergencyPlanTestData;

namespace TumorBoard.IntegrationTests.Decisions;

/// <summary>
/// The emergency plan outside a meeting (issue #14 part 1): a P1 case's plan agreed by a neurosurgeon and a radiation
/// oncologist, both signing with password re-entry, recorded as a decision of kind EmergencyPlan; it stops the P1 plan
/// clock, lists the case on the next meeting for review, and has a board decision's versions, history and audit.
/// </summary>
[Collection(DecisionsDatabase.Name)]
public sealed class EmergencyPlanTests(AppFixture app) : DatabaseTest(app)
{
    async Task<(HttpResponseMessage Response, JsonElement Body)> PostAsync(string? email, string url, object body)
    {
        using var client = await app.ClientAsync(email);
        var response = await client.SendAsync(Api.Request(HttpMethod.Post, url, body));
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement);
    }

    [Fact]
    public async Task A_neurosurgeon_records_an_emergency_plan_for_a_P1_case_over_http()
    {
        var caseId = await P1CaseAsync(app);

        var (response, view) = await PostAsync(AppFixture.Neurosurgeon, CreateUrl(caseId), new { content = await DecisionTestData.ContentAsync(app) });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, view.ToString());
        var id = view.GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/decisions/{id}");
        view.GetProperty("kind").GetString().ShouldBe("EmergencyPlan");
        view.GetProperty("status").GetString().ShouldBe("Draft");
        view.GetProperty("meetingId").ValueKind.ShouldBe(JsonValueKind.Null);
        view.GetProperty("meetingTitle").GetString().ShouldBe("Emergency plan outside a meeting");
        view.GetProperty("emergencySignatures").GetArrayLength().ShouldBe(0);
        var stored = await app.QueryDbAsync(db => db.Decisions.AsNoTracking().SingleAsync(d => d.Id == id));
        stored.Kind.ShouldBe(DecisionKind.EmergencyPlan);
        stored.MeetingId.ShouldBeNull();
    }

    [Fact]
    public async Task A_P2_or_routine_case_gets_no_emergency_plan()
    {
        var routine = await MeetingTestData.ReadyCaseAsync(app, c => c with
            { Urgency = Urgency.Routine, Frankel = Domain.Clinical.FrankelGrade.E, Asia = null, Myelopathy = false, MsccSymptoms = [] });
        var p2 = await MeetingTestData.ReadyCaseAsync(app, c => c with
            { Urgency = Urgency.Routine, Frankel = Domain.Clinical.FrankelGrade.E, Asia = null, Myelopathy = false, MsccSymptoms = [] });
        await app.Send(AppFixture.Coordinator, new RaiseTriage.Command { CaseId = p2, Triage = TriageLevel.P2, Reason = "Pain at night" });
        (await app.Send(AppFixture.Coordinator, new GetCase.Query(routine))).Triage.ShouldBe(TriageLevel.Routine);

        foreach (var caseId in new[] { routine, p2 })
        {
            var (response, problem) = await PostAsync(AppFixture.Neurosurgeon, CreateUrl(caseId), new { content = await DecisionTestData.ContentAsync(app) });
            await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
            problem.GetProperty("detail").GetString()!.ShouldContain("only for a P1 emergency");
        }
        (await app.QueryDbAsync(db => db.Decisions.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task The_content_is_validated_as_a_board_decision()
    {
        var caseId = await P1CaseAsync(app);
        var content = await DecisionTestData.ContentAsync(app) with { Rationale = "" };

        var (response, problem) = await PostAsync(AppFixture.Neurosurgeon, CreateUrl(caseId), new { content });

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldContain(n => n.Contains("Rationale", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_wrong_password_is_a_problem_on_the_password_and_stores_no_signature()
    {
        var draft = await DraftAsync(app, await P1CaseAsync(app));

        var (response, problem) = await PostAsync(AppFixture.Neurosurgeon, SignUrl(draft.Id), SignBody("Neurosurgery", "not-my-password"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldContain("password");
        (await app.QueryDbAsync(db => db.EmergencySignatures.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_signer_signs_only_for_their_own_discipline_and_medical_oncology_does_not_sign()
    {
        var draft = await DraftAsync(app, await P1CaseAsync(app));

        var (asOther, _) = await PostAsync(AppFixture.RadOnc, SignUrl(draft.Id), SignBody("Neurosurgery"));
        await asOther.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var (medOnc, _) = await PostAsync(AppFixture.MedOnc, SignUrl(draft.Id), SignBody("RadiationOncology"));
        await medOnc.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var (notADiscipline, problem) = await PostAsync(AppFixture.MedOnc, SignUrl(draft.Id), SignBody("MedicalOncology"));
        await notADiscipline.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldContain("discipline");
        (await app.QueryDbAsync(db => db.EmergencySignatures.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_second_signature_for_the_same_discipline_is_a_conflict()
    {
        var draft = await DraftAsync(app, await P1CaseAsync(app));
        var (first, _) = await PostAsync(AppFixture.Neurosurgeon, SignUrl(draft.Id), SignBody("Neurosurgery"));
        first.StatusCode.ShouldBe(HttpStatusCode.OK);

        var (second, problem) = await PostAsync(AppFixture.Neurosurgeon, SignUrl(draft.Id), SignBody("Neurosurgery"));

        await second.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("already signed for neurosurgery");
        (await app.QueryDbAsync(db => db.EmergencySignatures.CountAsync())).ShouldBe(1);
        (await app.Send(AppFixture.Coordinator, new GetDecision.Query(draft.Id))).Status.ShouldBe(DecisionStatus.Draft);
    }

    [Fact]
    public async Task Two_signatures_for_one_discipline_at_once_leave_one_the_other_is_a_conflict()
    {
        var draft = await DraftAsync(app, await P1CaseAsync(app));
        using var a = await app.ClientAsync(AppFixture.Neurosurgeon);
        using var b = await app.ClientAsync(AppFixture.Neurosurgeon);

        var responses = await Task.WhenAll(
            a.SendAsync(Api.Request(HttpMethod.Post, SignUrl(draft.Id), SignBody("Neurosurgery"))),
            b.SendAsync(Api.Request(HttpMethod.Post, SignUrl(draft.Id), SignBody("Neurosurgery"))));

        responses.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await app.QueryDbAsync(db => db.EmergencySignatures.CountAsync(s => s.DecisionId == draft.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task The_database_refuses_a_second_signature_row_for_a_discipline_or_a_person()
    {
        var draft = await DraftAsync(app, await P1CaseAsync(app));
        await SignAsync(app, draft.Id, AppFixture.Neurosurgeon, Discipline.Neurosurgery);
        var neurosurgeon = await app.UserIdAsync(AppFixture.Neurosurgeon);
        var radOnc = await app.UserIdAsync(AppFixture.RadOnc);

        async Task<PostgresException> InsertAsync(Guid signer, string discipline) => await Should.ThrowAsync<PostgresException>(() =>
            app.QueryDbAsync(db => db.Database.ExecuteSqlAsync(
                $"INSERT INTO emergency_signatures (id, decision_id, signed_by_id, signer_name, discipline, content_hash, signed_at) VALUES ({Guid.NewGuid()}, {draft.Id}, {signer}, {"X"}, {discipline}, {new string('0', 64)}, now())")));

        (await InsertAsync(radOnc, "Neurosurgery")).ConstraintName.ShouldBe("ux_emergency_signatures_discipline");
        (await InsertAsync(neurosurgeon, "RadiationOncology")).ConstraintName.ShouldBe("ux_emergency_signatures_signer");
    }

    [Fact]
    public async Task The_two_disciplines_signing_at_once_both_get_through_and_the_plan_is_signed()
    {
        var draft = await DraftAsync(app, await P1CaseAsync(app));
        using var ns = await app.ClientAsync(AppFixture.Neurosurgeon);
        using var ro = await app.ClientAsync(AppFixture.RadOnc);

        var responses = await Task.WhenAll(
            ns.SendAsync(Api.Request(HttpMethod.Post, SignUrl(draft.Id), SignBody("Neurosurgery"))),
            ro.SendAsync(Api.Request(HttpMethod.Post, SignUrl(draft.Id), SignBody("RadiationOncology"))));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var plan = await app.Send(AppFixture.Coordinator, new GetDecision.Query(draft.Id));
        plan.Status.ShouldBe(DecisionStatus.Signed);
        plan.EmergencySignatures.Select(s => s.Discipline).Order().ShouldBe([Discipline.RadiationOncology, Discipline.Neurosurgery]);
        plan.Signature!.Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task Both_signatures_sign_the_plan_stop_the_P1_plan_clock_and_list_the_case_on_the_next_meeting()
    {
        var later = await MeetingTestData.PlanMeetingAsync(app, startsIn: TimeSpan.FromDays(3));
        var next = await MeetingTestData.PlanMeetingAsync(app, startsIn: TimeSpan.FromHours(5));   // past its cut-off: P1 needs no reason
        var caseId = await P1CaseAsync(app);
        var draft = await DraftAsync(app, caseId);

        var half = await SignAsync(app, draft.Id, AppFixture.Neurosurgeon, Discipline.Neurosurgery);
        half.View.Status.ShouldBe(DecisionStatus.Draft);
        (await app.Send(AppFixture.Coordinator, new GetCase.Query(caseId))).Clocks
            .Single(c => c.Name == MsccClockName.TreatmentPlan).State.ShouldBe(ClockState.Running);
        var (response, body) = await PostAsync(AppFixture.RadOnc, SignUrl(draft.Id), SignBody("RadiationOncology"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("status").GetString().ShouldBe("Signed");
        body.GetProperty("kind").GetString().ShouldBe("EmergencyPlan");
        body.GetProperty("emergencySignatures").EnumerateArray().Select(s => s.GetProperty("discipline").GetString())
            .ShouldBe(["Neurosurgery", "RadiationOncology"]);
        var plan = await app.Send(AppFixture.Coordinator, new GetDecision.Query(draft.Id));
        plan.Signature!.Meaning.ShouldBe(EmergencySignature.Meaning);
        plan.Signature.Intact.ShouldBeTrue();
        var names = await app.QueryDbAsync(db => db.Users.Where(u => u.Email == AppFixture.Neurosurgeon || u.Email == AppFixture.RadOnc)
            .Select(u => u.DisplayName).ToListAsync());
        names.ShouldAllBe(n => plan.Signature.PrintedName.Contains(n));

        var tumorCase = await app.Send(AppFixture.Coordinator, new GetCase.Query(caseId));
        var clock = tumorCase.Clocks.Single(c => c.Name == MsccClockName.TreatmentPlan);
        clock.State.ShouldBe(ClockState.Met);
        clock.StoppedAt!.Value.ShouldBe(plan.Signature.SignedAt, TimeSpan.FromMilliseconds(1));
        tumorCase.Status.ShouldBe(CaseStatus.Scheduled);
        var item = (await app.Send(AppFixture.Coordinator, new GetMeeting.Query(next))).Agenda.ShouldHaveSingleItem();
        item.CaseId.ShouldBe(caseId);
        item.IsLateAddition.ShouldBeTrue();
        item.LateAdditionReason.ShouldBe("Review of the emergency plan outside a meeting (decision version 1)");
        (await app.Send(AppFixture.Coordinator, new GetMeeting.Query(later))).Agenda.ShouldBeEmpty();
    }

    [Fact]
    public async Task Signing_writes_audit_rows_for_each_signature_the_plan_and_the_listing()
    {
        await MeetingTestData.PlanMeetingAsync(app, startsIn: TimeSpan.FromDays(2));
        var caseId = await P1CaseAsync(app);
        var draft = await DraftAsync(app, caseId);
        var before = await app.QueryDbAsync(db => db.AuditEntries.MaxAsync(a => a.Id));

        await SignAsync(app, draft.Id, AppFixture.Neurosurgeon, Discipline.Neurosurgery);
        await SignAsync(app, draft.Id, AppFixture.RadOnc, Discipline.RadiationOncology);

        var rows = await app.QueryDbAsync(db => db.AuditEntries.Where(a => a.Id > before).OrderBy(a => a.Id).ToListAsync());
        rows.Where(r => r.EntityType == nameof(EmergencySignature)).Select(r => r.Operation).ShouldBe(["Added", "Added"]);
        rows.Where(r => r.EntityType == nameof(EmergencySignature)).ShouldAllBe(r => r.Action == "SignEmergencyPlan");
        rows.Where(r => r.EntityType == nameof(BoardDecision) && r.EntityId == draft.Id.ToString()).ShouldNotBeEmpty();
        rows.ShouldContain(r => r.EntityType == "AgendaItem" && r.Operation == "Added");
        rows.Select(r => r.ActorName).Distinct().Count().ShouldBe(2);
        (await app.VerifyAuditTrailAsync()).Valid.ShouldBeTrue();
    }

    [Fact]
    public async Task The_history_the_fhir_document_and_the_report_show_the_kind_and_both_signatures()
    {
        var caseId = await P1CaseAsync(app);
        var plan = await SignedAsync(app, caseId);
        using var client = await app.ClientAsync(AppFixture.Clinician);

        var history = await client.GetStringAsync($"/api/v1/cases/{caseId}/history");
        history.ShouldContain("Emergency plan outside a meeting recorded as decision version 1");
        history.ShouldContain("signed for neurosurgery by");
        history.ShouldContain("signed for radiation oncology by");
        (await app.Send(AppFixture.Clinician, new Application.Features.CaseHistory.GetCaseHistory.Query(caseId))).Decisions
            .ShouldHaveSingleItem().Kind.ShouldBe(DecisionKind.EmergencyPlan);

        var fhir = await client.GetStringAsync($"/api/v1/decisions/{plan.Id}/fhir");
        fhir.ShouldContain("decision-kind-emergency-plan");
        fhir.ShouldContain("Emergency plan outside a meeting");

        using var pages = await PageClient.SignedInAsync(app, AppFixture.Clinician);
        var report = await pages.GetStringAsync($"/Decisions/{plan.Id}/Report");
        report.ShouldContain("Emergency plan outside a meeting, version 1");
        report.ShouldContain("id=\"emergency-signatures\"");
        report.ShouldContain("Neurosurgery");
        report.ShouldContain("Radiation oncology");

        var pdf = await client.GetByteArrayAsync($"/api/v1/decisions/{plan.Id}/report.pdf");
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        text.ShouldContain("Emergency plan outside a meeting, version 1");
        text.ShouldContain("signatures by discipline");
    }

    [Fact]
    public async Task An_emergency_plan_is_amended_and_signed_again_by_both_disciplines_superseding_the_first()
    {
        await MeetingTestData.PlanMeetingAsync(app, startsIn: TimeSpan.FromDays(2));
        var caseId = await P1CaseAsync(app);
        var v1 = await SignedAsync(app, caseId);
        var content = await DecisionTestData.ContentAsync(app);
        var amended = content with { Plan = [content.Plan[0], content.Plan[1] with { DoseGy = 24m, Fractions = 2 }] };

        var v2 = await app.Send(AppFixture.RadOnc, new AmendDecision.Command { DecisionId = v1.Id, Reason = "Dose after planning", Content = amended });
        v2.View.Kind.ShouldBe(DecisionKind.EmergencyPlan);
        await Should.ThrowAsync<Domain.Common.DomainConflictException>(() =>
            app.Send(DecisionTestData.Chair, new SignDecision.Command { DecisionId = v2.Id, Password = AppFixture.Password }));
        await SignAsync(app, v2.Id, AppFixture.RadOnc, Discipline.RadiationOncology);
        var signed = await SignAsync(app, v2.Id, AppFixture.Neurosurgeon, Discipline.Neurosurgery);

        signed.View.Status.ShouldBe(DecisionStatus.Signed);
        signed.View.AmendsNumber.ShouldBe(1);
        (await app.Send(AppFixture.Coordinator, new GetDecision.Query(v1.Id))).Status.ShouldBe(DecisionStatus.Superseded);
    }

    [Fact]
    public async Task A_coordinator_reads_the_plan_and_only_neurosurgery_and_radiation_oncology_write_it()
    {
        var caseId = await P1CaseAsync(app);
        var body = new { content = await DecisionTestData.ContentAsync(app) };
        foreach (var who in new[] { AppFixture.Coordinator, AppFixture.MedOnc, AppFixture.Clinician, AppFixture.Admin })
        {
            var (refused, _) = await PostAsync(who, CreateUrl(caseId), body);
            await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }
        var (anonymous, _) = await PostAsync(null, CreateUrl(caseId), body);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var (created, view) = await PostAsync(AppFixture.RadOnc, CreateUrl(caseId), body);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = view.GetProperty("id").GetGuid();
        foreach (var who in new[] { AppFixture.Coordinator, AppFixture.Clinician, AppFixture.MedOnc })
        {
            using var client = await app.ClientAsync(who);
            (await client.GetAsync($"/api/v1/decisions/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        using var admin = await app.ClientAsync(AppFixture.Admin);
        (await admin.GetAsync($"/api/v1/decisions/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        foreach (var who in new[] { AppFixture.Coordinator, AppFixture.Clinician, AppFixture.Admin })
        {
            var (refused, _) = await PostAsync(who, SignUrl(id), SignBody("Neurosurgery"));
            await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }
    }
}
