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
public sealed class HistoryTests(AppFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

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
        Assert.Equal(expected, events.Select(e => e.Kind));
        Assert.Equal(events.OrderBy(e => e.OccurredAt).Select(e => e.OccurredAt), events.Select(e => e.OccurredAt));
        Assert.All(events, e => Assert.Equal(TimeSpan.Zero, e.OccurredAt.Offset));

        var coordinator = await NameAsync(AppFixture.Coordinator);
        var chair = await NameAsync(Chair);
        Assert.Equal(coordinator, events.Single(e => e.Kind == CaseRegistered).ActorName);
        Assert.Equal(coordinator, events.Single(e => e.Kind == Scheduled).ActorName);
        Assert.Equal(coordinator, events.Single(e => e.Kind == Discussed).ActorName);
        var revision = events.Single(e => e.Kind == AssessmentVersion && e.AssessmentVersion == 3);
        Assert.Equal((Discipline.Neurosurgery, "New MRI", await NameAsync(AppFixture.Neurosurgeon)), (revision.Discipline!.Value, revision.Text!, revision.ActorName!));
        Assert.Contains("revised", revision.Summary);

        var edit = events.Single(e => e.Kind == DecisionRevised);
        Assert.Equal(coordinator, edit.ActorName);
        Assert.Equal(HistorySource.AuditTrail, edit.Source);
        Assert.Equal("rationale", Assert.Single(edit.Changes).Field);

        var positions = events.Where(e => e.Kind == PositionTaken).ToList();
        var medOnc = await NameAsync(AppFixture.MedOnc);
        Assert.Equal((medOnc, PositionKind.Abstain, HistorySource.AuditTrail), (positions[0].ActorName!, positions[0].Position!.Value, positions[0].Source));
        Assert.Contains("later replaced", positions[0].Summary);
        Assert.Equal((await NameAsync(AppFixture.RadOnc), PositionKind.Disagree, Dissent), (positions[1].ActorName!, positions[1].Position!.Value, positions[1].Text!));
        Assert.Equal((medOnc, PositionKind.Agree), (positions[2].ActorName!, positions[2].Position!.Value));

        var signatures = events.Where(e => e.Kind == DecisionSigned).ToList();
        Assert.Equal([1, 2], signatures.Select(s => s.DecisionNumber!.Value));
        Assert.All(signatures, s => Assert.Equal(chair, s.ActorName));
        Assert.Contains(BoardDecision.ChairMeaning, signatures[0].Summary);
        var amendment = events.Single(e => e.Kind == DecisionAmended);
        Assert.Equal((story.V2, AmendmentReason, coordinator), (amendment.DecisionId!.Value, amendment.Text!, amendment.ActorName!));
        var superseded = events.Single(e => e.Kind == DecisionSuperseded);
        Assert.Equal(story.V1, superseded.DecisionId);
        Assert.Contains("superseded by version 2", superseded.Summary);
        var followUp = events.Single(e => e.Kind == FollowUpRecorded);
        Assert.Equal((await NameAsync(AppFixture.Clinician), "Operated on day 3."), (followUp.ActorName!, followUp.Text!));
    }

    [Fact]
    public async Task The_history_is_read_with_the_same_six_queries_however_long_it_is()
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
            Assert.Equal(decisions, data.Decisions.Count);
            Assert.Equal(6, counter.Commands);
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
        Assert.Equal([CaseRegistered, CaseStatusChanged, Scheduled, Removed, Scheduled, Deferred], events.Select(e => e.Kind));
        var removed = events.Single(e => e.Kind == Removed);
        Assert.Equal((first, "Imaging not available yet", await NameAsync(AppFixture.Coordinator)), (removed.MeetingId!.Value, removed.Text!, removed.ActorName!));
        var deferred = events.Single(e => e.Kind == Deferred);
        Assert.Equal((second, "Out of time", await NameAsync(Chair)), (deferred.MeetingId!.Value, deferred.Text!, deferred.ActorName!));
    }

    [Fact]
    public async Task Filters_keep_the_chosen_kinds_discipline_and_dates()
    {
        var story = await StoryAsync();
        var caseId = story.Board.CaseId;

        var positions = await HistoryAsync(new GetCaseHistory.Query(caseId) { Kinds = [PositionTaken, DecisionSigned] });
        Assert.Equal([PositionTaken, PositionTaken, PositionTaken, DecisionSigned, DecisionSigned], positions.Events.Select(e => e.Kind));
        Assert.True(positions.TotalEvents > positions.Events.Count);

        var neurosurgery = await HistoryAsync(new GetCaseHistory.Query(caseId) { Discipline = Discipline.Neurosurgery });
        Assert.Equal([1, 2, 3], neurosurgery.Events.Select(e => e.AssessmentVersion!.Value));
        Assert.All(neurosurgery.Events, e => Assert.Equal(Discipline.Neurosurgery, e.Discipline));
        var radiation = await HistoryAsync(new GetCaseHistory.Query(caseId) { Discipline = Discipline.RadiationOncology, Kinds = [PositionTaken] });
        Assert.Equal(Dissent, Assert.Single(radiation.Events).Text);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(positions.TotalEvents, (await HistoryAsync(new GetCaseHistory.Query(caseId) { From = today, To = today })).Events.Count);
        Assert.Empty((await HistoryAsync(new GetCaseHistory.Query(caseId) { From = today.AddDays(1) })).Events);
        Assert.Empty((await HistoryAsync(new GetCaseHistory.Query(caseId) { To = today.AddDays(-1) })).Events);
        var backwards = await Assert.ThrowsAsync<ValidationException>(() => HistoryAsync(new GetCaseHistory.Query(caseId) { From = today, To = today.AddDays(-1) }));
        Assert.Contains(backwards.Errors, e => e.PropertyName == "To");
    }

    [Fact]
    public async Task Comparing_two_versions_lists_the_changed_dose_and_the_amendment_reason_older_version_first()
    {
        var story = await StoryAsync();
        var compared = await app.Send(AppFixture.Clinician, new CompareDecisionVersions.Query(story.V2, story.V1));

        Assert.Equal((1, 2), (compared.Before.Number, compared.After.Number));
        Assert.Equal(
        [
            new LabelledChange("plan[1].doseGy", "Plan step 2: total dose (Gy)", "27", "24"),
            new LabelledChange("plan[1].fractions", "Plan step 2: fractions", "3", "2"),
            new LabelledChange("amendmentReason", "Amendment reason", null, AmendmentReason),
        ], compared.Changes);

        var other = await SignedAsync(app);
        await Assert.ThrowsAsync<DomainConflictException>(() => app.Send(AppFixture.Clinician, new CompareDecisionVersions.Query(story.V1, other.Decision.Id)));
        await Assert.ThrowsAsync<NotFoundException>(() => app.Send(AppFixture.Clinician, new CompareDecisionVersions.Query(story.V1, Guid.NewGuid())));
        await Assert.ThrowsAsync<ValidationException>(() => app.Send(AppFixture.Clinician, new CompareDecisionVersions.Query(story.V1, story.V1)));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.Send(AppFixture.Admin, new CompareDecisionVersions.Query(story.V1, story.V2)));
    }

    [Fact]
    public async Task The_export_is_a_json_attachment_with_every_decision_and_assessment_version()
    {
        var story = await StoryAsync();
        var caseId = story.Board.CaseId;
        using var client = await app.ClientAsync(AppFixture.Clinician);
        using var response = await client.GetAsync($"/api/v1/cases/{caseId}/history/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.Equal(("attachment", $"case-{caseId}-history.json"), (disposition?.DispositionType, disposition?.FileName?.Trim('"')));
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = doc.RootElement;
        Assert.Equal(ExportCaseHistory.Format, root.GetProperty("format").GetString());
        Assert.Equal(caseId, root.GetProperty("case").GetProperty("id").GetGuid());

        var decisions = root.GetProperty("decisions").EnumerateArray().ToList();
        Assert.Equal([1, 2], decisions.Select(d => d.GetProperty("number").GetInt32()));
        Assert.Equal(["Superseded", "Signed"], decisions.Select(d => d.GetProperty("status").GetString()));
        var signature = decisions[0].GetProperty("signature");
        Assert.Equal(BoardDecision.ChairMeaning, signature.GetProperty("meaning").GetString());
        Assert.True(signature.GetProperty("intact").GetBoolean());
        Assert.Contains(decisions[0].GetProperty("positions").EnumerateArray(), p => p.GetProperty("text").GetString() == Dissent);
        Assert.Equal(24m, decisions[1].GetProperty("content").GetProperty("plan")[1].GetProperty("doseGy").GetDecimal());

        var versions = root.GetProperty("assessments").EnumerateArray().SelectMany(a => a.GetProperty("versions").EnumerateArray()).ToList();
        var stored = await app.QueryDbAsync(db => db.AssessmentVersions.CountAsync(v => db.Assessments.Any(a => a.Id == v.AssessmentId && a.CaseId == caseId)));
        Assert.Equal(stored, versions.Count);
        Assert.All(versions, v =>
        {
            Assert.Equal(JsonValueKind.Object, v.GetProperty("content").ValueKind);
            Assert.Equal(JsonValueKind.Object, v.GetProperty("computed").ValueKind);
        });
        Assert.Contains(versions, v => v.GetProperty("reason").GetString() == "New MRI");
        Assert.Equal(21, root.GetProperty("events").GetArrayLength());
    }

    [Fact]
    public async Task The_history_endpoint_filters_by_kind_and_rejects_an_unknown_kind()
    {
        var story = await StoryAsync();
        using var client = await app.ClientAsync(AppFixture.MedOnc);
        using var signed = await client.GetAsync($"/api/v1/cases/{story.Board.CaseId}/history?kinds=DecisionSigned,DecisionAmended");
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        var events = (await signed.ReadAsync()).EnumerateArray().ToList();
        Assert.Equal(["DecisionSigned", "DecisionAmended", "DecisionSigned"], events.Select(e => e.GetProperty("kind").GetString()));

        using var bogus = await client.GetAsync($"/api/v1/cases/{story.Board.CaseId}/history?kinds=Lunch");
        Assert.Contains("kinds", (await bogus.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys());
        using var discipline = await client.GetAsync($"/api/v1/cases/{story.Board.CaseId}/history?discipline=radiation-oncology&kinds=PositionTaken");
        Assert.Equal(Dissent, Assert.Single((await discipline.ReadAsync()).EnumerateArray()).GetProperty("text").GetString());
        using var compare = await client.GetAsync($"/api/v1/decisions/{story.V1}/compare/{story.V2}");
        Assert.Contains((await compare.ReadAsync()).GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() == "plan[1].doseGy");
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
        Assert.Contains(Dissent, html);
        Assert.Contains(await NameAsync(Chair), html);
        Assert.Contains($"/Decisions/{story.V2}/Report", html);
        Assert.Contains($"/Cases/{caseId}/History?handler=Export", html);
        Assert.DoesNotContain(" style=", html);

        var filtered = await client.GetStringAsync($"/Cases/{caseId}/History?Kinds=PositionTaken");
        Assert.Contains(Dissent, filtered);
        Assert.DoesNotContain("Decision version 1 signed", filtered);
        var backwards = await client.GetStringAsync($"/Cases/{caseId}/History?From=2026-12-02&To=2026-12-01");
        Assert.Contains("&#x27;To&#x27; must be on or after &#x27;From&#x27;.", backwards);

        using var export = await client.GetAsync($"/Cases/{caseId}/History?handler=Export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal($"case-{caseId}-history.json", export.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var compare = await client.GetAsync($"/Cases/{caseId}/History?handler=Compare&first={story.V1}&second={story.V2}");
        Assert.Equal(HttpStatusCode.Redirect, compare.StatusCode);
        Assert.Equal($"/Decisions/{story.V1}/Compare/{story.V2}", compare.Headers.Location?.OriginalString);

        var admin = await PageClient.SignedInAsync(app, AppFixture.Admin);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"/Cases/{caseId}/History")).StatusCode);
    }

    [Fact]
    public async Task The_report_shows_the_signature_manifestation_the_hash_and_the_dissent()
    {
        var story = await StoryAsync();
        var client = await PageClient.SignedInAsync(app, AppFixture.Clinician);
        var view = await app.Send(AppFixture.Clinician, new GetDecision.Query(story.V1));

        var html = await client.GetStringAsync($"/Decisions/{story.V1}/Report");
        Assert.Contains("approved as board chair", html);
        Assert.Contains(view.Signature!.ContentHash, html);
        Assert.Contains(view.Signature.PrintedName, html);
        Assert.Contains("Intact", html);
        Assert.Contains(Dissent, html);
        Assert.Contains("Dissent recorded", html);
        Assert.Contains("Superseded by", html);
        Assert.Contains("MRN", html);
        Assert.DoesNotContain(" style=", html);

        var amended = await client.GetStringAsync($"/Decisions/{story.V2}/Report");
        Assert.Contains(AmendmentReason, amended);
        Assert.Contains("This version amends", amended);
        Assert.Contains("Implemented, " + await NameAsync(AppFixture.Clinician), amended);

        var compare = await client.GetStringAsync($"/Decisions/{story.V1}/Compare/{story.V2}");
        Assert.Contains("Plan step 2: total dose (Gy)", compare);
        Assert.Contains(AmendmentReason, compare);
    }
}
