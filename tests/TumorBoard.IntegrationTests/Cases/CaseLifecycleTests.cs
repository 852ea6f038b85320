using FluentValidation;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Common;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Cases;

/// <summary>UpdateCase, MarkCaseReady, WithdrawCase and GetCase through the pipeline.</summary>
[Collection(AppCollection.Name)]
public sealed class CaseLifecycleTests(AppFixture app) : DatabaseTest(app)
{
    async Task<UpdateCase.Command> EditOf(Guid caseId)
    {
        var found = await app.Send(AppFixture.Coordinator, new GetCase.Query(caseId));
        return UpdateCaseFrom(TestData.Case(found.Patient.Id)) with { CaseId = caseId, ExpectedVersion = found.Version };
    }

    static UpdateCase.Command UpdateCaseFrom(RegisterCase.Command c) => new()
    {
        Histology = c.Histology, HistologyOtherText = c.HistologyOtherText, DiagnosisDate = c.DiagnosisDate, Lesions = c.Lesions,
        Pain = c.Pain, Frankel = c.Frankel, Asia = c.Asia, Myelopathy = c.Myelopathy, SymptomOnsetDate = c.SymptomOnsetDate,
        Urgency = c.Urgency, Ecog = c.Ecog, Karnofsky = c.Karnofsky, ExtraspinalBoneMetastases = c.ExtraspinalBoneMetastases,
        VisceralMetastases = c.VisceralMetastases, BrainMetastases = c.BrainMetastases, PriorRadiotherapy = c.PriorRadiotherapy,
        CurrentSystemicTherapy = c.CurrentSystemicTherapy, ClinicalQuestion = c.ClinicalQuestion,
        ReferringClinician = c.ReferringClinician, PatientPreferences = c.PatientPreferences,
    };

    [Fact]
    public async Task Updates_a_case_and_returns_the_new_version()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        var edit = await EditOf(caseId);
        var version = (await app.Send(AppFixture.Coordinator, edit with { ClinicalQuestion = "Surgery first?", Karnofsky = 50 })).Version;

        var found = await app.Send(AppFixture.RadOnc, new GetCase.Query(caseId));
        (found.Details.ClinicalQuestion, found.Details.Karnofsky, found.Version).ShouldBe(("Surgery first?", 50, version));
        edit.ExpectedVersion!.Value.Matches(version).ShouldBeFalse();
        found.UpdatedByName.ShouldBe("Corinne Coordinator");
    }

    [Fact]
    public async Task Refuses_an_update_with_a_stale_or_missing_version_or_invalid_fields()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        var edit = await EditOf(caseId);
        await Should.ThrowAsync<StaleVersionException>(() => app.Send(AppFixture.Coordinator, edit with { ExpectedVersion = edit.ExpectedVersion!.Value.Versions[0] + 1u }));
        await Should.ThrowAsync<VersionRequiredException>(() => app.Send(AppFixture.Coordinator, edit with { ExpectedVersion = null }));
        await Should.ThrowAsync<NotFoundException>(() => app.Send(AppFixture.Coordinator, edit with { CaseId = Guid.NewGuid() }));
        (await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Coordinator, edit with { Ecog = 7 })))
            .Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("Ecog");
        await Should.ThrowAsync<ForbiddenException>(() => app.Send(AppFixture.Neurosurgeon, edit));
    }

    [Theory]
    [InlineData(CaseStatus.Decided)]
    [InlineData(CaseStatus.Closed)]
    [InlineData(CaseStatus.Withdrawn)]
    public async Task Refuses_an_update_once_decided_closed_or_withdrawn(CaseStatus status)
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        await TestData.MoveToAsync(app, caseId, status);
        var edit = await EditOf(caseId);
        await Should.ThrowAsync<DomainConflictException>(() => app.Send(AppFixture.Coordinator, edit with { ClinicalQuestion = "Changed?" }));
        (await app.Send(AppFixture.Coordinator, new GetCase.Query(caseId))).Details.ClinicalQuestion.ShouldBe(TestData.Case(Guid.Empty).ClinicalQuestion);
    }

    [Fact]
    public async Task Marks_a_complete_case_ready_and_a_ready_case_losing_data_returns_to_draft()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        await app.Send(AppFixture.Coordinator, new MarkCaseReady.Command(caseId));
        (await app.Send(AppFixture.Coordinator, new GetCase.Query(caseId))).Status.ShouldBe(CaseStatus.ReadyForBoard);

        await app.Send(AppFixture.Coordinator, await EditOf(caseId) with { Pain = null });
        var found = await app.Send(AppFixture.Coordinator, new GetCase.Query(caseId));
        found.Status.ShouldBe(CaseStatus.Draft);
        found.MissingForBoard.ShouldHaveSingleItem().ShouldContain("pain");
    }

    [Fact]
    public async Task Refuses_to_mark_an_incomplete_case_ready_listing_what_is_missing()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app, c => c with { Frankel = null, ReferringClinician = null });
        var refusal = await Should.ThrowAsync<DomainConflictException>(() => app.Send(AppFixture.Coordinator, new MarkCaseReady.Command(caseId)));
        refusal.Message.ShouldContain("the Frankel grade");
        refusal.Message.ShouldContain("the referring clinician");
        (await app.Send(AppFixture.Coordinator, new GetCase.Query(caseId))).Status.ShouldBe(CaseStatus.Draft);
        await Should.ThrowAsync<StaleVersionException>(() => app.Send(AppFixture.Coordinator, new MarkCaseReady.Command(caseId) { ExpectedVersion = 1 }));
    }

    [Fact]
    public async Task Withdraws_a_case_with_its_reason_but_not_twice()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        await app.Send(AppFixture.Coordinator, new WithdrawCase.Command { CaseId = caseId, Reason = " Patient declined surgery " });
        var found = await app.Send(AppFixture.Clinician, new GetCase.Query(caseId));
        (found.Status, found.WithdrawalReason).ShouldBe((CaseStatus.Withdrawn, "Patient declined surgery"));

        await Should.ThrowAsync<DomainConflictException>(() =>
            app.Send(AppFixture.Coordinator, new WithdrawCase.Command { CaseId = caseId, Reason = "Again" }));
    }

    [Fact]
    public async Task Refuses_a_withdrawal_without_a_reason_or_after_the_decision()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        (await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Coordinator, new WithdrawCase.Command { CaseId = caseId, Reason = "  " })))
            .Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("Reason");

        await TestData.MoveToAsync(app, caseId, CaseStatus.Decided);
        (await Should.ThrowAsync<DomainConflictException>(() =>
                app.Send(AppFixture.Coordinator, new WithdrawCase.Command { CaseId = caseId, Reason = "Too late" })))
            .Message.ShouldContain("Decided");
        (await app.Send(AppFixture.Coordinator, new GetCase.Query(caseId))).Status.ShouldBe(CaseStatus.Decided);
    }

    [Fact]
    public async Task Gets_a_case_with_its_patient_and_refuses_an_unknown_id_or_an_administrator()
    {
        var (patientId, caseId) = await TestData.RegisterCaseAsync(app);
        var found = await app.Send(AppFixture.Neurosurgeon, new GetCase.Query(caseId));
        (found.Patient.Id, found.Patient.FamilyName, found.CreatedByName).ShouldBe((patientId, "Muster", "Corinne Coordinator"));
        await Should.ThrowAsync<NotFoundException>(() => app.Send(AppFixture.Coordinator, new GetCase.Query(Guid.NewGuid())));
        await Should.ThrowAsync<ForbiddenException>(() => app.Send(AppFixture.Admin, new GetCase.Query(caseId)));
    }
}
