using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Application.Features.Meetings.Agenda;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.Scores;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Infrastructure;
using static TumorBoard.IntegrationTests.Assessments.AssessmentTestData;

namespace TumorBoard.IntegrationTests.Meetings;

/// <summary>The board view of an agenda item through the mediator: what it shows, what it leaves out, what it says is missing.</summary>
[Collection(MeetingsDatabase.Name)]
public sealed class BoardViewTests(AppFixture app) : DatabaseTest(app)
{
    [Fact]
    public async Task The_patient_is_a_year_older_from_the_board_s_midnight_on_the_birthday_while_the_UTC_date_is_still_the_day_before()
    {
        var (meetingId, items, _) = await MeetingTestData.MeetingWithCasesAsync(app, cases: 1);
        var clock = app.App.Services.GetRequiredService<BoardClock>();
        var birthday = new DateOnly(clock.Today.Year + 1, 4, 12);   // the test patient was born 1961-04-12
        var justAfter = clock.StartOf(birthday).AddMinutes(30);
        DateOnly.FromDateTime(justAfter.UtcDateTime).ShouldBe(birthday.AddDays(-1));

        await using (var after = new FrozenApp(app, new FakeTimeProvider(justAfter)))
            (await after.SendAsync(AppFixture.Clinician, new GetBoardView.Query(meetingId, items[0]))).PatientAge.ShouldBe(birthday.Year - 1961);
        await using (var before = new FrozenApp(app, new FakeTimeProvider(justAfter.AddHours(-1))))
            (await before.SendAsync(AppFixture.Clinician, new GetBoardView.Query(meetingId, items[0]))).PatientAge.ShouldBe(birthday.Year - 1962);
    }

    [Fact]
    public async Task Shows_the_three_submitted_assessments_the_NOMS_suggestion_and_the_disagreement()
    {
        var (meetingId, items, cases) = await MeetingTestData.MeetingWithCasesAsync(app, cases: 3);
        await SubmitSrsVersusSeparationSurgeryAsync(app, cases[1]);

        var view = await app.Send(AppFixture.Clinician, new GetBoardView.Query(meetingId, items[1]));

        view.Assessments.Select(a => a.Discipline).ShouldBe(Quorum.Required);
        view.Assessments.ShouldAllBe(a => a.Submitted != null && a.Submitted.Kind == AssessmentVersionKind.Submission);
        var neurosurgery = view.Assessments.Single(a => a.Discipline == Discipline.Neurosurgery).Submitted!;
        neurosurgery.Number.ShouldBe(2);   // the draft was version 1
        neurosurgery.AuthorId.ShouldBe(await app.UserIdAsync(AppFixture.Neurosurgeon));
        neurosurgery.Content.GetProperty("recommendation").GetString().ShouldBe("SeparationSurgery");
        neurosurgery.Computed.GetProperty("scores").GetProperty("lesions")[0].GetProperty("sins").GetProperty("total").GetInt32().ShouldBe(9);
        var medicalOncology = view.Assessments.Single(a => a.Discipline == Discipline.MedicalOncology).Submitted!;
        medicalOncology.Computed.GetProperty("scores").GetProperty("tokuhashi").GetProperty("complete").GetBoolean().ShouldBeTrue();

        view.Noms.Suggestion.Radiation.ShouldBe(NomsCodes.SeparationSurgeryThenSrs);
        view.Noms.MissingAssessments.ShouldBeEmpty();
        view.Disagreements.ShouldContain(SrsVersusSeparationSurgery);
        view.MissingInputs.ShouldNotContain(line => line.Contains("assessment"));

        view.Item.Id.ShouldBe(items[1]);
        (view.Item.Position, view.Item.AgendaCount).ShouldBe((2, 3));
        (view.Item.PreviousItemId, view.Item.NextItemId).ShouldBe((items[0], items[2]));
        view.Item.Readiness.Awaiting.ShouldBeEmpty();
        view.Case.Id.ShouldBe(cases[1]);
        view.Case.Details.ClinicalQuestion.ShouldBe("Decompression and stabilisation, or radiotherapy alone?");
        var today = app.App.Services.GetRequiredService<BoardClock>().Today;
        view.PatientAge.ShouldBe(today.Year - 1961 - (today < new DateOnly(today.Year, 4, 12) ? 1 : 0));   // born 1961-04-12
        view.Meeting.Id.ShouldBe(meetingId);
        view.Meeting.ChairId.ShouldBe(await app.UserIdAsync(AppFixture.Neurosurgeon));
        view.Meeting.ChairName.ShouldNotBe("?");

        var first = await app.Send(AppFixture.Coordinator, new GetBoardView.Query(meetingId, items[0]));
        (first.Item.PreviousItemId, first.Item.NextItemId).ShouldBe((null, items[1]));
        var last = await app.Send(AppFixture.RadOnc, new GetBoardView.Query(meetingId, items[2]));
        (last.Item.PreviousItemId, last.Item.NextItemId).ShouldBe((items[1], null));
    }

