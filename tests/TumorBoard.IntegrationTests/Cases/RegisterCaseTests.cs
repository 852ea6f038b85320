using FluentValidation;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Domain.Audit;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Common;
using TumorBoard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace TumorBoard.IntegrationTests.Cases;

[Collection(AppCollection.Name)]
public sealed class RegisterCaseTests(AppFixture app) : DatabaseTest(app)
{
    [Fact]
    public async Task Registers_a_draft_case_and_audits_it_in_the_same_transaction()
    {
        var (patientId, caseId) = await TestData.RegisterCaseAsync(app);

        var found = await app.Send(AppFixture.Clinician, new GetCase.Query(caseId));
        found.Status.ShouldBe(CaseStatus.Draft);
        found.Patient.Id.ShouldBe(patientId);
        found.Details.Lesions.Single().Levels.ShouldBe("T11-T12");
        found.MissingForBoard.ShouldBeEmpty();

        var audit = await app.QueryDbAsync(db => db.AuditEntries
            .Where(a => a.EntityId == caseId.ToString() && a.Operation != CaseReadLog.Operation).ToListAsync());
        audit.ShouldHaveSingleItem().Action.ShouldBe("RegisterCase");
        audit[0].ActorId.ShouldBe(await app.UserIdAsync(AppFixture.Coordinator));
        audit[0].Operation.ShouldBe("Added");
        // The clinician's GetCase above is in the trail too, as a read (CaseReadLogTests covers reads).
        (await app.QueryDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == caseId.ToString()
            && a.Operation == CaseReadLog.Operation && a.ActorId != null))).ShouldBe(1);
    }

    [Fact]
    public async Task Rejects_a_case_without_a_clinical_question_and_stores_nothing()
    {
        var patientId = (await app.Send(AppFixture.Coordinator, TestData.Patient())).Id;
        var failure = await Should.ThrowAsync<ValidationException>(() =>
            app.Send(AppFixture.Coordinator, TestData.Case(patientId) with { ClinicalQuestion = " " }));
        failure.Errors.ShouldContain(e => e.PropertyName == nameof(RegisterCase.Command.ClinicalQuestion));
        (await app.QueryDbAsync(db => db.Cases.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_clinician_may_not_register_a_case()
    {
        var patientId = (await app.Send(AppFixture.Coordinator, TestData.Patient())).Id;
        await Should.ThrowAsync<ForbiddenException>(() => app.Send(AppFixture.Clinician, TestData.Case(patientId)));
    }

    [Fact]
    public async Task Audit_rows_cannot_be_changed_or_deleted()
    {
        await TestData.RegisterCaseAsync(app);
        await Should.ThrowAsync<Exception>(() => app.QueryDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET action = 'tampered'")));
        await Should.ThrowAsync<Exception>(() => app.QueryDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries")));
        (await app.QueryDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "tampered"))).ShouldBe(0);
    }
}
