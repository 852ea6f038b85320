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

[Collection(MeetingsDatabase.Name)]
public sealed class DecisionSliceTests(AppFixture app) : DatabaseTest(app)
{
    [Fact]
    public async Task Signing_binds_the_chair_signature_to_the_content_decides_the_case_and_locks_its_assessments()
    {
        var board = await BoardAsync(app);
        var draft = await RecordAsync(app, board);
        await app.Send(AppFixture.MedOnc, new RecordPosition.Command { DecisionId = draft.Id, Kind = PositionKind.Agree });
        await app.Send(AppFixture.RadOnc, new RecordPosition.Command { DecisionId = draft.Id, Kind = PositionKind.Disagree, Text = "I would give SBRT alone." });

        await SignAsync(app, draft.Id);

        var view = await app.Send(AppFixture.Clinician, new GetDecision.Query(draft.Id));
        view.Status.ShouldBe(DecisionStatus.Signed);
        view.Signature.ShouldNotBeNull();
        var chairName = await app.QueryDbAsync(db => db.Users.Where(u => u.Email == Chair).Select(u => u.DisplayName).SingleAsync());
        view.Signature!.PrintedName.ShouldBe(chairName);
        view.Signature.Meaning.ShouldBe(BoardDecision.ChairMeaning);
        view.Signature.ContentHash.ShouldMatch("^[0-9a-f]{64}$");
        view.Signature.Intact.ShouldBeTrue();
        view.HasDissent.ShouldBeTrue();
        view.Positions.ShouldContain(p => p.Kind == PositionKind.Disagree && p.Text == "I would give SBRT alone.");

        await app.QueryDbAsync(async db =>
        {
            (await db.Cases.SingleAsync(c => c.Id == board.CaseId)).Status.ShouldBe(CaseStatus.Decided);
            (await db.Assessments.Where(a => a.CaseId == board.CaseId).ToListAsync()).ShouldAllBe(a => a.Status == AssessmentStatus.Locked);
            (await db.AgendaItems.SingleAsync(i => i.Id == board.ItemId)).Status.ShouldBe(AgendaItemStatus.Decided);
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
        view.Signature!.Intact.ShouldBeFalse();
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_a_signed_decision()
    {
        var board = await BoardAsync(app);
        var draft = await RecordAsync(app, board);
        await app.Send(AppFixture.MedOnc, new RecordPosition.Command { DecisionId = draft.Id, Kind = PositionKind.Agree });
        var signed = await SignAsync(app, draft.Id);
        var change = await Should.ThrowAsync<PostgresException>(() =>
            SqlAsync($"UPDATE decisions SET content = jsonb_set(content, '{{rationale}}', '\"x\"') WHERE id = '{signed.Id}'"));
        change.MessageText.ShouldContain("immutable", Case.Sensitive);
        await Should.ThrowAsync<PostgresException>(() => SqlAsync($"DELETE FROM decisions WHERE id = '{signed.Id}'"));
        var position = await Should.ThrowAsync<PostgresException>(() =>
            SqlAsync($"UPDATE decision_positions SET text = 'x' WHERE decision_id = '{signed.Id}'"));
        position.MessageText.ShouldContain("final", Case.Sensitive);
        await Should.ThrowAsync<PostgresException>(() =>
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
        await Should.ThrowAsync<DomainConflictException>(() => app.Send(AppFixture.Coordinator,
            new ReviseDecision.Command { DecisionId = signed.Id, Content = content with { Rationale = "Other" }, ExpectedVersion = signed.Version }));
        await Should.ThrowAsync<DomainConflictException>(() => app.Send(AppFixture.MedOnc, new RecordPosition.Command { DecisionId = signed.Id, Kind = PositionKind.Abstain }));
        await Should.ThrowAsync<DomainConflictException>(() => SignAsync(app, signed.Id));
    }

    [Fact]
    public async Task Preconditions_each_give_a_409_naming_what_is_missing()
    {
        var notStarted = await BoardAsync(app, start: false);
        var e1 = await Should.ThrowAsync<DomainConflictException>(() => RecordAsync(app, notStarted));
        e1.Message.ShouldContain("not in progress", Case.Sensitive);

        var noQuorum = await BoardAsync(app, quorum: false);
        var e2 = await Should.ThrowAsync<DomainConflictException>(() => RecordAsync(app, noQuorum));
        e2.Message.ShouldContain("no quorum", Case.Sensitive);
        e2.Message.ShouldContain("radiation oncology", Case.Sensitive);

        var missing = await BoardAsync(app, withoutAssessment: [Discipline.MedicalOncology]);
        var e3 = await Should.ThrowAsync<DomainConflictException>(() => RecordAsync(app, missing));
        e3.Message.ShouldContain("no submitted assessment", Case.Sensitive);
        e3.Message.ShouldContain("medical oncology", Case.Sensitive);

        var other = await BoardAsync(app);
        var e4 = await Should.ThrowAsync<NotFoundException>(() => RecordAsync(app, other with { ItemId = missing.ItemId }));
        e4.Message.ShouldContain("Agenda item", Case.Sensitive);
    }

    [Fact]
    public async Task The_chair_waives_a_missing_assessment_with_a_reason_and_the_board_can_then_decide()
    {
        var board = await BoardAsync(app, withoutAssessment: [Discipline.MedicalOncology]);
        await Should.ThrowAsync<ForbiddenException>(() => app.Send(AppFixture.RadOnc, new WaiveAssessment.Command
            { MeetingId = board.MeetingId, ItemId = board.ItemId, Discipline = Discipline.MedicalOncology, Reason = "x" }));
        await Should.ThrowAsync<DomainConflictException>(() => app.Send(Chair, new WaiveAssessment.Command
            { MeetingId = board.MeetingId, ItemId = board.ItemId, Discipline = Discipline.Neurosurgery, Reason = "Submitted already" }));
        await app.Send(Chair, new WaiveAssessment.Command
            { MeetingId = board.MeetingId, ItemId = board.ItemId, Discipline = Discipline.MedicalOncology, Reason = "Oncologist on leave; systemic plan unchanged" });

        var saved = await RecordAsync(app, board);
        await SignAsync(app, saved.Id);
        var view = await app.Send(AppFixture.Clinician, new GetDecision.Query(saved.Id));
        view.Waivers.ShouldContain(w => w.Discipline == Discipline.MedicalOncology && w.Reason.StartsWith("Oncologist on leave"));
        var audited = await app.QueryDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(AssessmentWaiver) && a.Action == "WaiveAssessment"));
        audited.ShouldBe(1);
    }

    [Fact]
    public async Task Only_the_meetings_chair_signs_and_only_with_the_right_password()
    {
        var board = await BoardAsync(app);
        var draft = await RecordAsync(app, board);
        await Should.ThrowAsync<ForbiddenException>(() => SignAsync(app, draft.Id, AppFixture.Coordinator));
        await Should.ThrowAsync<ForbiddenException>(() => SignAsync(app, draft.Id, AppFixture.MedOnc));
        var wrong = await Should.ThrowAsync<ValidationException>(() =>
            app.Send(Chair, new SignDecision.Command { DecisionId = draft.Id, Password = "not-the-password" }));
        wrong.Errors.ShouldContain(e => e.PropertyName == "Password");
        (await app.Send(AppFixture.Clinician, new GetDecision.Query(draft.Id))).Status.ShouldBe(DecisionStatus.Draft);
        await SignAsync(app, draft.Id);
    }

    [Fact]
    public async Task An_amendment_is_a_new_signed_version_and_the_old_one_is_marked_superseded()
    {
        var (board, signed) = await SignedAsync(app);
        var content = await ContentAsync(app);
        var amended = content with { Plan = [content.Plan[0], content.Plan[1] with { DoseGy = 24m, Fractions = 2 }] };
        var draft = await app.Send(AppFixture.Coordinator, new AmendDecision.Command { DecisionId = signed.Id, Reason = "Dose corrected after planning", Content = amended });
        draft.Number.ShouldBe(2);
        // Until the amendment is signed, the first version is still the current decision.
        (await app.Send(AppFixture.Clinician, new GetDecision.Query(signed.Id))).Status.ShouldBe(DecisionStatus.Signed);
        await SignAsync(app, draft.Id);

        var old = await app.Send(AppFixture.Clinician, new GetDecision.Query(signed.Id));
        var current = await app.Send(AppFixture.Clinician, new GetDecision.Query(draft.Id));
        old.Status.ShouldBe(DecisionStatus.Superseded);
        old.SupersededById.ShouldBe(draft.Id);
        old.Signature!.Intact.ShouldBeTrue();
        current.Status.ShouldBe(DecisionStatus.Signed);
        current.AmendsId.ShouldBe(signed.Id);
        current.AmendmentReason.ShouldBe("Dose corrected after planning");
        current.Content.Plan[1].DoseGy.ShouldBe(24m);
        var rows = await app.Send(AppFixture.Clinician, new ListCaseDecisions.Query(board.CaseId));
        rows.Select(r => r.Number).ShouldBe([2, 1]);
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
        meeting.Agenda.ShouldContain(i => i.CaseId == board.CaseId);
        await app.QueryDbAsync(async db =>
        {
            (await db.Cases.SingleAsync(c => c.Id == board.CaseId)).Status.ShouldBe(CaseStatus.Scheduled);
            (await db.Assessments.Where(a => a.CaseId == board.CaseId).ToListAsync()).ShouldNotContain(a => a.Status == AssessmentStatus.Locked);
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
        results.Count(r => r == "signed").ShouldBe(1);
        var signedRows = await app.QueryDbAsync(db => db.Decisions.CountAsync(d => d.CaseId == board.CaseId && d.Status == DecisionStatus.Signed));
        signedRows.ShouldBe(1);
    }

    [Fact]
    public async Task The_follow_up_is_recorded_by_the_responsible_clinician_or_a_coordinator_only()
    {
        var (_, signed) = await SignedAsync(app);
        await Should.ThrowAsync<ForbiddenException>(() => app.Send(AppFixture.MedOnc,
            new RecordFollowUp.Command { DecisionId = signed.Id, StepNumber = 1, Status = FollowUpStatus.Implemented }));
        await app.Send(AppFixture.Clinician, new RecordFollowUp.Command { DecisionId = signed.Id, StepNumber = 1, Status = FollowUpStatus.Implemented });
        await app.Send(AppFixture.Coordinator, new RecordFollowUp.Command
            { DecisionId = signed.Id, StepNumber = 2, Status = FollowUpStatus.NotImplemented, Reason = DeviationReason.PatientWish });
        await Should.ThrowAsync<DomainConflictException>(() => app.Send(AppFixture.Coordinator,
            new RecordFollowUp.Command { DecisionId = signed.Id, StepNumber = 3, Status = FollowUpStatus.Implemented }));
        var view = await app.Send(AppFixture.Clinician, new GetDecision.Query(signed.Id));
        view.FollowUp[0].Current!.Status.ShouldBe(FollowUpStatus.Implemented);
        view.FollowUp[1].Current!.Reason.ShouldBe(DeviationReason.PatientWish);
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
        reads.ShouldContain(r => r.Action == "GetDecision");
        reads.ShouldContain(r => r.Action == "GetBoardView");
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
        var onDraft = await Should.ThrowAsync<PostgresException>(() => SqlAsync(Insert(draft.Id)));
        onDraft.MessageText.ShouldContain("current signed decision", Case.Sensitive);
        await SignAsync(app, draft.Id);
        await Should.ThrowAsync<PostgresException>(() => SqlAsync(Insert(signed.Id)));   // superseded now
        await SqlAsync(Insert(draft.Id));                                                   // the current one
    }
}
