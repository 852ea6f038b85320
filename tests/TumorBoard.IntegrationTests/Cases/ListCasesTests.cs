using FluentValidation;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Cases;

[Collection(AppCollection.Name)]
public sealed class ListCasesTests(AppFixture app) : DatabaseTest(app)
{
    Guid routineBreast, urgentLung, routineProstate, urgentBreastWithdrawn;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // Registered in this order: newer cases come first within the same urgency.
        routineBreast = await Register("Albers", Urgency.Routine, PrimaryHistology.Breast);
        urgentLung = await Register("Brandt", Urgency.Urgent, PrimaryHistology.LungNsclc);
        routineProstate = await Register("Cramer", Urgency.Routine, PrimaryHistology.Prostate);
        urgentBreastWithdrawn = await Register("Dorn", Urgency.Urgent, PrimaryHistology.Breast);
        await TestData.MoveToAsync(app, urgentBreastWithdrawn, CaseStatus.Withdrawn);
    }

    async Task<Guid> Register(string familyName, Urgency urgency, PrimaryHistology histology)
    {
        var patientId = (await app.Send(AppFixture.Coordinator, TestData.Patient() with { FamilyName = familyName })).Id;
        return (await app.Send(AppFixture.Coordinator, TestData.Case(patientId) with { Urgency = urgency, Histology = histology })).Id;
    }

    async Task<Guid[]> Ids(ListCases.Query query) =>
        (await app.Send(AppFixture.Clinician, query)).Items.Select(r => r.Id).ToArray();

    [Fact]
    public async Task Lists_urgent_cases_first_then_the_newest()
    {
        var page = await app.Send(AppFixture.MedOnc, new ListCases.Query());
        page.Items.Select(r => r.Id).ShouldBe([urgentBreastWithdrawn, urgentLung, routineProstate, routineBreast]);
        page.TotalCount.ShouldBe(4);
        var row = page.Items.Single(r => r.Id == urgentLung);
        (row.PatientName, row.Levels, row.Histology, row.Status).ShouldBe(("Brandt, Erika", "T11-T12", PrimaryHistology.LungNsclc, CaseStatus.Draft));
    }

    [Fact]
    public async Task Filters_by_status_urgency_and_histology_together_or_alone()
    {
        (await Ids(new ListCases.Query { Status = CaseStatus.Withdrawn })).ShouldBe([urgentBreastWithdrawn]);
        (await Ids(new ListCases.Query { Status = CaseStatus.Draft, Urgency = Urgency.Urgent })).ShouldBe([urgentLung]);
        (await Ids(new ListCases.Query { Urgency = Urgency.Routine })).ShouldBe([routineProstate, routineBreast]);
        (await Ids(new ListCases.Query { Histology = PrimaryHistology.Breast })).ShouldBe([urgentBreastWithdrawn, routineBreast]);
        (await Ids(new ListCases.Query { Histology = PrimaryHistology.Breast, Urgency = Urgency.Routine })).ShouldBe([routineBreast]);
        (await Ids(new ListCases.Query { Status = CaseStatus.Decided })).ShouldBeEmpty();
    }

    [Fact]
    public async Task Finds_cases_by_part_of_the_patients_mrn_or_name()
    {
        var mrn = (await app.Send(AppFixture.Coordinator, new GetCase.Query(routineProstate))).Patient.Mrn;
        (await Ids(new ListCases.Query { Text = mrn[2..8].ToLowerInvariant() })).ShouldBe([routineProstate]);
        (await Ids(new ListCases.Query { Text = "RAND" })).ShouldBe([urgentLung]);
        (await Ids(new ListCases.Query { Text = "erika" })).Length.ShouldBe(4);
        (await Ids(new ListCases.Query { Text = "_" })).ShouldBeEmpty();
    }

    [Fact]
    public async Task Pages_with_the_total_count_of_all_matches()
    {
        var first = await app.Send(AppFixture.Coordinator, new ListCases.Query { PageSize = 3 });
        var second = await app.Send(AppFixture.Coordinator, new ListCases.Query { PageSize = 3, Page = 2 });
        first.Items.Count.ShouldBe(3);
        second.Items.Select(r => r.Id).ShouldBe([routineBreast]);
        (second.TotalCount, second.TotalPages, second.HasNext).ShouldBe((4, 2, false));
        (await app.Send(AppFixture.Coordinator, new ListCases.Query { Page = 9 })).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Refuses_a_page_size_beyond_100_and_an_unknown_status()
    {
        var failure = await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Coordinator, new ListCases.Query { PageSize = 101 }));
        failure.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("pageSize");
        await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Coordinator, new ListCases.Query { Status = (CaseStatus)77 }));
    }
}
