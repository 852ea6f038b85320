using Microsoft.EntityFrameworkCore;
using Npgsql;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Application.Features.Meetings.Agenda;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Scores;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.IntegrationTests.Meetings;
using static TumorBoard.IntegrationTests.Assessments.AssessmentTestData;

namespace TumorBoard.IntegrationTests.Assessments;

[Collection(MeetingsDatabase.Name)]
public sealed class AssessmentSliceTests(AppFixture app) : DatabaseTest(app)
{
    [Fact]
    public async Task The_history_is_complete_after_draft_draft_submit_revise_and_versions_are_immutable()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        var draft = Draft(caseId, Neurosurgery() with { Frankel = null });
        var v1 = await app.Send(AppFixture.Neurosurgeon, draft);
        var v2 = await app.Send(AppFixture.Neurosurgeon, Draft(caseId, Neurosurgery(), v1.Version));
        var v3 = await app.Send(AppFixture.Neurosurgeon, new SubmitAssessment.Command(caseId, Discipline.Neurosurgery));
        var revised = Neurosurgery() with { Rationale = "Cord compression progressed." };
        var v4 = await app.Send(AppFixture.Neurosurgeon, Revision(caseId, revised, "New MRI", v3.Version));

        v4.Number.ShouldBe(4);
        var history = await app.Send(AppFixture.Clinician, new GetAssessmentHistory.Query(caseId, Discipline.Neurosurgery) { From = 1, To = 4 });
        history.Versions.Select(v => v.Kind).ShouldBe([AssessmentVersionKind.Draft, AssessmentVersionKind.Draft,
            AssessmentVersionKind.Submission, AssessmentVersionKind.Revision]);
        history.Versions.ShouldAllBe(v => v.AuthorName != "");
        history.Versions[1].ChangesFromPrevious.ShouldContain(c => c.Field == "frankel" && c.Old == null && c.New == "D");
        history.Versions[2].ChangesFromPrevious.ShouldBeEmpty();
        history.Versions[3].Reason.ShouldBe("New MRI");
        history.Compared!.Changes.Select(c => c.Field).ShouldBe(["frankel", "rationale"]);

        var first = await app.Send(AppFixture.Coordinator, new GetAssessmentVersion.Query(caseId, Discipline.Neurosurgery, 1));
        first.Content.TryGetProperty("frankel", out var frankel).ShouldBeTrue();
        frankel.ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);

        await using var conn = new NpgsqlConnection(app.App.ConnectionString);
        await conn.OpenAsync();
        await using var update = new NpgsqlCommand("UPDATE assessment_versions SET reason = 'tampered'", conn);
        (await Should.ThrowAsync<PostgresException>(() => update.ExecuteNonQueryAsync())).Message.ShouldContain("append-only");
        await using var delete = new NpgsqlCommand("DELETE FROM assessment_versions", conn);
        await Should.ThrowAsync<PostgresException>(() => delete.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task A_radiation_oncologist_cannot_write_the_neurosurgery_assessment()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        await Should.ThrowAsync<ForbiddenException>(() => app.Send(AppFixture.RadOnc, Draft(caseId, Neurosurgery())));
        await app.Send(AppFixture.Neurosurgeon, Draft(caseId, Neurosurgery()));
        await Should.ThrowAsync<ForbiddenException>(() => app.Send(AppFixture.RadOnc, new SubmitAssessment.Command(caseId, Discipline.Neurosurgery)));
    }

    [Fact]
    public async Task Writes_are_refused_once_the_case_is_decided()
    {
        var caseId = await MeetingTestData.ReadyCaseAsync(app);
        await app.Send(AppFixture.Neurosurgeon, Draft(caseId, Neurosurgery()));
        await TestData.MoveToAsync(app, caseId, CaseStatus.Decided);
        var saved = await app.Send(AppFixture.Coordinator, new GetAssessmentVersion.Query(caseId, Discipline.Neurosurgery));

        await Should.ThrowAsync<DomainConflictException>(() =>
            app.Send(AppFixture.Neurosurgeon, Draft(caseId, Neurosurgery(), saved.Version)));
        await Should.ThrowAsync<DomainConflictException>(() =>
            app.Send(AppFixture.Neurosurgeon, new SubmitAssessment.Command(caseId, Discipline.Neurosurgery)));
    }

    [Fact]
    public async Task The_case_lists_its_assessments_with_the_NOMS_suggestion_from_submitted_ones()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        await app.Send(AppFixture.Neurosurgeon, Draft(caseId, Neurosurgery()));
        await app.Send(AppFixture.Neurosurgeon, new SubmitAssessment.Command(caseId, Discipline.Neurosurgery));
        await app.Send(AppFixture.RadOnc, Draft(caseId, RadiationOncology()));

        var list = await app.Send(AppFixture.Clinician, new ListAssessments.Query(caseId));
        list.Assessments.Count.ShouldBe(2);
        list.NotStarted.ShouldBe([Discipline.MedicalOncology]);
        list.Noms.MissingAssessments.ShouldBe([Discipline.RadiationOncology, Discipline.MedicalOncology]);   // a draft does not count

        await app.Send(AppFixture.RadOnc, new SubmitAssessment.Command(caseId, Discipline.RadiationOncology));
        await app.Send(AppFixture.MedOnc, Draft(caseId, MedicalOncology()));
        await app.Send(AppFixture.MedOnc, new SubmitAssessment.Command(caseId, Discipline.MedicalOncology));
        list = await app.Send(AppFixture.Clinician, new ListAssessments.Query(caseId));
        list.Noms.MissingAssessments.ShouldBeEmpty();
        list.Noms.Suggestion.Radiation.ShouldBe(NomsCodes.SeparationSurgeryThenSrs);   // override Resistant + ESCC 2 + fit
    }

    [Fact]
    public async Task Meeting_readiness_counts_submitted_assessments()
    {
        var meetingId = await MeetingTestData.PlanMeetingAsync(app);
        var caseId = await MeetingTestData.ReadyCaseAsync(app);
        await app.Send(AppFixture.Coordinator, new AddCaseToAgenda.Command { MeetingId = meetingId, CaseId = caseId });
        await app.Send(AppFixture.Neurosurgeon, Draft(caseId, Neurosurgery()));
        await app.Send(AppFixture.Neurosurgeon, new SubmitAssessment.Command(caseId, Discipline.Neurosurgery));
        await app.Send(AppFixture.MedOnc, Draft(caseId, MedicalOncology()));   // a draft only

        var readiness = (await app.Send(AppFixture.Clinician, new GetMeeting.Query(meetingId))).Agenda.Single().Readiness;
        readiness.Submitted.ShouldBe([Discipline.Neurosurgery]);
        readiness.Awaiting.ShouldBe([Discipline.MedicalOncology, Discipline.RadiationOncology]);
        (await app.QueryDbAsync(db => db.AssessmentVersions.CountAsync())).ShouldBe(3);
    }
}
