using System.Data.Common;
using System.Net;
using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.FollowUps;
using TumorBoard.Application.Features.CaseHistory;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Application.Features.Meetings.Agenda;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Assessments;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.IntegrationTests.Meetings;
using TumorBoard.IntegrationTests.Decisions;
using static TumorBoard.Application.Features.CaseHistory.HistoryEventKind;
using static TumorBoard.IntegrationTests.Decisions.DecisionTestData;

namespace TumorBoard.IntegrationTests.CaseHistory;

/// <summary>A case's decision history (issue #6; DH-2, DH-3, DH-8): the timeline, filters, comparison, export, pages.</summary>
[Collection(AppCollection.Name)]
public sealed class HistoryTests(AppFixture app) : DatabaseTest(app)
{
    const string Dissent = "I would give SBRT alone.";
    const string AmendmentReason = "Dose corrected after planning";

    /// <summary>Version 1 (revised draft, positions incl. a dissent, signed), version 2 (amended dose, signed), a follow-up.</summary>
    sealed record Story(Board Board, Guid V1, Guid V2);

    async Task<Story> StoryAsync()
    {
        var board = await BoardAsync(app);
        var ns = await app.Send(AppFixture.Neurosurgeon, new GetAssessmentVersion.Query(board.CaseId, Discipline.Neurosurgery));
        await app.Send(AppFixture.Neurosurgeon, AssessmentTestData.Revision(board.CaseId, AssessmentTestData.Neurosurgery() with { Rationale = "Cord compression progressed." }, "New MRI", ns.Version));
        await app.Send(AppFixture.Coordinator, new MarkCaseDiscussed.Command { MeetingId = board.MeetingId, ItemId = board.ItemId });
        var content = await ContentAsync(app);
        var draft = await RecordAsync(app, board, content);
        var revised = content with { Rationale = "Separation surgery, then SBRT to T5." };
        await app.Send(AppFixture.Coordinator, new ReviseDecision.Command { DecisionId = draft.Id, Content = revised, ExpectedVersion = draft.Version });
        await app.Send(AppFixture.MedOnc, new RecordPosition.Command { DecisionId = draft.Id, Kind = PositionKind.Abstain });
        await app.Send(AppFixture.RadOnc, new RecordPosition.Command { DecisionId = draft.Id, Kind = PositionKind.Disagree, Text = Dissent });
        await app.Send(AppFixture.MedOnc, new RecordPosition.Command { DecisionId = draft.Id, Kind = PositionKind.Agree });
        await SignAsync(app, draft.Id);
        var amended = revised with { Plan = [revised.Plan[0], revised.Plan[1] with { DoseGy = 24m, Fractions = 2 }] };
        var v2 = await app.Send(AppFixture.Coordinator, new AmendDecision.Command { DecisionId = draft.Id, Reason = AmendmentReason, Content = amended });
        await SignAsync(app, v2.Id);
        await app.Send(AppFixture.Clinician, new RecordFollowUp.Command
            { DecisionId = v2.Id, StepNumber = 1, Status = FollowUpStatus.Implemented, Note = "Operated on day 3." });
        return new Story(board, draft.Id, v2.Id);
    }

