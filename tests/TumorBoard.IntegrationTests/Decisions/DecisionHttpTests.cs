using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.Application.Features.FollowUps;
using static TumorBoard.IntegrationTests.Decisions.DecisionTestData;

namespace TumorBoard.IntegrationTests.Decisions;

/// <summary>
/// The decisions API end to end with bearer clients: the contract of the JSON, the board's flow from draft to signature,
/// versions (If-Match), amendments and the audit trail each write leaves.
/// </summary>
[Collection(AuditDatabase.Name)]
public sealed class DecisionHttpTests(AppFixture app) : DatabaseTest(app)
{
    static readonly string[] ViewFields =
    [
        "agendaItemId", "amendmentReason", "amendsId", "amendsNumber", "caseId", "content", "contentHash", "createdAt", "createdByName",
        "emergencySignatures", "followUp", "followUpOverdue", "hasDissent", "id", "kind", "meetingChairId", "meetingId", "meetingStartsAt", "meetingTitle", "nomsSuggestion",
        "number", "positions", "responsibleClinicianName", "signature", "status", "supersededAt", "supersededById", "supersededByNumber",
        "updatedAt", "version", "waivers",
    ];

    static readonly string[] ContentFields =
    [
        "discordanceReason", "discordanceText", "followUpDate", "informationNeeded", "informationNeededDetails", "intent", "nomsConcordance",
        "outcome", "patientPreferences", "patientPreferencesNotAvailable", "patientPreferencesNotAvailableReason", "plan", "rationale",
        "responsibleClinicianId",
    ];

    static string[] Fields(JsonElement e) => e.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

