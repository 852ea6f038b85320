using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Application.Features.Audit;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Audit;
using TumorBoard.IntegrationTests.Assessments;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Audit;

/// <summary>DH-11: opening a case is recorded in the audit trail (who, which case, when), inside the hash chain.</summary>
[Collection(AuditDatabase.Name)]
public sealed class CaseReadLogTests(AppFixture app) : DatabaseTest(app)
{
    Task<List<AuditEntry>> ReadsAsync() => app.QueryDbAsync(db =>
        db.AuditEntries.Where(a => a.Operation == CaseReadLog.Operation).OrderBy(a => a.Id).ToListAsync());

    async Task<string> DisplayNameAsync(string email) =>
        await app.QueryDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.DisplayName).SingleAsync());

    [Fact]
    public async Task Opening_a_case_through_the_api_writes_one_read_row_naming_the_reader_and_the_case()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        using var client = await app.ClientAsync(AppFixture.Clinician);
        var before = DateTimeOffset.UtcNow;

        using var response = await client.GetAsync($"/api/v1/cases/{caseId}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var read = (await ReadsAsync()).ShouldHaveSingleItem();
        read.ActorId.ShouldBe(await app.UserIdAsync(AppFixture.Clinician));
        read.ActorName.ShouldBe(await DisplayNameAsync(AppFixture.Clinician));
        read.Action.ShouldBe("GetCase");
        read.EntityType.ShouldBe("TumorBoardCase");
        read.EntityId.ShouldBe(caseId.ToString());
        read.Changes.ShouldBe("{}");
        read.OccurredAt.ShouldBeInRange(before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        read.OccurredAt.Offset.ShouldBe(TimeSpan.Zero);
        await app.SealPendingAsync();
        var seal = await app.QueryDbAsync(db => db.AuditSeals.SingleAsync(s => s.EntryId == read.Id));
        seal.Hash.ShouldBe(AuditHash.Compute(read, seal.PreviousHash));
    }

    [Fact]
    public async Task Opening_the_case_page_writes_exactly_one_read_row_although_it_sends_two_case_queries()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        var browser = await PageClient.SignedInAsync(app, AppFixture.Neurosurgeon);

        var response = await browser.GetAsync($"/Cases/Details/{caseId}");   // GetCase and ListAssessments

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var read = (await ReadsAsync()).ShouldHaveSingleItem();
        read.ActorId.ShouldBe(await app.UserIdAsync(AppFixture.Neurosurgeon));
        read.EntityId.ShouldBe(caseId.ToString());
        read.Action.ShouldBe("GetCase");
    }

    [Fact]
    public async Task Opening_a_patient_record_through_the_api_or_its_pages_writes_a_read_row_naming_the_patient()
    {
        var (patientId, caseId) = await TestData.RegisterCaseAsync(app);
        using var clinician = await app.ClientAsync(AppFixture.Clinician);
        var coordinator = await PageClient.SignedInAsync(app, AppFixture.Coordinator);

        (await clinician.GetAsync($"/api/v1/patients/{patientId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await coordinator.GetAsync($"/Patients/Details/{patientId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await coordinator.GetAsync($"/Patients/Edit/{patientId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var reads = await ReadsAsync();
        reads.Select(r => (r.EntityType, r.EntityId, r.Action)).ShouldBe([
            ("Patient", patientId.ToString(), "GetPatient"), ("Patient", patientId.ToString(), "GetPatient"),
            ("Patient", patientId.ToString(), "GetPatient")]);
        reads.Select(r => r.ActorId).ShouldBe([
            await app.UserIdAsync(AppFixture.Clinician), await app.UserIdAsync(AppFixture.Coordinator),
            await app.UserIdAsync(AppFixture.Coordinator)]);
        reads.ShouldAllBe(r => r.Changes == "{}");
        reads.ShouldNotContain(r => r.EntityId == caseId.ToString());   // the patient's case list opens no case
        (await app.VerifyAuditTrailAsync()).Valid.ShouldBeTrue();
    }

    [Fact]
    public async Task A_patient_read_that_is_refused_or_finds_nothing_writes_no_row()
    {
        var (patientId, _) = await TestData.RegisterCaseAsync(app);
        using var admin = await app.ClientAsync(AppFixture.Admin);
        using var clinician = await app.ClientAsync(AppFixture.Clinician);

        (await admin.GetAsync($"/api/v1/patients/{patientId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await clinician.GetAsync($"/api/v1/patients/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await ReadsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Each_opening_is_a_row_of_its_own()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        using var clinician = await app.ClientAsync(AppFixture.Clinician);
        using var coordinator = await app.ClientAsync(AppFixture.Coordinator);

        (await clinician.GetAsync($"/api/v1/cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await clinician.GetAsync($"/api/v1/cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await coordinator.GetAsync($"/api/v1/cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var reads = await ReadsAsync();
        reads.Select(r => r.ActorId).ShouldBe([
            await app.UserIdAsync(AppFixture.Clinician), await app.UserIdAsync(AppFixture.Clinician),
            await app.UserIdAsync(AppFixture.Coordinator)]);
    }

    [Fact]
    public async Task The_assessment_views_of_a_case_are_reads_of_that_case()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        await app.Send(AppFixture.Neurosurgeon, AssessmentTestData.Draft(caseId, AssessmentTestData.Neurosurgery()));
        using var client = await app.ClientAsync(AppFixture.MedOnc);

        foreach (var url in new[] { "", "/neurosurgery", "/neurosurgery/versions", "/neurosurgery/versions/1" })
            (await client.GetAsync($"/api/v1/cases/{caseId}/assessments{url}")).StatusCode.ShouldBe(HttpStatusCode.OK, url);

        var reads = await ReadsAsync();
        reads.Select(r => r.Action).ShouldBe(["ListAssessments", "GetAssessmentVersion", "GetAssessmentHistory", "GetAssessmentVersion"]);
        reads.ShouldAllBe(r => r.EntityId == caseId.ToString() && r.ActorId != null);
    }

    [Fact]
    public async Task A_read_that_is_refused_or_finds_nothing_writes_no_row()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        using var admin = await app.ClientAsync(AppFixture.Admin);
        using var anonymous = await app.ClientAsync(null);
        using var clinician = await app.ClientAsync(AppFixture.Clinician);

        (await admin.GetAsync($"/api/v1/cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await anonymous.GetAsync($"/api/v1/cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await clinician.GetAsync($"/api/v1/cases/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The case exists, but the handler finds no such assessment and throws NotFound.
        (await clinician.GetAsync($"/api/v1/cases/{caseId}/assessments/neurosurgery/versions")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var browser = await PageClient.SignedInAsync(app, AppFixture.Clinician);
        (await browser.GetAsync($"/Cases/Details/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await ReadsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task List_queries_write_no_read_row()
    {
        await TestData.RegisterCaseAsync(app);
        await TestData.RegisterCaseAsync(app);
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        var browser = await PageClient.SignedInAsync(app, AppFixture.Coordinator);

        (await client.GetAsync("/api/v1/cases")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/api/v1/patients")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync("/Cases")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync("/Dashboard")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.Send(AppFixture.Clinician, new ListCases.Query())).TotalCount.ShouldBe(2);

        (await ReadsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_chain_verifies_with_reads_between_the_writes()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        await app.Send(AppFixture.Clinician, new GetCase.Query(caseId));
        await app.Send(AppFixture.Coordinator, new MarkCaseReady.Command(caseId));
        await app.Send(AppFixture.Neurosurgeon, new ListAssessments.Query(caseId));
        await TestData.RegisterCaseAsync(app);
        using var client = await app.ClientAsync(AppFixture.RadOnc);
        (await client.GetAsync($"/api/v1/cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var rows = await app.QueryDbAsync(db => db.AuditEntries.LongCountAsync());
        (await ReadsAsync()).Count.ShouldBe(3);
        await app.SealPendingAsync();
        var result = await app.Send(AppFixture.Admin, new VerifyAuditTrail.Query());
        (result.Valid, result.CheckedRows, result.FirstBrokenRowId, result.Reason).ShouldBe((true, rows, null, "The chain is intact."));
        using var admin = await app.ClientAsync(AppFixture.Admin);
        var body = await (await admin.GetAsync("/api/v1/audit/verify")).ReadAsync();
        body.GetProperty("valid").GetBoolean().ShouldBeTrue();
        body.GetProperty("checkedRows").GetInt64().ShouldBe(rows);
    }

    [Fact]
    public async Task Parallel_reads_and_writes_keep_a_single_unforked_chain()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        var work = Enumerable.Range(0, 8).SelectMany(_ => new Task[]
        {
            app.Send(AppFixture.Clinician, new GetCase.Query(caseId)),
            app.Send(AppFixture.Coordinator, TestData.Patient()),
        });
        await Task.WhenAll(work);

        (await ReadsAsync()).Count.ShouldBe(8);
        var rows = await app.QueryDbAsync(db => db.AuditEntries.CountAsync());
        var result = await app.VerifyAuditTrailAsync();
        result.Valid.ShouldBeTrue(result.Reason);
        result.CheckedRows.ShouldBe(rows);
        var previous = await app.QueryDbAsync(db => db.AuditSeals.Select(s => s.PreviousHash).ToListAsync());
        previous.Distinct().Count().ShouldBe(rows);
    }

    [Fact]
    public async Task Called_directly_it_joins_an_open_transaction_and_refuses_to_save_pending_changes()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        await using var scope = app.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TumorBoardDbContext>();
        var log = scope.ServiceProvider.GetRequiredService<CaseReadLog>();

        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await log.RecordAsync(caseId, default);
            await tx.RollbackAsync();
        }
        (await ReadsAsync()).ShouldBeEmpty();   // rolled back with the transaction it joined

        var patient = await db.Patients.FirstAsync();
        db.Entry(patient).Property(p => p.FamilyName).CurrentValue = "Pending";
        await Should.ThrowAsync<InvalidOperationException>(() => log.RecordAsync(Guid.NewGuid(), default));
        db.ChangeTracker.Clear();

        await log.RecordAsync(Guid.NewGuid(), default);
        var read = (await ReadsAsync()).ShouldHaveSingleItem();
        read.Action.ShouldBe(AuditScope.OutsideUseCase);   // no use case running: named like other writes outside one
        read.ActorId.ShouldBeNull();
    }
}
