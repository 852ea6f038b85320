using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;
using static TumorBoard.IntegrationTests.Decisions.DecisionTestData;

namespace TumorBoard.IntegrationTests.Decisions;

/// <summary>
/// Every refusal of the decisions API is an RFC 9457 problem: 409 naming the unmet precondition, 400 keyed by the JSON path
/// of the field, 403 for who may not, 401 anonymous, 404 unknown.
/// </summary>
[Collection(AuditDatabase.Name)]
public sealed class DecisionHttpProblemTests(AppFixture app) : DatabaseTest(app)
{
    async Task<HttpResponseMessage> SendAsync(string? email, HttpMethod method, string url, object? body = null, string? ifMatch = null)
    {
        using var client = await app.ClientAsync(email);
        var response = await client.SendAsync(Api.Request(method, url, body, ifMatch));
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    async Task<string> DetailAsync(HttpResponseMessage response, HttpStatusCode status) =>
        (await response.ShouldBeProblemAsync(status)).GetProperty("detail").GetString()!;

    async Task<object> BodyAsync() => new { content = await ContentAsync(app) };

    async Task<Guid> DraftAsync(Board board) => (await RecordAsync(app, board)).Id;

    [Fact]
    public async Task Each_unmet_precondition_is_a_409_problem_naming_it()
    {
        var notStarted = await BoardAsync(app, start: false);
        (await DetailAsync(await SendAsync(AppFixture.Coordinator, HttpMethod.Post, RecordUrl(notStarted), await BodyAsync()), HttpStatusCode.Conflict))
            .ShouldContain("the meeting is Planned, not in progress");

        var noQuorum = await BoardAsync(app, quorum: false);
        (await DetailAsync(await SendAsync(AppFixture.Coordinator, HttpMethod.Post, RecordUrl(noQuorum), await BodyAsync()), HttpStatusCode.Conflict))
            .ShouldContain("no quorum: nobody present for radiation oncology");

        var missing = await BoardAsync(app, withoutAssessment: [Discipline.MedicalOncology, Discipline.Neurosurgery]);
        (await DetailAsync(await SendAsync(Chair, HttpMethod.Post, RecordUrl(missing), await BodyAsync()), HttpStatusCode.Conflict))
            .ShouldContain("no submitted assessment (and no waiver) for medical oncology, neurosurgery");

        var (decided, _) = await SignedAsync(app);
        (await DetailAsync(await SendAsync(AppFixture.Coordinator, HttpMethod.Post, RecordUrl(decided), await BodyAsync()), HttpStatusCode.Conflict))
            .ShouldContain("already been decided in this meeting");

        var open = await BoardAsync(app);
        await DraftAsync(open);
        (await DetailAsync(await SendAsync(AppFixture.Coordinator, HttpMethod.Post, RecordUrl(open), await BodyAsync()), HttpStatusCode.Conflict))
            .ShouldContain("still a draft");
    }

    [Fact]
    public async Task A_precondition_lost_after_the_draft_blocks_the_signature_with_a_409()
    {
        var board = await BoardAsync(app);
        var id = await DraftAsync(board);
        // The radiation oncologist leaves: no quorum any more.
        var present = new List<Guid> { await app.UserIdAsync(AppFixture.Neurosurgeon), await app.UserIdAsync(AppFixture.MedOnc) };
        await app.Send(AppFixture.Coordinator, new RecordAttendance.Command { MeetingId = board.MeetingId, PresentUserIds = present });

        (await DetailAsync(await SendAsync(Chair, HttpMethod.Post, Url(id, "/sign"), SignBody()), HttpStatusCode.Conflict))
            .ShouldContain("no quorum");
        (await DetailAsync(await SendAsync(AppFixture.RadOnc, HttpMethod.Put, Url(id, "/position"), new { kind = "Agree" }), HttpStatusCode.Forbidden))
            .ShouldContain("present at the meeting");
    }

    [Fact]
    public async Task Invalid_content_is_a_400_problem_keyed_by_the_json_path_of_each_field()
    {
        var board = await BoardAsync(app);
        var content = await ContentAsync(app);
        var bad = content with
        {
            Plan = [content.Plan[0], content.Plan[1] with { DoseGy = 45m, Fractions = 1 }],
            Rationale = "",
            NomsConcordance = NomsConcordance.Discordant,
        };

        var problem = await (await SendAsync(AppFixture.Coordinator, HttpMethod.Post, RecordUrl(board), new { content = bad }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.ErrorKeys().ShouldBe(["content.discordanceReason", "content.plan[1].doseGy", "content.rationale"]);
        var errors = problem.GetProperty("errors");
        errors.GetProperty("content.plan[1].doseGy")[0].GetString()!.ShouldContain("More than 30 Gy per fraction");
        errors.GetProperty("content.rationale")[0].GetString().ShouldBe("Give the rationale for the decision.");
        errors.GetProperty("content.discordanceReason")[0].GetString()!.ShouldContain("NOMS suggestion");

        var other = content with { NomsConcordance = NomsConcordance.Discordant, DiscordanceReason = DiscordanceReason.Other,
            Plan = [content.Plan[0] with { DoseGy = 8m }], PatientPreferences = null };
        (await (await SendAsync(AppFixture.Coordinator, HttpMethod.Post, RecordUrl(board), new { content = other }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys()
            .ShouldBe(["content.discordanceText", "content.patientPreferences", "content.plan[0].doseGy"]);

        var noContent = await SendAsync(AppFixture.Coordinator, HttpMethod.Post, RecordUrl(board), new { });
        (await noContent.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["content"]);

        var admin = await app.UserIdAsync(AppFixture.Admin);
        var notAClinician = await SendAsync(AppFixture.Coordinator, HttpMethod.Post, RecordUrl(board), new { content = content with { ResponsibleClinicianId = admin } });
        (await notAClinician.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["content.responsibleClinicianId"]);

        var json = JsonSerializer.SerializeToNode(new { content }, Api.Json)!.AsObject();
        json["content"]!["plan"]![1]!["kind"] = "Brachytherapy";
        var unknownKind = await SendAsync(AppFixture.Coordinator, HttpMethod.Post, RecordUrl(board), json);
        (await unknownKind.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["content.plan[1].kind"]);

        (await app.QueryDbAsync(db => Task.FromResult(db.Decisions.Count()))).ShouldBe(0);
    }

    [Fact]
    public async Task Invalid_revisions_positions_waivers_follow_ups_and_signatures_are_400s_on_their_fields()
    {
        var board = await BoardAsync(app, withoutAssessment: [Discipline.MedicalOncology]);
        await app.Send(Chair, new Application.Features.Decisions.WaiveAssessment.Command
            { MeetingId = board.MeetingId, ItemId = board.ItemId, Discipline = Discipline.MedicalOncology, Reason = "On leave" });
        var saved = await RecordAsync(app, board);
        var content = await ContentAsync(app);

        var revise = await SendAsync(AppFixture.Coordinator, HttpMethod.Put, Url(saved.Id),
            new { content = content with { FollowUpDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)), PatientPreferencesNotAvailable = true, PatientPreferences = null } },
            $"\"{saved.Version}\"");
        (await revise.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys()
            .ShouldBe(["content.followUpDate", "content.patientPreferencesNotAvailableReason"]);

        var dissent = await SendAsync(AppFixture.RadOnc, HttpMethod.Put, Url(saved.Id, "/position"), new { kind = "Disagree", text = "  " });
        (await dissent.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["text"]);
        var unknownKind = await SendAsync(AppFixture.RadOnc, HttpMethod.Put, Url(saved.Id, "/position"), new { kind = "Veto" });
        (await unknownKind.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["kind"]);

        var waiver = await SendAsync(Chair, HttpMethod.Post, WaiverUrl(board),
            new { discipline = "Pathology", reason = "" });
        (await waiver.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["discipline", "reason"]);
        var waivedTwice = await SendAsync(Chair, HttpMethod.Post, WaiverUrl(board),
            new { discipline = "MedicalOncology", reason = "Again" });
        (await DetailAsync(waivedTwice, HttpStatusCode.Conflict)).ShouldContain("already waived");

        var noPassword = await SendAsync(Chair, HttpMethod.Post, Url(saved.Id, "/sign"), new { password = "" });
        (await noPassword.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["password"]);

        await SignAsync(app, saved.Id);
        var followUp = await SendAsync(AppFixture.Coordinator, HttpMethod.Post, Url(saved.Id, "/follow-ups"),
            new { stepNumber = 0, status = "NotImplemented", reason = "Other" });
        (await followUp.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["reasonText", "stepNumber"]);
        var reasonless = await SendAsync(AppFixture.Coordinator, HttpMethod.Post, Url(saved.Id, "/follow-ups"), new { stepNumber = 1, status = "NotImplemented" });
        (await reasonless.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["reason"]);
    }

    [Fact]
    public async Task Only_the_meetings_chair_signs_a_coordinator_or_another_specialist_gets_403()
    {
        var board = await BoardAsync(app);
        var id = await DraftAsync(board);

        (await DetailAsync(await SendAsync(AppFixture.Coordinator, HttpMethod.Post, Url(id, "/sign"), SignBody()), HttpStatusCode.Forbidden))
            .ShouldNotBeNullOrWhiteSpace();
        (await DetailAsync(await SendAsync(AppFixture.MedOnc, HttpMethod.Post, Url(id, "/sign"), SignBody()), HttpStatusCode.Forbidden))
            .ShouldContain("Only the chair of this meeting");
        (await DetailAsync(await SendAsync(AppFixture.RadOnc, HttpMethod.Post, Url(id, "/sign"), SignBody()), HttpStatusCode.Forbidden))
            .ShouldContain("Only the chair");
        (await DetailAsync(await SendAsync(AppFixture.MedOnc, HttpMethod.Post, WaiverUrl(board),
            new { discipline = "MedicalOncology", reason = "x" }), HttpStatusCode.Forbidden)).ShouldContain("Only the chair");
        (await DetailAsync(await SendAsync(AppFixture.MedOnc, HttpMethod.Put, Url(id), await BodyAsync(), $"\"{await VersionAsync(id)}\""),
            HttpStatusCode.Forbidden)).ShouldContain("coordinator or this meeting's chair");
        (await app.QueryDbAsync(db => Task.FromResult(db.Decisions.Single(d => d.Id == id).Status))).ShouldBe(DecisionStatus.Draft);
    }

    async Task<uint> VersionAsync(Guid id) => await app.QueryDbAsync(db => Task.FromResult(db.Decisions.Single(d => d.Id == id).Version));

    [Fact]
    public async Task A_clinician_reads_and_takes_a_position_only_when_present_but_writes_nothing_else()
    {
        var absent = await BoardAsync(app);
        var absentDraft = await DraftAsync(absent);
        (await DetailAsync(await SendAsync(AppFixture.Clinician, HttpMethod.Put, Url(absentDraft, "/position"), new { kind = "Agree" }), HttpStatusCode.Forbidden))
            .ShouldContain("present at the meeting");

        var board = await BoardAsync(app, alsoPresent: [AppFixture.Clinician]);
        var id = await DraftAsync(board);
        var position = await SendAsync(AppFixture.Clinician, HttpMethod.Put, Url(id, "/position"), new { kind = "Abstain", text = "Referring clinician" });
        position.StatusCode.ShouldBe(HttpStatusCode.OK, await position.Content.ReadAsStringAsync());
        var taken = (await position.ReadAsync()).GetProperty("positions").EnumerateArray().ShouldHaveSingleItem();
        taken.GetProperty("discipline").ValueKind.ShouldBe(JsonValueKind.Null);
        taken.GetProperty("kind").GetString().ShouldBe("Abstain");

        await (await SendAsync(AppFixture.Clinician, HttpMethod.Post, RecordUrl(board), await BodyAsync())).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await SendAsync(AppFixture.Clinician, HttpMethod.Put, Url(id), await BodyAsync(), $"\"{await VersionAsync(id)}\""))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await SendAsync(AppFixture.Clinician, HttpMethod.Post, Url(id, "/sign"), SignBody())).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await SendAsync(AppFixture.Clinician, HttpMethod.Post, WaiverUrl(board),
            new { discipline = "MedicalOncology", reason = "x" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await SignAsync(app, id);
        var content = await ContentAsync(app);
        await (await SendAsync(AppFixture.Clinician, HttpMethod.Post, Url(id, "/amendments"), new { reason = "Mine", content = content with { Rationale = "x" } }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await SendAsync(AppFixture.Clinician, HttpMethod.Get, Url(id))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SendAsync(AppFixture.Clinician, HttpMethod.Get, $"/api/v1/cases/{board.CaseId}/decisions")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_administrator_gets_403_on_every_decision_read_and_write_and_anonymous_gets_401()
    {
        var board = await BoardAsync(app);
        var id = await DraftAsync(board);
        var content = await ContentAsync(app);
        (HttpMethod Method, string Url, object? Body)[] calls =
        [
            (HttpMethod.Get, Url(id), null),
            (HttpMethod.Get, $"/api/v1/cases/{board.CaseId}/decisions", null),
            (HttpMethod.Post, RecordUrl(board), new { content }),
            (HttpMethod.Post, WaiverUrl(board), new { discipline = "MedicalOncology", reason = "x" }),
            (HttpMethod.Put, Url(id), new { content }),
            (HttpMethod.Put, Url(id, "/position"), new { kind = "Agree" }),
            (HttpMethod.Post, Url(id, "/sign"), SignBody()),
            (HttpMethod.Post, Url(id, "/amendments"), new { reason = "x", content }),
            (HttpMethod.Post, Url(id, "/follow-ups"), new { stepNumber = 1, status = "Implemented" }),
        ];
        var etag = $"\"{await VersionAsync(id)}\"";
        foreach (var (method, url, body) in calls)
        {
            await (await SendAsync(AppFixture.Admin, method, url, body, etag)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            await (await SendAsync(null, method, url, body, etag)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }
        (await app.QueryDbAsync(db => Task.FromResult(db.Decisions.Single(d => d.Id == id)))).Positions.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_decision_meeting_item_or_case_is_a_404_problem()
    {
        var board = await BoardAsync(app);
        var unknown = Guid.NewGuid();
        var content = await ContentAsync(app);

        (await DetailAsync(await SendAsync(AppFixture.Clinician, HttpMethod.Get, Url(unknown)), HttpStatusCode.NotFound)).ShouldContain(unknown.ToString());
        await (await SendAsync(AppFixture.Coordinator, HttpMethod.Put, Url(unknown), new { content }, "\"1\"")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SendAsync(AppFixture.MedOnc, HttpMethod.Put, Url(unknown, "/position"), new { kind = "Agree" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SendAsync(Chair, HttpMethod.Post, Url(unknown, "/sign"), SignBody())).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SendAsync(AppFixture.Coordinator, HttpMethod.Post, Url(unknown, "/amendments"), new { reason = "x", content })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SendAsync(AppFixture.Coordinator, HttpMethod.Post, Url(unknown, "/follow-ups"), new { stepNumber = 1, status = "Implemented" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SendAsync(AppFixture.Clinician, HttpMethod.Get, $"/api/v1/cases/{unknown}/decisions")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SendAsync(AppFixture.Coordinator, HttpMethod.Post, $"/api/v1/meetings/{unknown}/agenda/{board.ItemId}/decision", new { content }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await DetailAsync(await SendAsync(AppFixture.Coordinator, HttpMethod.Post, $"/api/v1/meetings/{board.MeetingId}/agenda/{unknown}/decision", new { content }),
            HttpStatusCode.NotFound)).ShouldContain("Agenda item");
    }
}
