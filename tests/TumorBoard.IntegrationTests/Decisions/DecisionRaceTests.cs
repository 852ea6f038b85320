using System.Net;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Domain.Decisions;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.Web.Errors;
using static TumorBoard.IntegrationTests.Decisions.DecisionTestData;

namespace TumorBoard.IntegrationTests.Decisions;

/// <summary>
/// Parallel requests on one decision (issue #6 "Concurrency"): one current decision and one draft per case whatever the
/// interleaving, every refusal a 409/412 problem (never a 500), and nothing half-written.
/// </summary>
[Collection(DecisionsDatabase.Name)]
public sealed class DecisionRaceTests(AppFixture app) : DatabaseTest(app)
{
    sealed record Call(string Email, HttpMethod Method, string Url, object? Body, string? IfMatch = null, int DelayMs = 0);

    /// <summary>Sends every call at once, each from its own client; returns the responses with their bodies buffered.</summary>
    async Task<HttpResponseMessage[]> AllAtOnceAsync(params Call[] calls)
    {
        var clients = new List<HttpClient>();
        foreach (var call in calls) clients.Add(await app.ClientAsync(call.Email));
        using var start = new SemaphoreSlim(0);
        var tasks = calls.Select(async (call, i) =>
        {
            await start.WaitAsync();
            if (call.DelayMs > 0) await Task.Delay(call.DelayMs);
            var response = await clients[i].SendAsync(Api.Request(call.Method, call.Url, call.Body, call.IfMatch));
            await response.Content.LoadIntoBufferAsync();
            return response;
        }).ToList();
        start.Release(calls.Length);
        var responses = await Task.WhenAll(tasks);
        clients.ForEach(c => c.Dispose());
        return responses;
    }

    /// <summary>Every refusal is a problem with one of the allowed statuses and a detail saying what happened.</summary>
    static async Task ShouldBeRefusalsAsync(IEnumerable<HttpResponseMessage> refused, params HttpStatusCode[] allowed)
    {
        foreach (var response in refused)
        {
            response.StatusCode.ShouldBeOneOf(allowed, await response.Content.ReadAsStringAsync());
            (await response.ShouldBeProblemAsync(response.StatusCode)).GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        }
    }

    /// <summary>The loser of a race to create a draft is told there is another draft (read after it, or met at the index).</summary>
    static async Task ShouldNameTheOtherDraftAsync(IEnumerable<HttpResponseMessage> refused)
    {
        foreach (var response in refused)
            (await response.ReadAsync()).GetProperty("detail").GetString()!
                .ShouldMatch("still a draft|Another draft decision for this case was saved at the same moment|Another version of this case's decision was saved at the same moment");
    }

    Task<List<BoardDecision>> VersionsAsync(Guid caseId) =>
        app.QueryDbAsync(db => db.Decisions.AsNoTracking().Where(d => d.CaseId == caseId).OrderBy(d => d.Number).ToListAsync());