    Task<string> NameAsync(string email) =>
        app.QueryDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.DisplayName).SingleAsync());

    Task<GetCaseHistory.Result> HistoryAsync(GetCaseHistory.Query query, string who = AppFixture.Clinician) => app.Send(who, query);

    [Fact]
    public async Task A_case_taken_through_the_board_shows_every_step_in_order_with_who_did_it()
    {
        var story = await StoryAsync();
        var events = (await HistoryAsync(new GetCaseHistory.Query(story.Board.CaseId))).Events;

        HistoryEventKind[] expected =
        [
            CaseRegistered, CaseStatusChanged, Scheduled,
            AssessmentVersion, AssessmentVersion, AssessmentVersion, AssessmentVersion, AssessmentVersion, AssessmentVersion,
            AssessmentVersion, Discussed, DecisionDrafted, DecisionRevised, PositionTaken, PositionTaken, PositionTaken,
            DecisionSigned, DecisionAmended, DecisionSigned, DecisionSuperseded, FollowUpRecorded,
        ];
        events.Select(e => e.Kind).ShouldBe(expected);
        events.Select(e => e.OccurredAt).ShouldBe(events.OrderBy(e => e.OccurredAt).Select(e => e.OccurredAt));
        events.ShouldAllBe(e => e.OccurredAt.Offset == TimeSpan.Zero);

        var coordinator = await NameAsync(AppFixture.Coordinator);
        var chair = await NameAsync(Chair);
        events.Single(e => e.Kind == CaseRegistered).ActorName.ShouldBe(coordinator);
        events.Single(e => e.Kind == Scheduled).ActorName.ShouldBe(coordinator);
        events.Single(e => e.Kind == Discussed).ActorName.ShouldBe(coordinator);
        var revision = events.Single(e => e.Kind == AssessmentVersion && e.AssessmentVersion == 3);
        (revision.Discipline!.Value, revision.Text!, revision.ActorName!).ShouldBe((Discipline.Neurosurgery, "New MRI", await NameAsync(AppFixture.Neurosurgeon)));
        revision.Summary.ShouldContain("revised", Case.Sensitive);

        var edit = events.Single(e => e.Kind == DecisionRevised);
        edit.ActorName.ShouldBe(coordinator);
        edit.Source.ShouldBe(HistorySource.AuditTrail);
        edit.Changes.ShouldHaveSingleItem().Field.ShouldBe("rationale");

        var positions = events.Where(e => e.Kind == PositionTaken).ToList();
        var medOnc = await NameAsync(AppFixture.MedOnc);
        (positions[0].ActorName!, positions[0].Position!.Value, positions[0].Source).ShouldBe((medOnc, PositionKind.Abstain, HistorySource.AuditTrail));
        positions[0].Summary.ShouldContain("later replaced", Case.Sensitive);
        (positions[1].ActorName!, positions[1].Position!.Value, positions[1].Text!).ShouldBe((await NameAsync(AppFixture.RadOnc), PositionKind.Disagree, Dissent));
        (positions[2].ActorName!, positions[2].Position!.Value).ShouldBe((medOnc, PositionKind.Agree));

        var signatures = events.Where(e => e.Kind == DecisionSigned).ToList();
        signatures.Select(s => s.DecisionNumber!.Value).ShouldBe([1, 2]);
        signatures.ShouldAllBe(s => s.ActorName == chair);
        signatures[0].Summary.ShouldContain(BoardDecision.ChairMeaning, Case.Sensitive);
        var amendment = events.Single(e => e.Kind == DecisionAmended);
        (amendment.DecisionId!.Value, amendment.Text!, amendment.ActorName!).ShouldBe((story.V2, AmendmentReason, coordinator));
        var superseded = events.Single(e => e.Kind == DecisionSuperseded);
        superseded.DecisionId.ShouldBe(story.V1);
        superseded.Summary.ShouldContain("superseded by version 2", Case.Sensitive);
        var followUp = events.Single(e => e.Kind == FollowUpRecorded);
        (followUp.ActorName!, followUp.Text!).ShouldBe((await NameAsync(AppFixture.Clinician), "Operated on day 3."));
    }

    [Fact]
    public async Task The_history_is_read_with_the_same_seven_queries_however_long_it_is()
    {
        var story = await StoryAsync();
        var (_, fresh) = await Api.CaseAsync(app);
        foreach (var (caseId, decisions) in new[] { (story.Board.CaseId, 2), (fresh, 0) })
        {
            var counter = new CommandCounter();
            await using var scope = app.App.Services.CreateAsyncScope();
            var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<TumorBoardDbContext>>();
            await using var db = new TumorBoardDbContext(new DbContextOptionsBuilder<TumorBoardDbContext>(options).AddInterceptors(counter).Options);
            var data = await CaseHistoryData.LoadAsync(db, caseId, CancellationToken.None);
            data.Decisions.Count.ShouldBe(decisions);
            counter.Commands.ShouldBe(7);   // case, listings, assessments, waivers, decisions, audit, patient letters
        }
    }

    sealed class CommandCounter : DbCommandInterceptor
    {
        public int Commands;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Commands);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    [Fact]
    public async Task A_removal_and_a_deferral_show_their_reasons_and_who_took_the_case_off()
    {
        var (first, items, cases) = await MeetingTestData.MeetingWithCasesAsync(app, 1);
        await app.Send(AppFixture.Coordinator, new RemoveCaseFromAgenda.Command { MeetingId = first, ItemId = items[0], Reason = "Imaging not available yet" });
        var second = await MeetingTestData.PlanMeetingAsync(app);
        var item = (await app.Send(AppFixture.Coordinator, new AddCaseToAgenda.Command { MeetingId = second, CaseId = cases[0] })).ItemId;
        await app.Send(AppFixture.Coordinator, new StartMeeting.Command { MeetingId = second });
        await app.Send(Chair, new DeferCase.Command { MeetingId = second, ItemId = item, Reason = "Out of time" });

        var events = (await HistoryAsync(new GetCaseHistory.Query(cases[0]))).Events;
        events.Select(e => e.Kind).ShouldBe([CaseRegistered, CaseStatusChanged, Scheduled, Removed, Scheduled, Deferred]);
        var removed = events.Single(e => e.Kind == Removed);
        (removed.MeetingId!.Value, removed.Text!, removed.ActorName!).ShouldBe((first, "Imaging not available yet", await NameAsync(AppFixture.Coordinator)));
        var deferred = events.Single(e => e.Kind == Deferred);
        (deferred.MeetingId!.Value, deferred.Text!, deferred.ActorName!).ShouldBe((second, "Out of time", await NameAsync(Chair)));
    }

    [Fact]
    public async Task Filters_keep_the_chosen_kinds_discipline_and_dates()
    {
        var story = await StoryAsync();
        var caseId = story.Board.CaseId;

        var positions = await HistoryAsync(new GetCaseHistory.Query(caseId) { Kinds = [PositionTaken, DecisionSigned] });
        positions.Events.Select(e => e.Kind).ShouldBe([PositionTaken, PositionTaken, PositionTaken, DecisionSigned, DecisionSigned]);
        (positions.TotalEvents > positions.Events.Count).ShouldBeTrue();

        var neurosurgery = await HistoryAsync(new GetCaseHistory.Query(caseId) { Discipline = Discipline.Neurosurgery });
        neurosurgery.Events.Select(e => e.AssessmentVersion!.Value).ShouldBe([1, 2, 3]);
        neurosurgery.Events.ShouldAllBe(e => e.Discipline == Discipline.Neurosurgery);
        var radiation = await HistoryAsync(new GetCaseHistory.Query(caseId) { Discipline = Discipline.RadiationOncology, Kinds = [PositionTaken] });
        radiation.Events.ShouldHaveSingleItem().Text.ShouldBe(Dissent);

        // The filter's days are the board's (Zurich), not UTC: between 23:00 and 24:00 UTC they differ.
        var today = app.App.Services.GetRequiredService<TumorBoard.Application.Common.Models.BoardClock>().Today;
        (await HistoryAsync(new GetCaseHistory.Query(caseId) { From = today, To = today })).Events.Count.ShouldBe(positions.TotalEvents);
        (await HistoryAsync(new GetCaseHistory.Query(caseId) { From = today.AddDays(1) })).Events.ShouldBeEmpty();
        (await HistoryAsync(new GetCaseHistory.Query(caseId) { To = today.AddDays(-1) })).Events.ShouldBeEmpty();
        var backwards = await Should.ThrowAsync<ValidationException>(() => HistoryAsync(new GetCaseHistory.Query(caseId) { From = today, To = today.AddDays(-1) }));
        backwards.Errors.ShouldContain(e => e.PropertyName == "To");
    }

    [Fact]
    public async Task Comparing_two_versions_lists_the_changed_dose_and_the_amendment_reason_older_version_first()
    {
        var story = await StoryAsync();
        var compared = await app.Send(AppFixture.Clinician, new CompareDecisionVersions.Query(story.V2, story.V1));

        (compared.Before.Number, compared.After.Number).ShouldBe((1, 2));
        compared.Changes.ShouldBe([
            new LabelledChange("plan[1].doseGy", "Plan step 2: total dose (Gy)", "27", "24"),
            new LabelledChange("plan[1].fractions", "Plan step 2: fractions", "3", "2"),
            new LabelledChange("amendmentReason", "Amendment reason", null, AmendmentReason),
        ]);

        var other = await SignedAsync(app);
        await Should.ThrowAsync<DomainConflictException>(() => app.Send(AppFixture.Clinician, new CompareDecisionVersions.Query(story.V1, other.Decision.Id)));
        await Should.ThrowAsync<NotFoundException>(() => app.Send(AppFixture.Clinician, new CompareDecisionVersions.Query(story.V1, Guid.NewGuid())));
        await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Clinician, new CompareDecisionVersions.Query(story.V1, story.V1)));
        await Should.ThrowAsync<ForbiddenException>(() => app.Send(AppFixture.Admin, new CompareDecisionVersions.Query(story.V1, story.V2)));
    }

    [Fact]
    public async Task The_export_is_a_json_attachment_with_every_decision_and_assessment_version()
    {
        var story = await StoryAsync();
        var caseId = story.Board.CaseId;
        using var client = await app.ClientAsync(AppFixture.Clinician);
        using var response = await client.GetAsync($"/api/v1/cases/{caseId}/history/export");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (response.Content.Headers.ContentType?.MediaType).ShouldBe("application/json");
        var disposition = response.Content.Headers.ContentDisposition;
        (disposition?.DispositionType, disposition?.FileName?.Trim('"')).ShouldBe(("attachment", $"case-{caseId}-history.json"));
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = doc.RootElement;
        root.GetProperty("format").GetString().ShouldBe(ExportCaseHistory.Format);
        root.GetProperty("case").GetProperty("id").GetGuid().ShouldBe(caseId);

        var decisions = root.GetProperty("decisions").EnumerateArray().ToList();
        decisions.Select(d => d.GetProperty("number").GetInt32()).ShouldBe([1, 2]);
        decisions.Select(d => d.GetProperty("status").GetString()).ShouldBe(["Superseded", "Signed"]);
        var signature = decisions[0].GetProperty("signature");
        signature.GetProperty("meaning").GetString().ShouldBe(BoardDecision.ChairMeaning);
        signature.GetProperty("intact").GetBoolean().ShouldBeTrue();
        decisions[0].GetProperty("positions").EnumerateArray().ShouldContain(p => p.GetProperty("text").GetString() == Dissent);
        decisions[1].GetProperty("content").GetProperty("plan")[1].GetProperty("doseGy").GetDecimal().ShouldBe(24m);

        var versions = root.GetProperty("assessments").EnumerateArray().SelectMany(a => a.GetProperty("versions").EnumerateArray()).ToList();
        var stored = await app.QueryDbAsync(db => db.AssessmentVersions.CountAsync(v => db.Assessments.Any(a => a.Id == v.AssessmentId && a.CaseId == caseId)));
        versions.Count.ShouldBe(stored);
        versions.ShouldAllBe(v => v.GetProperty("content").ValueKind == JsonValueKind.Object
            && v.GetProperty("computed").ValueKind == JsonValueKind.Object);
        versions.ShouldContain(v => v.GetProperty("reason").GetString() == "New MRI");
        root.GetProperty("events").GetArrayLength().ShouldBe(21);
    }

    [Fact]
    public async Task The_history_endpoint_filters_by_kind_and_rejects_an_unknown_kind()
    {
        var story = await StoryAsync();
        using var client = await app.ClientAsync(AppFixture.MedOnc);
        using var signed = await client.GetAsync($"/api/v1/cases/{story.Board.CaseId}/history?kinds=DecisionSigned,DecisionAmended");
        signed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var events = (await signed.ReadAsync()).EnumerateArray().ToList();
        events.Select(e => e.GetProperty("kind").GetString()).ShouldBe(["DecisionSigned", "DecisionAmended", "DecisionSigned"]);

        using var bogus = await client.GetAsync($"/api/v1/cases/{story.Board.CaseId}/history?kinds=Lunch");
        (await bogus.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldContain("kinds");
        using var discipline = await client.GetAsync($"/api/v1/cases/{story.Board.CaseId}/history?discipline=radiation-oncology&kinds=PositionTaken");
        (await discipline.ReadAsync()).EnumerateArray().ShouldHaveSingleItem().GetProperty("text").GetString().ShouldBe(Dissent);
        using var compare = await client.GetAsync($"/api/v1/decisions/{story.V1}/compare/{story.V2}");
        (await compare.ReadAsync()).GetProperty("changes").EnumerateArray().ShouldContain(c => c.GetProperty("field").GetString() == "plan[1].doseGy");
        using var missing = await client.GetAsync($"/api/v1/cases/{Guid.NewGuid()}/history");
        await missing.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_history_page_shows_the_dissent_the_signer_and_links_to_the_report_and_the_export()
    {
        var story = await StoryAsync();
        var caseId = story.Board.CaseId;
        var client = await PageClient.SignedInAsync(app, AppFixture.Clinician);

        var html = await client.GetStringAsync($"/Cases/{caseId}/History");
        html.ShouldContain(Dissent, Case.Sensitive);
        html.ShouldContain(await NameAsync(Chair), Case.Sensitive);
        html.ShouldContain($"/Decisions/{story.V2}/Report", Case.Sensitive);
        html.ShouldContain($"/Cases/{caseId}/History?handler=Export", Case.Sensitive);
        html.ShouldNotContain(" style=", Case.Sensitive);

        var filtered = await client.GetStringAsync($"/Cases/{caseId}/History?Kinds=PositionTaken");
        filtered.ShouldContain(Dissent, Case.Sensitive);
        filtered.ShouldNotContain("Decision version 1 signed", Case.Sensitive);
        var backwards = await client.GetStringAsync($"/Cases/{caseId}/History?From=2026-12-02&To=2026-12-01");
        backwards.ShouldContain("&#x27;To&#x27; must be on or after &#x27;From&#x27;.", Case.Sensitive);

        using var export = await client.GetAsync($"/Cases/{caseId}/History?handler=Export");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        (export.Content.Headers.ContentDisposition?.FileName?.Trim('"')).ShouldBe($"case-{caseId}-history.json");
        using var compare = await client.GetAsync($"/Cases/{caseId}/History?handler=Compare&first={story.V1}&second={story.V2}");
        compare.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (compare.Headers.Location?.OriginalString).ShouldBe($"/Decisions/{story.V1}/Compare/{story.V2}");

        var admin = await PageClient.SignedInAsync(app, AppFixture.Admin);
        (await admin.GetAsync($"/Cases/{caseId}/History")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_report_shows_the_signature_manifestation_the_hash_and_the_dissent()
    {
        var story = await StoryAsync();
        var client = await PageClient.SignedInAsync(app, AppFixture.Clinician);
        var view = await app.Send(AppFixture.Clinician, new GetDecision.Query(story.V1));

        var html = await client.GetStringAsync($"/Decisions/{story.V1}/Report");
        html.ShouldContain("approved as board chair", Case.Sensitive);
        html.ShouldContain(view.Signature!.ContentHash, Case.Sensitive);
        html.ShouldContain(view.Signature.PrintedName, Case.Sensitive);
        html.ShouldContain("Intact", Case.Sensitive);
        html.ShouldContain(Dissent, Case.Sensitive);
        html.ShouldContain("Dissent recorded", Case.Sensitive);
        html.ShouldContain("Superseded by", Case.Sensitive);
        html.ShouldContain("MRN", Case.Sensitive);
        html.ShouldNotContain(" style=", Case.Sensitive);

        var amended = await client.GetStringAsync($"/Decisions/{story.V2}/Report");
        amended.ShouldContain(AmendmentReason, Case.Sensitive);
        amended.ShouldContain("This version amends", Case.Sensitive);
        amended.ShouldContain("<td>Implemented</td>", Case.Sensitive);   // the step's follow-up, and in the follow-up so far who recorded it
        amended.ShouldContain(await NameAsync(AppFixture.Clinician) + ", <time", Case.Sensitive);

        var compare = await client.GetStringAsync($"/Decisions/{story.V1}/Compare/{story.V2}");
        compare.ShouldContain("Plan step 2: total dose (Gy)", Case.Sensitive);
        compare.ShouldContain(AmendmentReason, Case.Sensitive);
    }
}