    [Fact]
    public async Task Leaves_out_drafts_and_lists_the_missing_assessments()
    {
        var (meetingId, items, cases) = await MeetingTestData.MeetingWithCasesAsync(app, cases: 1);
        var caseId = cases[0];
        var submitted = await SubmitAsync(app, AppFixture.Neurosurgeon, Neurosurgery(), caseId);
        await app.Send(AppFixture.Neurosurgeon, Revision(caseId, Neurosurgery() with { Rationale = "Cord compression progressed." },
            "New MRI", submitted.Version));
        await app.Send(AppFixture.RadOnc, Draft(caseId, SrsWithoutSurgery()));   // a draft that would disagree if it counted

        var view = await app.Send(AppFixture.MedOnc, new GetBoardView.Query(meetingId, items[0]));

        var neurosurgery = view.Assessments.Single(a => a.Discipline == Discipline.Neurosurgery).Submitted!;
        (neurosurgery.Number, neurosurgery.Kind, neurosurgery.Reason).ShouldBe((3, AssessmentVersionKind.Revision, "New MRI"));
        neurosurgery.Content.GetProperty("rationale").GetString().ShouldBe("Cord compression progressed.");
        view.Assessments.Single(a => a.Discipline == Discipline.RadiationOncology).Submitted.ShouldBeNull();
        view.Assessments.Single(a => a.Discipline == Discipline.MedicalOncology).Submitted.ShouldBeNull();
        view.Disagreements.ShouldBeEmpty();
        view.Noms.MissingAssessments.ShouldBe([Discipline.RadiationOncology, Discipline.MedicalOncology], ignoreOrder: true);
        view.Item.Readiness.Awaiting.ShouldBe([Discipline.MedicalOncology, Discipline.RadiationOncology]);
        view.MissingInputs.ShouldContain("Radiation oncology has not submitted its assessment (a draft, version 1, is saved).");
        view.MissingInputs.ShouldContain("Medical oncology has not started its assessment.");
        view.MissingInputs.ShouldNotContain(line => line.StartsWith("Neurosurgery"));
    }

