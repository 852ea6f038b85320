using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Features.CaseHistory;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.Patients;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.PatientLetters;
using TumorBoard.Domain.Patients;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;
using static TumorBoard.IntegrationTests.Decisions.DecisionTestData;

namespace TumorBoard.IntegrationTests.PatientLetters;

/// <summary>
/// The patient letter over HTTP (pathways.md §4): drafted only from a signed decision, edited with If-Match, recorded as
/// sent and then closed, who may write and read it, the audit and history rows it leaves, and an amendment that
/// supersedes the old letter while the new one binds the new signed hash.
/// </summary>
[Collection(DecisionsDatabase.Name)]
public sealed class PatientLetterHttpTests(AppFixture app) : DatabaseTest(app)
{
    static string Letters(Guid decisionId) => $"/api/v1/decisions/{decisionId}/patient-letters";

    async Task<(HttpResponseMessage Response, JsonElement Body)> SendAsync(string? email, HttpMethod method, string url, object? body = null, string? ifMatch = null)
    {
        using var client = await app.ClientAsync(email);
        var response = await client.SendAsync(Api.Request(method, url, body, ifMatch));
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement);
    }

    [Fact]
    public async Task A_draft_decision_gets_no_letter_409_and_nothing_is_written()
    {
        var board = await BoardAsync(app);
        var draft = await RecordAsync(app, board);
        var (response, problem) = await SendAsync(AppFixture.Coordinator, HttpMethod.Post, Letters(draft.Id));
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("not signed yet");
        (await app.QueryDbAsync(db => db.PatientLetters.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task The_responsible_clinician_drafts_edits_with_If_Match_and_records_the_letter_as_sent_then_it_is_closed()
    {
        var (_, signed) = await SignedAsync(app);
        var (created, letter) = await SendAsync(AppFixture.Clinician, HttpMethod.Post, Letters(signed.Id));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, letter.ToString());
        var id = letter.GetProperty("id").GetGuid();
        created.Headers.Location!.ToString().ShouldBe($"{Letters(signed.Id)}/{id}");
        letter.GetProperty("status").GetString().ShouldBe("Draft");
        letter.GetProperty("language").GetString().ShouldBe("de");   // the board's default for a patient registered without one
        letter.GetProperty("decisionHash").GetString().ShouldBe(signed.View.Signature!.ContentHash);
        letter.GetProperty("why").GetString().ShouldBe(signed.View.Content.Rationale);
        letter.GetProperty("letter").GetProperty("warningCall").GetString()!.ShouldContain(TumorBoardApp.TestEmergencyPhone);
        letter.GetProperty("versions").GetArrayLength().ShouldBe(1);
        var etag = created.ETag();

        const string why = "Der Tumor drückt auf Ihr Rückenmark. Wir nehmen zuerst den Druck weg.";
        (await SendAsync(AppFixture.Clinician, HttpMethod.Put, $"{Letters(signed.Id)}/{id}/why", new { why })).Response.StatusCode
            .ShouldBe((HttpStatusCode)428);
        var (edited, afterEdit) = await SendAsync(AppFixture.Clinician, HttpMethod.Put, $"{Letters(signed.Id)}/{id}/why", new { why }, etag);
        edited.StatusCode.ShouldBe(HttpStatusCode.OK, afterEdit.ToString());
        afterEdit.GetProperty("currentVersionNumber").GetInt32().ShouldBe(2);
        afterEdit.GetProperty("letter").GetProperty("why").GetString().ShouldBe(why);
        var (stale, _) = await SendAsync(AppFixture.Clinician, HttpMethod.Put, $"{Letters(signed.Id)}/{id}/why", new { why = "Later words." }, etag);
        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var (blank, invalid) = await SendAsync(AppFixture.Clinician, HttpMethod.Put, $"{Letters(signed.Id)}/{id}/why", new { why = " " }, edited.ETag());
        blank.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        invalid.GetProperty("errors").TryGetProperty("why", out _).ShouldBeTrue();

        var (badSend, _) = await SendAsync(AppFixture.Clinician, HttpMethod.Post, $"{Letters(signed.Id)}/{id}/sent", new { }, edited.ETag());
        badSend.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var (sent, afterSend) = await SendAsync(AppFixture.Clinician, HttpMethod.Post, $"{Letters(signed.Id)}/{id}/sent", new { method = "HandedOver" }, edited.ETag());
        sent.StatusCode.ShouldBe(HttpStatusCode.OK, afterSend.ToString());
        afterSend.GetProperty("status").GetString().ShouldBe("Sent");
        afterSend.GetProperty("sent").GetProperty("versionNumber").GetInt32().ShouldBe(2);
        afterSend.GetProperty("sent").GetProperty("method").GetString().ShouldBe("HandedOver");

        var (closed, problem) = await SendAsync(AppFixture.Clinician, HttpMethod.Put, $"{Letters(signed.Id)}/{id}/why", new { why = "Again." }, sent.ETag());
        closed.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("was sent");
        (await SendAsync(AppFixture.Coordinator, HttpMethod.Post, Letters(signed.Id))).Response.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var (first, v1) = await SendAsync(AppFixture.MedOnc, HttpMethod.Get, $"{Letters(signed.Id)}/{id}?version=1");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        v1.GetProperty("why").GetString().ShouldBe(signed.View.Content.Rationale);
        var (listed, list) = await SendAsync(AppFixture.Clinician, HttpMethod.Get, Letters(signed.Id));
        listed.StatusCode.ShouldBe(HttpStatusCode.OK);
        list.GetArrayLength().ShouldBe(1);
        list[0].GetProperty("status").GetString().ShouldBe("Sent");
        list[0].GetProperty("versions").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task A_coordinator_or_the_responsible_clinician_writes_the_letter_the_decisions_readers_read_it()
    {
        var (_, signed) = await SignedAsync(app);
        (await SendAsync(AppFixture.Neurosurgeon, HttpMethod.Post, Letters(signed.Id))).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await SendAsync(AppFixture.Admin, HttpMethod.Post, Letters(signed.Id))).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await SendAsync(null, HttpMethod.Post, Letters(signed.Id))).Response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var (created, letter) = await SendAsync(AppFixture.Coordinator, HttpMethod.Post, Letters(signed.Id));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var url = $"{Letters(signed.Id)}/{letter.GetProperty("id").GetGuid()}";
        foreach (var reader in new[] { AppFixture.Coordinator, AppFixture.MedOnc, AppFixture.RadOnc, AppFixture.Neurosurgeon, AppFixture.Clinician })
        {
            (await SendAsync(reader, HttpMethod.Get, url)).Response.StatusCode.ShouldBe(HttpStatusCode.OK, reader);
            (await SendAsync(reader, HttpMethod.Get, Letters(signed.Id))).Response.StatusCode.ShouldBe(HttpStatusCode.OK, reader);
        }
        (await SendAsync(AppFixture.Admin, HttpMethod.Get, url)).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await SendAsync(null, HttpMethod.Get, url)).Response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var (edit, _) = await SendAsync(AppFixture.MedOnc, HttpMethod.Put, $"{url}/why", new { why = "Not mine to write." }, created.ETag());
        edit.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var (send, _) = await SendAsync(AppFixture.Neurosurgeon, HttpMethod.Post, $"{url}/sent", new { method = "Post" }, created.ETag());
        send.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await SendAsync(AppFixture.Coordinator, HttpMethod.Get, $"{Letters(signed.Id)}/{Guid.NewGuid()}")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Who_drafted_edited_and_sent_the_letter_is_in_the_audit_trail_and_the_case_history()
    {
        var (board, signed) = await SignedAsync(app);
        var (created, letter) = await SendAsync(AppFixture.Coordinator, HttpMethod.Post, Letters(signed.Id));
        var url = $"{Letters(signed.Id)}/{letter.GetProperty("id").GetGuid()}";
        var (edited, _) = await SendAsync(AppFixture.Clinician, HttpMethod.Put, $"{url}/why", new { why = "Plain words." }, created.ETag());
        (await SendAsync(AppFixture.Clinician, HttpMethod.Post, $"{url}/sent", new { method = "Post" }, edited.ETag())).Response.StatusCode.ShouldBe(HttpStatusCode.OK);

        var audit = await app.QueryDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(PatientLetter) || a.EntityType == nameof(PatientLetterVersion))
            .Select(a => new { a.Action, a.EntityType, a.Operation, a.ActorName }).ToListAsync());
        audit.ShouldContain(a => a.Action == "GeneratePatientLetter" && a.EntityType == nameof(PatientLetter) && a.Operation == "Added");
        audit.ShouldContain(a => a.Action == "EditPatientLetter" && a.EntityType == nameof(PatientLetterVersion) && a.Operation == "Added");
        audit.ShouldContain(a => a.Action == "MarkPatientLetterSent" && a.EntityType == nameof(PatientLetter) && a.Operation == "Modified");
        var clinician = await app.QueryDbAsync(db => db.Users.Where(u => u.Email == AppFixture.Clinician).Select(u => u.DisplayName).SingleAsync());
        audit.Where(a => a.Action != "GeneratePatientLetter").ShouldAllBe(a => a.ActorName == clinician);

        var events = (await app.Send(AppFixture.Clinician, new GetCaseHistory.Query(board.CaseId))).Events;
        var written = events.Where(e => e.Kind == HistoryEventKind.PatientLetterWritten).ToList();
        written.Count.ShouldBe(2);
        written[1].ActorName.ShouldBe(clinician);
        written[1].Summary.ShouldContain("\"why\" edited");
        events.ShouldContain(e => e.Kind == HistoryEventKind.PatientLetterSent && e.ActorName == clinician && e.Summary.Contains("sent by post"));
    }

    [Fact]
    public async Task After_an_amendment_the_old_letter_says_superseded_and_cannot_be_sent_and_the_new_one_binds_the_new_hash()
    {
        var (_, signed) = await SignedAsync(app);
        var (created, old) = await SendAsync(AppFixture.Coordinator, HttpMethod.Post, Letters(signed.Id));
        var oldUrl = $"{Letters(signed.Id)}/{old.GetProperty("id").GetGuid()}";
        var content = await ContentAsync(app);
        var amendment = await app.Send(AppFixture.Coordinator, new AmendDecision.Command
        {
            DecisionId = signed.Id, Reason = "Radiotherapy alone after new imaging",
            Content = content with { Plan = [content.Plan[1] with { Timing = StepTiming.Soon }] },
        });
        var amended = await SignAsync(app, amendment.Id);

        var (read, superseded) = await SendAsync(AppFixture.Coordinator, HttpMethod.Get, oldUrl);
        superseded.GetProperty("status").GetString().ShouldBe("Superseded");
        superseded.GetProperty("supersededByDecisionId").GetGuid().ShouldBe(amended.Id);
        var (send, problem) = await SendAsync(AppFixture.Coordinator, HttpMethod.Post, $"{oldUrl}/sent", new { method = "Print" }, read.ETag());
        send.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("superseded");
        (await SendAsync(AppFixture.Coordinator, HttpMethod.Post, Letters(signed.Id))).Response.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var (again, fresh) = await SendAsync(AppFixture.Coordinator, HttpMethod.Post, Letters(amended.Id));
        again.StatusCode.ShouldBe(HttpStatusCode.Created, fresh.ToString());
        fresh.GetProperty("decisionHash").GetString().ShouldBe(amended.View.Signature!.ContentHash);
        fresh.GetProperty("decisionHash").GetString().ShouldNotBe(old.GetProperty("decisionHash").GetString());
        fresh.GetProperty("letter").GetProperty("steps").GetArrayLength().ShouldBe(1);
        var (_, list) = await SendAsync(AppFixture.Coordinator, HttpMethod.Get, Letters(amended.Id));
        list.EnumerateArray().Select(r => (r.GetProperty("decisionNumber").GetInt32(), r.GetProperty("status").GetString()))
            .ShouldBe([(2, "Draft"), (1, "Superseded")]);
    }

    [Fact]
    public async Task A_dissent_and_the_positions_never_reach_the_letter()
    {
        var board = await BoardAsync(app);
        var draft = await RecordAsync(app, board);
        const string dissent = "Systemic therapy first would spare the surgery.";
        await app.Send(AppFixture.MedOnc, new RecordPosition.Command { DecisionId = draft.Id, Kind = PositionKind.Disagree, Text = dissent });
        var signed = await SignAsync(app, draft.Id);
        signed.View.HasDissent.ShouldBeTrue();
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        var response = await client.SendAsync(Api.Request(HttpMethod.Post, Letters(signed.Id)));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, text);
        text.ShouldNotContain("Systemic therapy first");
        text.ShouldNotContain("spare the surgery");
        text.ShouldNotContain(signed.View.Content.PatientPreferences!);
        var stored = await app.QueryDbAsync(db => db.PatientLetterVersions.Select(v => v.DocumentJson).SingleAsync());
        stored.ShouldNotContain("spare the surgery");
    }

    [Fact]
    public async Task The_letter_is_written_in_the_patients_language()
    {
        var (board, signed) = await SignedAsync(app);
        var patientId = await app.QueryDbAsync(db => db.Cases.Where(c => c.Id == board.CaseId).Select(c => c.PatientId).SingleAsync());
        var p = await app.Send(AppFixture.Coordinator, new GetPatient.Query(patientId));
        var updated = await app.Send(AppFixture.Coordinator, new UpdatePatient.Command
        {
            PatientId = p.Id, ExpectedVersion = p.Version, Mrn = p.Mrn, FamilyName = p.FamilyName, GivenName = p.GivenName,
            DateOfBirth = p.DateOfBirth, Sex = p.Sex, Language = PatientLanguage.fr,
        });
        updated.Language.ShouldBe(PatientLanguage.fr);
        var (_, letter) = await SendAsync(AppFixture.Coordinator, HttpMethod.Post, Letters(signed.Id));
        letter.GetProperty("language").GetString().ShouldBe("fr");
        letter.GetProperty("letter").GetProperty("subject").GetString().ShouldBe("Votre colonne vertébrale : ce que notre équipe recommande");
        letter.GetProperty("letter").GetProperty("steps")[1].GetProperty("text").GetString().ShouldBe("Une radiothérapie très précise à forte dose (SBRT).");
        letter.GetProperty("readability").GetProperty("formula").GetString().ShouldBe("Kandel–Moles");
    }
}