    async Task<string> NameOfAsync(string email) =>
        await app.QueryDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.DisplayName).SingleAsync());

    async Task<(HttpResponseMessage Response, JsonElement View)> SendAsync(string email, HttpMethod method, string url, object? body, string? ifMatch = null)
    {
        using var client = await app.ClientAsync(email);
        var response = await client.SendAsync(Api.Request(method, url, body, ifMatch));
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement);
    }

    /// <summary>Records the standard draft over HTTP as the coordinator; returns its id and ETag.</summary>
    async Task<(Guid Id, string ETag)> DraftAsync(Board board)
    {
        var (response, view) = await SendAsync(AppFixture.Coordinator, HttpMethod.Post, RecordUrl(board), new { content = await ContentAsync(app) });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, view.ToString());
        return (view.GetProperty("id").GetGuid(), response.ETag());
    }

    [Fact]
    public async Task The_board_records_a_draft_takes_positions_and_the_chair_signs_it_over_http()
    {
        var board = await BoardAsync(app);
        var clinicianId = await app.UserIdAsync(AppFixture.Clinician);
        var content = await ContentAsync(app);

        var (created, draft) = await SendAsync(AppFixture.Coordinator, HttpMethod.Post, RecordUrl(board), new { content });

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = draft.GetProperty("id").GetGuid();
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/decisions/{id}");
        created.ETag().ShouldBe($"\"{draft.GetProperty("version").GetUInt32()}\"");
        Fields(draft).ShouldBe(ViewFields);
        draft.GetProperty("status").GetString().ShouldBe("Draft");
        draft.GetProperty("number").GetInt32().ShouldBe(1);
        draft.GetProperty("caseId").GetGuid().ShouldBe(board.CaseId);
        draft.GetProperty("meetingId").GetGuid().ShouldBe(board.MeetingId);
        draft.GetProperty("agendaItemId").GetGuid().ShouldBe(board.ItemId);
        draft.GetProperty("meetingChairId").GetGuid().ShouldBe(await app.UserIdAsync(Chair));
        draft.GetProperty("createdByName").GetString().ShouldBe(await NameOfAsync(AppFixture.Coordinator));
        draft.GetProperty("responsibleClinicianName").GetString().ShouldBe(await NameOfAsync(AppFixture.Clinician));
        draft.GetProperty("signature").ValueKind.ShouldBe(JsonValueKind.Null);
        draft.GetProperty("positions").GetArrayLength().ShouldBe(0);
        draft.GetProperty("hasDissent").GetBoolean().ShouldBeFalse();
        draft.GetProperty("contentHash").GetString()!.ShouldMatch("^[0-9a-f]{64}$");
        draft.GetProperty("nomsSuggestion").ValueKind.ShouldBe(JsonValueKind.Object);
        var c = draft.GetProperty("content");
        Fields(c).ShouldBe(ContentFields);
        c.GetProperty("outcome").GetString().ShouldBe("TreatmentRecommendation");
        c.GetProperty("intent").GetString().ShouldBe("LocalControl");
        c.GetProperty("nomsConcordance").GetString().ShouldBe("Concordant");
        c.GetProperty("responsibleClinicianId").GetGuid().ShouldBe(clinicianId);
        c.GetProperty("followUpDate").GetString().ShouldBe(content.FollowUpDate!.Value.ToString("yyyy-MM-dd"));
        c.GetProperty("plan")[0].GetProperty("kind").GetString().ShouldBe("SeparationSurgery");
        var sbrt = c.GetProperty("plan")[1];
        sbrt.GetProperty("kind").GetString().ShouldBe("SbrtSrs");
        sbrt.GetProperty("targetLevels")[0].GetString().ShouldBe("T5");
        sbrt.GetProperty("doseGy").GetDecimal().ShouldBe(27m);
        sbrt.GetProperty("fractions").GetInt32().ShouldBe(3);
        sbrt.GetProperty("timing").GetString().ShouldBe("AfterPreviousStep");
        var follow = draft.GetProperty("followUp");
        follow.GetArrayLength().ShouldBe(2);
        follow[1].GetProperty("stepNumber").GetInt32().ShouldBe(2);
        follow[1].GetProperty("current").ValueKind.ShouldBe(JsonValueKind.Null);

        var (agreed, afterAgree) = await SendAsync(AppFixture.MedOnc, HttpMethod.Put, Url(id, "/position"), new { kind = "Agree" });
        agreed.StatusCode.ShouldBe(HttpStatusCode.OK, afterAgree.ToString());
        agreed.ETag().ShouldNotBe(created.ETag());
        var agree = afterAgree.GetProperty("positions").EnumerateArray().ShouldHaveSingleItem();
        Fields(agree).ShouldBe(["discipline", "kind", "memberId", "memberName", "onEarlierDraft", "recordedAt", "text"]);
        agree.GetProperty("kind").GetString().ShouldBe("Agree");
        agree.GetProperty("discipline").GetString().ShouldBe("MedicalOncology");
        agree.GetProperty("memberName").GetString().ShouldBe(await NameOfAsync(AppFixture.MedOnc));
        agree.GetProperty("onEarlierDraft").GetBoolean().ShouldBeFalse();

        var (disagreed, afterDisagree) = await SendAsync(AppFixture.RadOnc, HttpMethod.Put, Url(id, "/position"),
            new { kind = "Disagree", text = "I would give SBRT alone." });
        disagreed.StatusCode.ShouldBe(HttpStatusCode.OK, afterDisagree.ToString());
        afterDisagree.GetProperty("hasDissent").GetBoolean().ShouldBeTrue();
        afterDisagree.GetProperty("positions").EnumerateArray()
            .Single(p => p.GetProperty("kind").GetString() == "Disagree").GetProperty("text").GetString().ShouldBe("I would give SBRT alone.");

        var (signed, view) = await SendAsync(Chair, HttpMethod.Post, Url(id, "/sign"), SignBody());

        signed.StatusCode.ShouldBe(HttpStatusCode.OK, view.ToString());
        view.GetProperty("status").GetString().ShouldBe("Signed");
        view.GetProperty("hasDissent").GetBoolean().ShouldBeTrue();
        var signature = view.GetProperty("signature");
        Fields(signature).ShouldBe(["contentHash", "intact", "meaning", "printedName", "signedAt", "signerId"]);
        signature.GetProperty("printedName").GetString().ShouldBe(await NameOfAsync(Chair));
        signature.GetProperty("signerId").GetGuid().ShouldBe(await app.UserIdAsync(Chair));
        signature.GetProperty("meaning").GetString().ShouldBe("approved as board chair");
        signature.GetProperty("contentHash").GetString()!.ShouldMatch("^[0-9a-f]{64}$");
        signature.GetProperty("intact").GetBoolean().ShouldBeTrue();
        signature.GetProperty("signedAt").GetDateTimeOffset().Offset.ShouldBe(TimeSpan.Zero);
        signature.GetProperty("signedAt").GetDateTimeOffset().ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));

        using var clinician = await app.ClientAsync(AppFixture.Clinician);
        using var read = await clinician.GetAsync(Url(id));
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        read.ETag().ShouldBe(signed.ETag());
        (await read.ReadAsync()).GetProperty("signature").GetProperty("contentHash").GetString()
            .ShouldBe(signature.GetProperty("contentHash").GetString());

        using var list = await clinician.GetAsync($"/api/v1/cases/{board.CaseId}/decisions");
        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        var row = (await list.ReadAsync()).EnumerateArray().ShouldHaveSingleItem();
        row.GetProperty("id").GetGuid().ShouldBe(id);
        row.GetProperty("number").GetInt32().ShouldBe(1);
        row.GetProperty("status").GetString().ShouldBe("Signed");
        row.GetProperty("outcome").GetString().ShouldBe("TreatmentRecommendation");
        row.GetProperty("signerName").GetString().ShouldBe(await NameOfAsync(Chair));
        row.GetProperty("hasDissent").GetBoolean().ShouldBeTrue();

        await app.QueryDbAsync(async db =>
        {
            (await db.Cases.SingleAsync(x => x.Id == board.CaseId)).Status.ShouldBe(CaseStatus.Decided);
            (await db.AgendaItems.SingleAsync(i => i.Id == board.ItemId)).Status.ShouldBe(AgendaItemStatus.Decided);
            (await db.Assessments.Where(a => a.CaseId == board.CaseId).ToListAsync()).ShouldAllBe(a => a.Status == AssessmentStatus.Locked);
            return 0;
        });
    }

    [Fact]
    public async Task A_draft_is_revised_only_with_its_current_version_and_positions_taken_before_show_as_earlier()
    {
        var board = await BoardAsync(app);
        var (id, etag) = await DraftAsync(board);
        var changed = new { content = await ContentAsync(app) with { Rationale = "Separation surgery, then SBRT 24 Gy in 2 fractions." } };

        var (missing, _) = await SendAsync(AppFixture.Coordinator, HttpMethod.Put, Url(id), changed);
        await missing.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        // Not an entity tag at all: the header is malformed (400 naming it), not a stale version.
        var (unreadable, _) = await SendAsync(AppFixture.Coordinator, HttpMethod.Put, Url(id), changed, "not-a-version");
        await unreadable.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var (foreign, _) = await SendAsync(AppFixture.Coordinator, HttpMethod.Put, Url(id), changed, "\"not-a-version\"");
        await foreign.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        var (position, _) = await SendAsync(AppFixture.MedOnc, HttpMethod.Put, Url(id, "/position"), new { kind = "Agree" });
        position.StatusCode.ShouldBe(HttpStatusCode.OK);
        // The position changed the version: the ETag the coordinator read before it is stale.
        var (stale, _) = await SendAsync(AppFixture.Coordinator, HttpMethod.Put, Url(id), changed, etag);
        (await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed)).GetProperty("detail").GetString()!.ShouldContain("changed by someone else");

        var (revised, view) = await SendAsync(Chair, HttpMethod.Put, Url(id), changed, position.ETag());
        revised.StatusCode.ShouldBe(HttpStatusCode.OK, view.ToString());
        revised.ETag().ShouldNotBe(position.ETag());
        view.GetProperty("content").GetProperty("rationale").GetString()!.ShouldStartWith("Separation surgery, then SBRT 24 Gy");
        view.GetProperty("positions")[0].GetProperty("onEarlierDraft").GetBoolean().ShouldBeTrue();
        var (again, _) = await SendAsync(Chair, HttpMethod.Put, Url(id), changed, position.ETag());
        await again.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task The_chair_signs_only_the_version_read_when_an_if_match_is_sent()
    {
        var board = await BoardAsync(app);
        var (id, etag) = await DraftAsync(board);
        var (position, _) = await SendAsync(AppFixture.RadOnc, HttpMethod.Put, Url(id, "/position"), new { kind = "Disagree", text = "SBRT alone." });
        position.StatusCode.ShouldBe(HttpStatusCode.OK);

        var (stale, _) = await SendAsync(Chair, HttpMethod.Post, Url(id, "/sign"), SignBody(), etag);
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        (await app.QueryDbAsync(db => db.Decisions.SingleAsync(d => d.Id == id))).Status.ShouldBe(DecisionStatus.Draft);

        var (signed, view) = await SendAsync(Chair, HttpMethod.Post, Url(id, "/sign"), SignBody(), position.ETag());
        signed.StatusCode.ShouldBe(HttpStatusCode.OK, view.ToString());
        view.GetProperty("status").GetString().ShouldBe("Signed");
    }

    [Fact]
    public async Task A_signed_decision_is_not_revised_positioned_or_signed_again_but_amended_with_a_reason()
    {
        var board = await BoardAsync(app);
        var (id, _) = await DraftAsync(board);
        var (signed, _) = await SendAsync(Chair, HttpMethod.Post, Url(id, "/sign"), SignBody());
        signed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var content = await ContentAsync(app);

        var (revise, _) = await SendAsync(AppFixture.Coordinator, HttpMethod.Put, Url(id), new { content = content with { Rationale = "Other" } }, signed.ETag());
        (await revise.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("amend it instead");
        var (position, _) = await SendAsync(AppFixture.MedOnc, HttpMethod.Put, Url(id, "/position"), new { kind = "Abstain" });
        await position.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var (again, _) = await SendAsync(Chair, HttpMethod.Post, Url(id, "/sign"), SignBody());
        (await again.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("never signed again");

        var (noReason, _) = await SendAsync(AppFixture.Coordinator, HttpMethod.Post, Url(id, "/amendments"), new { reason = " ", content });
        (await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["reason"]);
        var (same, _) = await SendAsync(AppFixture.Coordinator, HttpMethod.Post, Url(id, "/amendments"), new { reason = "Nothing really", content });
        (await same.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("changes nothing");

        var amended = content with { Plan = [content.Plan[0], content.Plan[1] with { DoseGy = 24m, Fractions = 2 }] };
        var (created, draft) = await SendAsync(AppFixture.Coordinator, HttpMethod.Post, Url(id, "/amendments"),
            new { reason = "Dose corrected after planning", content = amended });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, draft.ToString());
        var amendmentId = draft.GetProperty("id").GetGuid();
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/decisions/{amendmentId}");
        draft.GetProperty("status").GetString().ShouldBe("Draft");
        draft.GetProperty("number").GetInt32().ShouldBe(2);
        draft.GetProperty("amendsId").GetGuid().ShouldBe(id);
        draft.GetProperty("amendsNumber").GetInt32().ShouldBe(1);
        draft.GetProperty("amendmentReason").GetString().ShouldBe("Dose corrected after planning");

        var (second, _) = await SendAsync(AppFixture.Coordinator, HttpMethod.Post, Url(id, "/amendments"),
            new { reason = "Another correction", content = amended with { Rationale = "Again" } });
        (await second.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("still a draft");

        var (signAmendment, current) = await SendAsync(Chair, HttpMethod.Post, Url(amendmentId, "/sign"), SignBody());
        signAmendment.StatusCode.ShouldBe(HttpStatusCode.OK, current.ToString());
        current.GetProperty("status").GetString().ShouldBe("Signed");
        current.GetProperty("content").GetProperty("plan")[1].GetProperty("doseGy").GetDecimal().ShouldBe(24m);
        using var clinician = await app.ClientAsync(AppFixture.Clinician);
        var old = await (await clinician.GetAsync(Url(id))).ReadAsync();
        old.GetProperty("status").GetString().ShouldBe("Superseded");
        old.GetProperty("supersededById").GetGuid().ShouldBe(amendmentId);
        old.GetProperty("supersededByNumber").GetInt32().ShouldBe(2);
        old.GetProperty("signature").GetProperty("intact").GetBoolean().ShouldBeTrue();
        var rows = await (await clinician.GetAsync($"/api/v1/cases/{board.CaseId}/decisions")).ReadAsync();
        rows.EnumerateArray().Select(r => (r.GetProperty("number").GetInt32(), r.GetProperty("status").GetString()))
            .ShouldBe([(2, "Signed"), (1, "Superseded")]);
    }

    [Fact]
    public async Task The_responsible_clinician_records_the_follow_up_of_each_plan_step()
    {
        var board = await BoardAsync(app);
        var (id, _) = await DraftAsync(board);
        (await SendAsync(Chair, HttpMethod.Post, Url(id, "/sign"), SignBody())).Response.StatusCode.ShouldBe(HttpStatusCode.OK);

        var (done, afterDone) = await SendAsync(AppFixture.Clinician, HttpMethod.Post, Url(id, "/follow-ups"), new { stepNumber = 1, status = "Implemented" });
        done.StatusCode.ShouldBe(HttpStatusCode.Created, afterDone.ToString());
        done.Headers.Location!.ToString().ShouldBe(Url(id));
        var (deviation, view) = await SendAsync(AppFixture.Coordinator, HttpMethod.Post, Url(id, "/follow-ups"),
            new { stepNumber = 2, status = "NotImplemented", reason = "Other", reasonText = "Linear accelerator down", note = "Rebooked" });
        deviation.StatusCode.ShouldBe(HttpStatusCode.Created, view.ToString());

        var steps = view.GetProperty("followUp");
        steps[0].GetProperty("current").GetProperty("status").GetString().ShouldBe("Implemented");
        steps[0].GetProperty("current").GetProperty("recordedByName").GetString().ShouldBe(await NameOfAsync(AppFixture.Clinician));
        var second = steps[1].GetProperty("current");
        Fields(second).ShouldBe(["id", "note", "performedOn", "reason", "reasonText", "recordedAt", "recordedByName", "status"]);
        second.GetProperty("status").GetString().ShouldBe("NotImplemented");
        second.GetProperty("reason").GetString().ShouldBe("Other");
        second.GetProperty("reasonText").GetString().ShouldBe("Linear accelerator down");
        view.GetProperty("followUpOverdue").GetBoolean().ShouldBeFalse();

        var (noStep, _) = await SendAsync(AppFixture.Coordinator, HttpMethod.Post, Url(id, "/follow-ups"), new { stepNumber = 3, status = "Implemented" });
        (await noStep.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("steps 1 to 2");
        var (notMine, _) = await SendAsync(AppFixture.MedOnc, HttpMethod.Post, Url(id, "/follow-ups"), new { stepNumber = 1, status = "Unknown" });
        await notMine.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Every_write_of_the_flow_is_audited_with_its_action_and_actor_and_the_chain_still_verifies()
    {
        var board = await BoardAsync(app, withoutAssessment: [Discipline.MedicalOncology]);
        var (waived, _) = await SendAsync(Chair, HttpMethod.Post, WaiverUrl(board),
            new { discipline = "MedicalOncology", reason = "Oncologist on leave; systemic plan unchanged" });
        waived.StatusCode.ShouldBe(HttpStatusCode.Created);
        var (id, etag) = await DraftAsync(board);
        var content = await ContentAsync(app);
        var (revised, _) = await SendAsync(Chair, HttpMethod.Put, Url(id), new { content = content with { Rationale = "Revised in the meeting." } }, etag);
        revised.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SendAsync(AppFixture.RadOnc, HttpMethod.Put, Url(id, "/position"), new { kind = "Disagree", text = "SBRT alone." }))
            .Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SendAsync(Chair, HttpMethod.Post, Url(id, "/sign"), SignBody())).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (amended, amendment) = await SendAsync(AppFixture.Coordinator, HttpMethod.Post, Url(id, "/amendments"),
            new { reason = "Dose corrected", content = content with { Plan = [content.Plan[0], content.Plan[1] with { DoseGy = 24m, Fractions = 2 }] } });
        amended.StatusCode.ShouldBe(HttpStatusCode.Created);
        var amendmentId = amendment.GetProperty("id").GetGuid();
        (await SendAsync(Chair, HttpMethod.Post, Url(amendmentId, "/sign"), SignBody())).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SendAsync(AppFixture.Clinician, HttpMethod.Post, Url(amendmentId, "/follow-ups"), new { stepNumber = 1, status = "Implemented" }))
            .Response.StatusCode.ShouldBe(HttpStatusCode.Created);

        var rows = await app.QueryDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync());
        var ids = new Dictionary<string, Guid>();
        foreach (var email in new[] { Chair, AppFixture.Coordinator, AppFixture.RadOnc, AppFixture.Clinician }) ids[email] = await app.UserIdAsync(email);
        void ShouldHave(string action, string entityType, string operation, string actor, Guid? entityId = null) =>
            rows.ShouldContain(a => a.Action == action && a.EntityType == entityType && a.Operation == operation && a.ActorId == ids[actor]
                && (entityId == null || a.EntityId == entityId.ToString()), $"{action} {operation} {entityType} by {actor}");

        ShouldHave("WaiveAssessment", nameof(AssessmentWaiver), "Added", Chair);
        ShouldHave("RecordDecision", nameof(BoardDecision), "Added", AppFixture.Coordinator, id);
        ShouldHave("ReviseDecision", nameof(BoardDecision), "Modified", Chair, id);
        ShouldHave("RecordPosition", nameof(DecisionPosition), "Added", AppFixture.RadOnc);
        ShouldHave("SignDecision", nameof(BoardDecision), "Modified", Chair, id);
        ShouldHave("SignDecision", nameof(TumorBoardCase), "Modified", Chair, board.CaseId);
        ShouldHave("SignDecision", nameof(Assessment), "Modified", Chair);
        ShouldHave("AmendDecision", nameof(BoardDecision), "Added", AppFixture.Coordinator, amendmentId);
        ShouldHave("SignDecision", nameof(BoardDecision), "Modified", Chair, amendmentId);
        ShouldHave("RecordFollowUp", nameof(DecisionFollowUp), "Added", AppFixture.Clinician);
        var supersede = rows.Single(a => a.EntityId == id.ToString() && a.Changes.Contains("\"Superseded\""));
        supersede.Action.ShouldBe("SignDecision");
        supersede.ActorName.ShouldBe(await NameOfAsync(Chair));
        rows.Where(a => a.Action.Contains("Decision") || a.Action is "RecordPosition" or "RecordFollowUp" or "WaiveAssessment")
            .ShouldAllBe(a => a.ActorId != null && a.ActorName != null);

        (await app.SealPendingAsync()).ShouldBeGreaterThanOrEqualTo(0);
        var sealedIds = await app.QueryDbAsync(db => db.AuditSeals.Select(s => s.EntryId).ToListAsync());
        rows.Select(a => a.Id).ShouldBeSubsetOf(sealedIds);
        using var admin = await app.ClientAsync(AppFixture.Admin);
        using var verify = await admin.GetAsync("/api/v1/audit/verify");
        var result = await verify.ReadAsync();
        result.GetProperty("valid").GetBoolean().ShouldBeTrue(result.ToString());
        result.GetProperty("checkedRows").GetInt64().ShouldBe(rows.Count);
    }

    [Fact]
    public async Task A_wrong_password_is_a_400_on_password_and_writes_nothing_but_the_failed_attempt()
    {
        var board = await BoardAsync(app);
        var (id, etag) = await DraftAsync(board);
        var before = await app.QueryDbAsync(db => db.AuditEntries.CountAsync());

        var (wrong, problem) = await SendAsync(Chair, HttpMethod.Post, Url(id, "/sign"), SignBody("not-the-password"));

        await wrong.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorKeys().ShouldBe(["password"]);
        problem.GetProperty("errors").GetProperty("password")[0].GetString().ShouldBe("The password is not correct.");
        using var reader = await app.ClientAsync(AppFixture.Coordinator);
        using var read = await reader.GetAsync(Url(id));
        read.ETag().ShouldBe(etag);
        var view = await read.ReadAsync();
        view.GetProperty("status").GetString().ShouldBe("Draft");
        view.GetProperty("signature").ValueKind.ShouldBe(JsonValueKind.Null);
        await app.QueryDbAsync(async db =>
        {
            (await db.Cases.SingleAsync(x => x.Id == board.CaseId)).Status.ShouldBe(CaseStatus.Scheduled);
            (await db.AgendaItems.SingleAsync(i => i.Id == board.ItemId)).Status.ShouldBe(AgendaItemStatus.Scheduled);
            (await db.Assessments.Where(a => a.CaseId == board.CaseId).ToListAsync()).ShouldAllBe(a => a.Status != AssessmentStatus.Locked);
            // Only the failed attempt is kept (it counts towards the account's lockout), attributed to the sign-off.
            // (The reads of the decision afterwards are logged too, as reads: DH-11.)
            var written = await db.AuditEntries.OrderBy(a => a.Id).Skip(before).Where(a => a.Operation != "Read").ToListAsync();
            written.ShouldAllBe(a => a.EntityType == "AppUser" && a.Action == "SignDecision");
            return 0;
        });
        var verification = await app.VerifyAuditTrailAsync();
        verification.Valid.ShouldBeTrue(verification.Reason);

        // The right password then signs (and clears the failed count for the demo chair).
        (await SendAsync(Chair, HttpMethod.Post, Url(id, "/sign"), SignBody())).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