    [Fact]
    public async Task Lists_gaps_in_the_case_record_stale_imaging_and_the_quorum_as_missing_inputs()
    {
        var old = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-60));
        var meetingId = await MeetingTestData.PlanMeetingAsync(app);
        var caseId = await MeetingTestData.ReadyCaseAsync(app, c => c with { Lesions = [c.Lesions[0] with { ImagingDate = old }] });
        var itemId = (await app.Send(AppFixture.Coordinator, new AddCaseToAgenda.Command { MeetingId = meetingId, CaseId = caseId })).ItemId;
        await app.QueryDbAsync(async db =>   // an edit after listing: a scheduled case keeps its place with a gap
        {
            var c = await db.Cases.SingleAsync(x => x.Id == caseId);
            c.Update(c.Details with { ReferringClinician = null }, await app.UserIdAsync(AppFixture.Coordinator), DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

        var view = await app.Send(AppFixture.Coordinator, new GetBoardView.Query(meetingId, itemId));

        view.MissingInputs.ShouldContain("Missing from the case record: the referring clinician.");
        view.MissingInputs.ShouldContain(
            $"The newest spinal imaging is from {old:yyyy-MM-dd}, more than 30 days ago: make sure current imaging is available.");
        view.MissingInputs.ShouldContain("No quorum yet: nobody from radiation oncology is recorded as present.");
        view.Meeting.HasQuorum.ShouldBeFalse();
        view.Meeting.MissingForQuorum.ShouldBe(Quorum.Required);

        List<Guid> present = [];
        foreach (var member in new[] { AppFixture.MedOnc, AppFixture.RadOnc, AppFixture.Neurosurgeon })
            present.Add(await app.UserIdAsync(member));
        await app.Send(AppFixture.Coordinator, new RecordAttendance.Command { MeetingId = meetingId, PresentUserIds = present });
        view = await app.Send(AppFixture.Coordinator, new GetBoardView.Query(meetingId, itemId));

        view.Meeting.HasQuorum.ShouldBeTrue();
        view.Meeting.Attendees.Select(a => a.UserId).ShouldBe(present, ignoreOrder: true);
        view.MissingInputs.ShouldNotContain(line => line.StartsWith("No quorum"));
    }

    [Fact]
    public async Task An_item_of_another_meeting_a_removed_item_and_an_unknown_meeting_are_not_found()
    {
        var (meetingId, items, _) = await MeetingTestData.MeetingWithCasesAsync(app, cases: 2);
        var (otherMeetingId, otherItems, _) = await MeetingTestData.MeetingWithCasesAsync(app, cases: 1);
        await app.Send(AppFixture.Coordinator, new RemoveCaseFromAgenda.Command { MeetingId = meetingId, ItemId = items[1], Reason = "Awaiting biopsy" });

        foreach (var (meeting, item) in new[] { (meetingId, otherItems[0]), (otherMeetingId, items[0]), (meetingId, items[1]),
                     (Guid.NewGuid(), items[0]), (meetingId, Guid.NewGuid()) })
            await Should.ThrowAsync<NotFoundException>(() => app.Send(AppFixture.Coordinator, new GetBoardView.Query(meeting, item)));
    }

    [Fact]
    public async Task An_administrator_sees_no_clinical_data()
    {
        var (meetingId, items, _) = await MeetingTestData.MeetingWithCasesAsync(app, cases: 1);
        await Should.ThrowAsync<ForbiddenException>(() => app.Send(AppFixture.Admin, new GetBoardView.Query(meetingId, items[0])));
        await Should.ThrowAsync<UnauthorizedAccessException>(() => app.Send(null, new GetBoardView.Query(meetingId, items[0])));
    }

    [Fact]
    public async Task Reads_with_the_same_six_queries_however_long_the_agenda_and_the_version_histories()
    {
        var (meetingId, items, cases) = await MeetingTestData.MeetingWithCasesAsync(app, cases: 3);
        await SubmitSrsVersusSeparationSurgeryAsync(app, cases[2]);
        var version = (await app.Send(AppFixture.Neurosurgeon, new GetAssessmentVersion.Query(
            cases[2], Discipline.Neurosurgery))).Version;
        for (var n = 0; n < 3; n++)
            version = (await app.Send(AppFixture.Neurosurgeon, Revision(cases[2], Neurosurgery(), $"Revision {n}", version))).Version;
        List<Guid> present = [await app.UserIdAsync(AppFixture.MedOnc), await app.UserIdAsync(AppFixture.RadOnc)];
        await app.Send(AppFixture.Coordinator, new RecordAttendance.Command { MeetingId = meetingId, PresentUserIds = present });

        (await CountQueriesAsync(new GetBoardView.Query(meetingId, items[0]))).ShouldBe(6);   // nothing assessed yet
        (await CountQueriesAsync(new GetBoardView.Query(meetingId, items[2]))).ShouldBe(6);   // three assessments, six versions more
    }

    /// <summary>Runs the handler on its own context with a command counter (the pipeline adds no queries of its own).</summary>
    async Task<int> CountQueriesAsync(GetBoardView.Query query)
    {
        var counter = new CommandCounter();
        var options = new DbContextOptionsBuilder<TumorBoardDbContext>()
            .UseNpgsql(app.App.ConnectionString).UseSnakeCaseNamingConvention().AddInterceptors(counter).Options;
        await using var db = new TumorBoardDbContext(options);
        var services = app.App.Services;
        var handler = new GetBoardView.Handler(db, services.GetRequiredService<BoardClock>(), services.GetRequiredService<IOptions<BoardOptions>>(),
            services.GetRequiredService<RadiosensitivityTable>());
        await handler.Handle(query, CancellationToken.None);
        return counter.Count;
    }

    sealed class CommandCounter : DbCommandInterceptor
    {
        int count;
        public int Count => count;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