    async Task ChainShouldVerifyAsync()
    {
        var verification = await app.VerifyAuditTrailAsync();
        verification.Valid.ShouldBeTrue(verification.Reason);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Eight_parallel_signatures_of_one_draft_sign_it_once(bool withIfMatch)
    {
        var board = await BoardAsync(app);
        var draft = await RecordAsync(app, board);
        var ifMatch = withIfMatch ? $"\"{draft.Version}\"" : null;

        var responses = await AllAtOnceAsync([.. Enumerable.Range(0, 8).Select(_ => new Call(Chair, HttpMethod.Post, Url(draft.Id, "/sign"), SignBody(), ifMatch))]);

        var statuses = responses.Select(r => r.StatusCode).ToList();
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(1, string.Join(", ", statuses));
        await ShouldBeRefusalsAsync(responses.Where(r => r.StatusCode != HttpStatusCode.OK),
            // The same lost race, the same answer: with If-Match every loser is 412 (stale when checked, or lost at the save).
            withIfMatch ? [HttpStatusCode.PreconditionFailed] : [HttpStatusCode.Conflict]);
        var versions = await VersionsAsync(board.CaseId);
        versions.ShouldHaveSingleItem().Status.ShouldBe(DecisionStatus.Signed);
        versions[0].SignatureIsIntact.ShouldBeTrue();
        var signatures = await app.QueryDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "SignDecision" && a.EntityType == nameof(BoardDecision)));
        signatures.ShouldBe(1);
        await ChainShouldVerifyAsync();
    }

    [Fact]
    public async Task Two_coordinators_recording_the_same_case_at_once_leave_one_draft()
    {
        var board = await BoardAsync(app);
        var body = new { content = await ContentAsync(app) };

        var responses = await AllAtOnceAsync([.. Enumerable.Range(0, 4).Select(_ => new Call(AppFixture.Coordinator, HttpMethod.Post, RecordUrl(board), body))]);

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1, string.Join(", ", responses.Select(r => r.StatusCode)));
        await ShouldBeRefusalsAsync(responses.Where(r => r.StatusCode != HttpStatusCode.Created), HttpStatusCode.Conflict);
        await ShouldNameTheOtherDraftAsync(responses.Where(r => r.StatusCode != HttpStatusCode.Created));
        (await VersionsAsync(board.CaseId)).ShouldHaveSingleItem().Status.ShouldBe(DecisionStatus.Draft);
    }

    [Fact]
    public async Task Two_amendments_of_one_decision_created_at_once_leave_one_draft()
    {
        for (var round = 0; round < 3; round++)
        {
            var (board, signed) = await SignedAsync(app);
            var content = await ContentAsync(app);

            var responses = await AllAtOnceAsync(
                new Call(AppFixture.Coordinator, HttpMethod.Post, Url(signed.Id, "/amendments"),
                    new { reason = "Dose corrected", content = content with { Plan = [content.Plan[0], content.Plan[1] with { DoseGy = 24m, Fractions = 2 }] } }),
                new Call(Chair, HttpMethod.Post, Url(signed.Id, "/amendments"),
                    new { reason = "Timing corrected", content = content with { Plan = [content.Plan[0] with { Timing = StepTiming.Emergency }, content.Plan[1]] } }));

            responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1, string.Join(", ", responses.Select(r => r.StatusCode)));
            await ShouldBeRefusalsAsync(responses.Where(r => r.StatusCode != HttpStatusCode.Created), HttpStatusCode.Conflict);
            await ShouldNameTheOtherDraftAsync(responses.Where(r => r.StatusCode != HttpStatusCode.Created));
            var versions = await VersionsAsync(board.CaseId);
            versions.Select(v => (v.Number, v.Status)).ShouldBe([(1, DecisionStatus.Signed), (2, DecisionStatus.Draft)]);
            versions[1].AmendsId.ShouldBe(signed.Id);
        }
        await ChainShouldVerifyAsync();
    }

    [Fact]
    public async Task Signing_an_amendment_while_a_second_amendment_is_started_never_leaves_two_current_versions_or_a_stale_draft()
    {
        var (board, signed) = await SignedAsync(app);
        var content = await ContentAsync(app);
        var current = signed.Id;
        // Round after round on one case: amend the current version, then sign that amendment while a second amendment of
        // the same version is started a little later each time, so that it reads the version before, during and after the
        // signature commits (the password check alone takes a while).
        for (var round = 1; round <= 30; round++)
        {
            var delay = (round - 1) * 10;
            var first = await app.Send(AppFixture.Coordinator, new AmendDecision.Command
            {
                DecisionId = current, Reason = $"Correction {round}", Content = content with { Rationale = $"Correction {round}" },
            });

            var responses = await AllAtOnceAsync(
                new Call(Chair, HttpMethod.Post, Url(first.Id, "/sign"), SignBody()),
                new Call(AppFixture.Coordinator, HttpMethod.Post, Url(current, "/amendments"),
                    new { reason = "Competing correction", content = content with { Rationale = $"Competing {round}" } }, DelayMs: delay));

            responses[0].StatusCode.ShouldBe(HttpStatusCode.OK, await responses[0].Content.ReadAsStringAsync());
            // The second amendment was based on the version just superseded: before or after the signature, it is refused.
            await ShouldBeRefusalsAsync([responses[1]], HttpStatusCode.Conflict);
            var versions = await VersionsAsync(board.CaseId);
            versions.Select(v => v.Status).ShouldBe([.. Enumerable.Repeat(DecisionStatus.Superseded, round), DecisionStatus.Signed],
                $"round {round}, second amendment {delay} ms later");
            versions[^1].Id.ShouldBe(first.Id);
            current = first.Id;
        }
        await ChainShouldVerifyAsync();
    }

    [Fact]
    public async Task Parallel_positions_of_one_member_keep_one_row_with_one_of_the_positions_sent()
    {
        var board = await BoardAsync(app);
        var draft = await RecordAsync(app, board);
        (string Kind, string? Text)[] sent =
        [
            ("Agree", null), ("Disagree", "SBRT alone."), ("Abstain", null),
            ("Disagree", "Conventional EBRT."), ("Agree", "With the dose as planned."), ("Abstain", "Conflict of interest."),
        ];

        var responses = await AllAtOnceAsync([.. sent.Select(p => new Call(AppFixture.RadOnc, HttpMethod.Put, Url(draft.Id, "/position"), new { kind = p.Kind, text = p.Text }))]);

        // Each is taken in turn (a request that lost the race is taken again on a fresh read): the last one saved stays.
        foreach (var response in responses) response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var rows = await app.QueryDbAsync(db => db.DecisionPositions.Where(p => p.DecisionId == draft.Id).ToListAsync());
        var row = rows.ShouldHaveSingleItem();
        row.MemberId.ShouldBe(await app.UserIdAsync(AppFixture.RadOnc));
        sent.ShouldContain((row.Kind.ToString(), row.Text));
        // The answer with the highest version is the one saved last, and shows what is stored.
        var last = (await Task.WhenAll(responses.Select(r => r.ReadAsync()))).MaxBy(v => v.GetProperty("version").GetUInt32());
        var shown = last.GetProperty("positions").EnumerateArray().ShouldHaveSingleItem();
        (shown.GetProperty("kind").GetString(), shown.GetProperty("text").GetString()).ShouldBe((row.Kind.ToString(), row.Text));
        await ChainShouldVerifyAsync();
    }

    [Fact]
    public async Task Members_taking_positions_at_the_same_moment_are_all_recorded()
    {
        var board = await BoardAsync(app, alsoPresent: [AppFixture.Clinician]);
        var draft = await RecordAsync(app, board);

        var responses = await AllAtOnceAsync(
            new Call(AppFixture.MedOnc, HttpMethod.Put, Url(draft.Id, "/position"), new { kind = "Agree" }),
            new Call(AppFixture.RadOnc, HttpMethod.Put, Url(draft.Id, "/position"), new { kind = "Disagree", text = "SBRT alone." }),
            new Call(AppFixture.Neurosurgeon, HttpMethod.Put, Url(draft.Id, "/position"), new { kind = "Agree" }),
            new Call(AppFixture.Clinician, HttpMethod.Put, Url(draft.Id, "/position"), new { kind = "Abstain" }));

        foreach (var response in responses) response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var rows = await app.QueryDbAsync(db => db.DecisionPositions.Where(p => p.DecisionId == draft.Id).ToListAsync());
        rows.Count.ShouldBe(4);
        rows.Select(r => r.ContentHash).Distinct().ShouldHaveSingleItem().ShouldBe(DecisionHash.Content(
            await app.QueryDbAsync(db => db.Decisions.SingleAsync(d => d.Id == draft.Id))));
        await ChainShouldVerifyAsync();
    }

    [Fact]
    public async Task A_position_racing_the_signature_is_either_in_the_signed_hash_or_refused()
    {
        foreach (var delay in new[] { 0, 50, 100, 150, 200 })
        {
            var board = await BoardAsync(app);
            var draft = await RecordAsync(app, board);

            var responses = await AllAtOnceAsync(
                new Call(AppFixture.MedOnc, HttpMethod.Put, Url(draft.Id, "/position"), new { kind = "Disagree", text = "Too aggressive." }, DelayMs: delay),
                new Call(Chair, HttpMethod.Post, Url(draft.Id, "/sign"), SignBody()),
                new Call(AppFixture.RadOnc, HttpMethod.Put, Url(draft.Id, "/position"), new { kind = "Agree" }, DelayMs: delay / 2));

            // A position saved while the chair was signing makes the chair's signature a 409 (the chair signs what was read);
            // a position arriving after the signature is a 409. Never a 500, never a position outside the signed hash.
            await ShouldBeRefusalsAsync(responses.Where(r => r.StatusCode != HttpStatusCode.OK), HttpStatusCode.Conflict);
            var positions = new[] { responses[0], responses[2] };
            var stored = await app.QueryDbAsync(db => db.DecisionPositions.CountAsync(p => p.DecisionId == draft.Id));
            stored.ShouldBe(positions.Count(r => r.StatusCode == HttpStatusCode.OK));
            if (responses[1].StatusCode != HttpStatusCode.OK)
                (await SendSignAsync(draft.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
            var signed = (await VersionsAsync(board.CaseId)).ShouldHaveSingleItem();
            signed.Status.ShouldBe(DecisionStatus.Signed);
            signed.SignatureIsIntact.ShouldBeTrue("every stored position is covered by the signature");
            signed.Positions.Count.ShouldBe(stored);
        }
        await ChainShouldVerifyAsync();
    }

    async Task<HttpResponseMessage> SendSignAsync(Guid decisionId)
    {
        using var client = await app.ClientAsync(Chair);
        return await client.SendAsync(Api.Request(HttpMethod.Post, Url(decisionId, "/sign"), SignBody()));
    }

    [Fact]
    public async Task Revisions_sent_with_the_same_if_match_let_exactly_one_win()
    {
        var board = await BoardAsync(app);
        var draft = await RecordAsync(app, board);
        var content = await ContentAsync(app);

        var responses = await AllAtOnceAsync([.. Enumerable.Range(1, 5).Select(i =>
            new Call(i % 2 == 0 ? AppFixture.Coordinator : Chair, HttpMethod.Put, Url(draft.Id), new { content = content with { Rationale = $"Revision {i}" } }, $"\"{draft.Version}\""))]);

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1, string.Join(", ", responses.Select(r => r.StatusCode)));
        await ShouldBeRefusalsAsync(responses.Where(r => r.StatusCode != HttpStatusCode.OK), HttpStatusCode.Conflict, HttpStatusCode.PreconditionFailed);
        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).ReadAsync();
        (await VersionsAsync(board.CaseId)).ShouldHaveSingleItem().Content.Rationale
            .ShouldBe(winner.GetProperty("content").GetProperty("rationale").GetString());
    }

    [Fact]
    public async Task Database_refusals_that_race_past_the_checks_are_409s_in_the_clinics_words()
    {
        var board = await BoardAsync(app);
        var draft = await RecordAsync(app, board);
        var content = await ContentAsync(app);

        // What a second draft saved at the same moment meets: the one-draft-per-case index.
        var second = await Should.ThrowAsync<DbUpdateException>(() => app.QueryDbAsync(async db =>
        {
            db.Decisions.Add(BoardDecision.Record(new DecisionTarget(board.CaseId, board.MeetingId, board.ItemId), 2, content,
                new DecisionInputs(null, "{}", []), new BoardMember(Guid.NewGuid(), "Racer", null), DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        }));
        var unique = ExceptionMapping.Map(second).ShouldNotBeNull();
        unique.Status.ShouldBe(409);
        unique.Detail!.ShouldContain("Another draft decision for this case was saved at the same moment");

        // What a change of a decision signed in the meantime meets: the immutability trigger.
        await SignAsync(app, draft.Id);
        var late = await Should.ThrowAsync<DbUpdateException>(() => app.QueryDbAsync(async db =>
        {
            var signed = await db.Decisions.SingleAsync(d => d.Id == draft.Id);
            db.Entry(signed).Property(d => d.ResponsibleClinicianName).CurrentValue = "Changed";
            return await db.SaveChangesAsync();
        }));
        var immutable = ExceptionMapping.Map(late).ShouldNotBeNull();
        immutable.Status.ShouldBe(409);
        immutable.Detail!.ShouldContain("a signed decision is immutable");
        (await VersionsAsync(board.CaseId)).ShouldHaveSingleItem().ResponsibleClinicianName.ShouldNotBe("Changed");
    }

    [Fact]
    public async Task A_second_current_decision_saved_at_the_same_moment_meets_the_one_current_index_as_a_409()
    {
        var (board, signed) = await SignedAsync(app);
        var content = await ContentAsync(app);
        var chair = new BoardMember(await app.UserIdAsync(Chair), "Racing chair", null);

        // What a second signature that raced past every check would save: a second Signed version of the same case.
        var second = await Should.ThrowAsync<DbUpdateException>(() => app.QueryDbAsync(async db =>
        {
            var racing = BoardDecision.Record(new DecisionTarget(board.CaseId, board.MeetingId, board.ItemId), 2, content,
                new DecisionInputs(null, "{}", []), chair, DateTimeOffset.UtcNow);
            racing.Sign(chair, DateTimeOffset.UtcNow);
            db.Decisions.Add(racing);
            return await db.SaveChangesAsync();
        }));

        second.InnerException.ShouldBeOfType<Npgsql.PostgresException>().ConstraintName.ShouldBe("ux_decisions_one_current_per_case");
        var mapped = ExceptionMapping.Map(second).ShouldNotBeNull();
        mapped.Status.ShouldBe(409);
        mapped.Detail!.ShouldContain("Another version of this case's decision was signed at the same moment");
        (await VersionsAsync(board.CaseId)).ShouldHaveSingleItem().Id.ShouldBe(signed.Id);
        await ChainShouldVerifyAsync();
    }
}
