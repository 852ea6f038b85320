using FluentValidation;
using Npgsql;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.FollowUps;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.IntegrationTests.Meetings;
using static TumorBoard.IntegrationTests.Decisions.DecisionTestData;

namespace TumorBoard.IntegrationTests.Decisions;

[Collection(AppCollection.Name)]
public sealed class DecisionSliceTests(AppFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Signing_binds_the_chair_signature_to_the_content_decides_the_case_and_locks_its_assessments()
    {
        var board = await BoardAsync(app);
        var draft = await RecordAsync(app, board);
        await app.Send(AppFixture.MedOnc, new RecordPosition.Command { DecisionId = draft.Id, Kind = PositionKind.Agree });
        await app.Send(AppFixture.RadOnc, new RecordPosition.Command { DecisionId = draft.Id, Kind = PositionKind.Disagree, Text = "I would give SBRT alone." });

        await SignAsync(app, draft.Id);

        var view = await app.Send(AppFixture.Clinician, new GetDecision.Query(draft.Id));
        Assert.Equal(DecisionStatus.Signed, view.Status);
        Assert.NotNull(view.Signature);
        var chairName = await app.QueryDbAsync(db => db.Users.Where(u => u.Email == Chair).Select(u => u.DisplayName).SingleAsync());
        Assert.Equal(chairName, view.Signature!.PrintedName);
        Assert.Equal(BoardDecision.ChairMeaning, view.Signature.Meaning);
        Assert.Matches("^[0-9a-f]{64}$", view.Signature.ContentHash);
        Assert.True(view.Signature.Intact);
        Assert.True(view.HasDissent);
        Assert.Contains(view.Positions, p => p.Kind == PositionKind.Disagree && p.Text == "I would give SBRT alone.");

        await app.QueryDbAsync(async db =>
        {
            Assert.Equal(CaseStatus.Decided, (await db.Cases.SingleAsync(c => c.Id == board.CaseId)).Status);
            Assert.All(await db.Assessments.Where(a => a.CaseId == board.CaseId).ToListAsync(), a => Assert.Equal(AssessmentStatus.Locked, a.Status));
            Assert.Equal(AgendaItemStatus.Decided, (await db.AgendaItems.SingleAsync(i => i.Id == board.ItemId)).Status);
            return 0;
        });
    }

    [Fact]
    public async Task The_hash_covers_the_stored_content_so_a_direct_change_shows_the_signature_broken()
    {
        var (_, signed) = await SignedAsync(app);
        // What a database superuser could do: switch the guard off, change the signed content, switch it back on.
        await SqlAsync($$"""
            ALTER TABLE decisions DISABLE TRIGGER decisions_signed_immutable;
            UPDATE decisions SET content = jsonb_set(content, '{rationale}', '"changed"') WHERE id = '{{signed.Id}}';
            ALTER TABLE decisions ENABLE TRIGGER decisions_signed_immutable;
            """);
        var view = await app.Send(AppFixture.Clinician, new GetDecision.Query(signed.Id));
        Assert.False(view.Signature!.Intact);
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_a_signed_decision()
    {
        var board = await BoardAsync(app);
        var draft = await RecordAsync(app, board);
        await app.Send(AppFixture.MedOnc, new RecordPosition.Command { DecisionId = draft.Id, Kind = PositionKind.Agree });
        var signed = await SignAsync(app, draft.Id);
        var change = await Assert.ThrowsAsync<PostgresException>(() =>
            SqlAsync($"UPDATE decisions SET content = jsonb_set(content, '{{rationale}}', '\"x\"') WHERE id = '{signed.Id}'"));
        Assert.Contains("immutable", change.MessageText);
        await Assert.ThrowsAsync<PostgresException>(() => SqlAsync($"DELETE FROM decisions WHERE id = '{signed.Id}'"));
        var position = await Assert.ThrowsAsync<PostgresException>(() =>
            SqlAsync($"UPDATE decision_positions SET text = 'x' WHERE decision_id = '{signed.Id}'"));
        Assert.Contains("final", position.MessageText);
        await Assert.ThrowsAsync<PostgresException>(() =>
            SqlAsync($"UPDATE decisions SET status = 'Draft' WHERE id = '{signed.Id}'"));
    }

    async Task SqlAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(app.App.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_signed_decision_cannot_be_revised_positioned_or_signed_again()
    {
        var (_, signed) = await SignedAsync(app);
        var content = await ContentAsync(app);
        await Assert.ThrowsAsync<DomainConflictException>(() => app.Send(AppFixture.Coordinator,
            new ReviseDecision.Command { DecisionId = signed.Id, Content = content with { Rationale = "Other" }, ExpectedVersion = signed.Version }));
        await Assert.ThrowsAsync<DomainConflictException>(() => app.Send(AppFixture.MedOnc, new RecordPosition.Command { DecisionId = signed.Id, Kind = PositionKind.Abstain }));
        await Assert.ThrowsAsync<DomainConflictException>(() => SignAsync(app, signed.Id));
    }

    [Fact]
    public async Task Preconditions_each_give_a_409_naming_what_is_missing()
    {
        var notStarted = await BoardAsync(app, start: false);
        var e1 = await Assert.ThrowsAsync<DomainConflictException>(() => RecordAsync(app, notStarted));
        Assert.Contains("not in progress", e1.Message);

        var noQuorum = await BoardAsync(app, quorum: false);
        var e2 = await Assert.ThrowsAsync<DomainConflictException>(() => RecordAsync(app, noQuorum));
        Assert.Contains("no quorum", e2.Message);
        Assert.Contains("RadiationOncology", e2.Message);

        var missing = await BoardAsync(app, withoutAssessment: [Discipline.MedicalOncology]);
        var e3 = await Assert.ThrowsAsync<DomainConflictException>(() => RecordAsync(app, missing));
        Assert.Contains("no submitted assessment", e3.Message);
        Assert.Contains("MedicalOncology", e3.Message);

        var other = await BoardAsync(app);
        var e4 = await Assert.ThrowsAsync<NotFoundException>(() => RecordAsync(app, other with { ItemId = missing.ItemId }));
        Assert.Contains("Agenda item", e4.Message);
    }

    [Fact]
    public async Task The_chair_waives_a_missing_assessment_with_a_reason_and_the_board_can_then_decide()
    {
        var board = await BoardAsync(app, withoutAssessment: [Discipline.MedicalOncology]);
        await Assert.ThrowsAsync<ForbiddenException>(() => app.Send(AppFixture.RadOnc, new WaiveAssessment.Command
            { MeetingId = board.MeetingId, ItemId = board.ItemId, Discipline = Discipline.MedicalOncology, Reason = "x" }));
        await Assert.ThrowsAsync<DomainConflictException>(() => app.Send(Chair, new WaiveAssessment.Command
            { MeetingId = board.MeetingId, ItemId = board.ItemId, Discipline = Discipline.Neurosurgery, Reason = "Submitted already" }));
        await app.Send(Chair, new WaiveAssessment.Command
            { MeetingId = board.MeetingId, ItemId = board.ItemId, Discipline = Discipline.MedicalOncology, Reason = "Oncologist on leave; systemic plan unchanged" });

        var saved = await RecordAsync(app, board);
        await SignAsync(app, saved.Id);
        var view = await app.Send(AppFixture.Clinician, new GetDecision.Query(saved.Id));
        Assert.Contains(view.Waivers, w => w.Discipline == Discipline.MedicalOncology && w.Reason.StartsWith("Oncologist on leave"));
        var audited = await app.QueryDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(AssessmentWaiver) && a.Action == "WaiveAssessment"));
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task Only_the_meetings_chair_signs_and_only_with_the_right_password()
    {
        var board = await BoardAsync(app);
        var draft = await RecordAsync(app, board);
        await Assert.ThrowsAsync<ForbiddenException>(() => SignAsync(app, draft.Id, AppFixture.Coordinator));
        await Assert.ThrowsAsync<ForbiddenException>(() => SignAsync(app, draft.Id, AppFixture.MedOnc));
        var wrong = await Assert.ThrowsAsync<ValidationException>(() =>
            app.Send(Chair, new SignDecision.Command { DecisionId = draft.Id, Password = "not-the-password" }));
        Assert.Contains(wrong.Errors, e => e.PropertyName == "Password");
        Assert.Equal(DecisionStatus.Draft, (await app.Send(AppFixture.Clinician, new GetDecision.Query(draft.Id))).Status);
        await SignAsync(app, draft.Id);
    }

    [Fact]
    public async Task An_amendment_is_a_new_signed_version_and_the_old_one_is_marked_superseded()
    {
        var (board, signed) = await SignedAsync(app);
        var content = await ContentAsync(app);
        var amended = content with { Plan = [content.Plan[0], content.Plan[1] with { DoseGy = 24m, Fractions = 2 }] };
        var draft = await app.Send(AppFixture.Coordinator, new AmendDecision.Command { DecisionId = signed.Id, Reason = "Dose corrected after planning", Content = amended });
        Assert.Equal(2, draft.Number);
        // Until the amendment is signed, the first version is still the current decision.
        Assert.Equal(DecisionStatus.Signed, (await app.Send(AppFixture.Clinician, new GetDecision.Query(signed.Id))).Status);
        await SignAsync(app, draft.Id);

        var old = await app.Send(AppFixture.Clinician, new GetDecision.Query(signed.Id));
        var current = await app.Send(AppFixture.Clinician, new GetDecision.Query(draft.Id));
        Assert.Equal(DecisionStatus.Superseded, old.Status);
        Assert.Equal(draft.Id, old.SupersededById);
        Assert.True(old.Signature!.Intact);
        Assert.Equal(DecisionStatus.Signed, current.Status);
        Assert.Equal(signed.Id, current.AmendsId);
        Assert.Equal("Dose corrected after planning", current.AmendmentReason);
        Assert.Equal(24m, current.Content.Plan[1].DoseGy);
        var rows = await app.Send(AppFixture.Clinician, new ListCaseDecisions.Query(board.CaseId));
        Assert.Equal([2, 1], rows.Select(r => r.Number));
    }

    [Fact]
    public async Task More_information_needed_re_lists_the_case_on_the_next_meeting_and_keeps_assessments_open()
    {
        var next = await MeetingTestData.PlanMeetingAsync(app, startsIn: TimeSpan.FromDays(10));
        var board = await BoardAsync(app);
        var content = await ContentAsync(app) with
        {
            Outcome = DecisionOutcome.MoreInformationNeeded, InformationNeeded = [InformationNeeded.Imaging, InformationNeeded.Biopsy],
            Plan = [], Intent = null, NomsConcordance = null, FollowUpDate = null,
        };
        var saved = await RecordAsync(app, board, content);
        await SignAsync(app, saved.Id);

        var meeting = await app.Send(AppFixture.Coordinator, new GetMeeting.Query(next));
        Assert.Contains(meeting.Agenda, i => i.CaseId == board.CaseId);
        await app.QueryDbAsync(async db =>
        {
            Assert.Equal(CaseStatus.Scheduled, (await db.Cases.SingleAsync(c => c.Id == board.CaseId)).Status);
            Assert.DoesNotContain(await db.Assessments.Where(a => a.CaseId == board.CaseId).ToListAsync(), a => a.Status == AssessmentStatus.Locked);
            return 0;
        });
    }

    [Fact]
    public async Task Parallel_signatures_leave_exactly_one_current_decision()
    {
        var board = await BoardAsync(app);
        var draft = await RecordAsync(app, board);
        var attempts = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            try { await SignAsync(app, draft.Id); return "signed"; }
            catch (DomainConflictException) { return "conflict"; }
            catch (DbUpdateException) { return "conflict"; }
        })).ToList();
        var results = await Task.WhenAll(attempts);
        Assert.Equal(1, results.Count(r => r == "signed"));
        var signedRows = await app.QueryDbAsync(db => db.Decisions.CountAsync(d => d.CaseId == board.CaseId && d.Status == DecisionStatus.Signed));
        Assert.Equal(1, signedRows);
    }

    [Fact]
    public async Task The_follow_up_is_recorded_by_the_responsible_clinician_or_a_coordinator_only()
    {
        var (_, signed) = await SignedAsync(app);
        await Assert.ThrowsAsync<ForbiddenException>(() => app.Send(AppFixture.MedOnc,
            new RecordFollowUp.Command { DecisionId = signed.Id, StepNumber = 1, Status = FollowUpStatus.Implemented }));
        await app.Send(AppFixture.Clinician, new RecordFollowUp.Command { DecisionId = signed.Id, StepNumber = 1, Status = FollowUpStatus.Implemented });
        await app.Send(AppFixture.Coordinator, new RecordFollowUp.Command
            { DecisionId = signed.Id, StepNumber = 2, Status = FollowUpStatus.NotImplemented, Reason = DeviationReason.PatientWish });
        await Assert.ThrowsAsync<DomainConflictException>(() => app.Send(AppFixture.Coordinator,
            new RecordFollowUp.Command { DecisionId = signed.Id, StepNumber = 3, Status = FollowUpStatus.Implemented }));
        var view = await app.Send(AppFixture.Clinician, new GetDecision.Query(signed.Id));
        Assert.Equal(FollowUpStatus.Implemented, view.FollowUp[0].Current!.Status);
        Assert.Equal(DeviationReason.PatientWish, view.FollowUp[1].Current!.Reason);
    }

    [Fact]
    public async Task Opening_a_decision_or_the_board_view_is_logged_as_a_read_of_the_case()
    {
        var (board, signed) = await SignedAsync(app);
        await app.Send(AppFixture.Clinician, new GetDecision.Query(signed.Id));
        await app.Send(AppFixture.MedOnc, new GetBoardView.Query(board.MeetingId, board.ItemId));
        var reads = await app.QueryDbAsync(db => db.AuditEntries
            .Where(a => a.Operation == CaseReadLog.Operation && a.EntityId == board.CaseId.ToString())
            .Select(a => new { a.Action, a.ActorName }).ToListAsync());
        Assert.Contains(reads, r => r.Action == "GetDecision");
        Assert.Contains(reads, r => r.Action == "GetBoardView");
    }

    [Fact]
    public async Task The_database_accepts_follow_ups_only_on_the_current_signed_decision()
    {
        var (_, signed) = await SignedAsync(app);
        var content = await ContentAsync(app);
        var draft = await app.Send(AppFixture.Coordinator, new AmendDecision.Command { DecisionId = signed.Id, Reason = "Timing", Content = content with { Rationale = "Changed" } });
        var author = await app.UserIdAsync(AppFixture.Coordinator);
        string Insert(Guid decisionId) => $"INSERT INTO decision_follow_ups (id, decision_id, step_number, status, recorded_by_id, recorded_by_name, recorded_at) " +
            $"VALUES ('{Guid.CreateVersion7()}', '{decisionId}', 1, 'Implemented', '{author}', 'x', now())";
        var onDraft = await Assert.ThrowsAsync<PostgresException>(() => SqlAsync(Insert(draft.Id)));
        Assert.Contains("current signed decision", onDraft.MessageText);
        await SignAsync(app, draft.Id);
        await Assert.ThrowsAsync<PostgresException>(() => SqlAsync(Insert(signed.Id)));   // superseded now
        await SqlAsync(Insert(draft.Id));                                                   // the current one
    }
}
