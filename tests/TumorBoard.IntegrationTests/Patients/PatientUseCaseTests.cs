using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Patients;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Patients;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Patients;

[Collection(AppCollection.Name)]
public sealed class PatientUseCaseTests(AppFixture app) : DatabaseTest(app)
{
    static UpdatePatient.Command Update(GetPatient.Result p) => new()
    {
        PatientId = p.Id, ExpectedVersion = p.Version, Mrn = p.Mrn, FamilyName = p.FamilyName, GivenName = p.GivenName,
        DateOfBirth = p.DateOfBirth, Sex = p.Sex,
    };

    [Fact]
    public async Task Registers_a_patient_with_the_mrn_and_names_trimmed()
    {
        var id = (await app.Send(AppFixture.Coordinator, TestData.Patient("  MRN-100  ") with { FamilyName = " Muster " })).Id;
        var stored = await app.Send(AppFixture.Clinician, new GetPatient.Query(id));
        (stored.Mrn, stored.FamilyName, stored.GivenName, stored.Sex).ShouldBe(("MRN-100", "Muster", "Erika", Sex.Female));
        stored.Cases.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("MRN-200")]
    [InlineData("  MRN-200 ")]
    public async Task Rejects_a_duplicate_mrn_also_after_trimming(string again)
    {
        await app.Send(AppFixture.Coordinator, TestData.Patient("MRN-200"));
        var failure = await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Coordinator, TestData.Patient(again)));
        failure.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("Mrn");
        (await app.QueryDbAsync(db => db.Patients.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task Rejects_an_invalid_patient_and_a_clinician_registering_one()
    {
        var invalid = await Should.ThrowAsync<ValidationException>(() =>
            app.Send(AppFixture.Coordinator, TestData.Patient() with { GivenName = "", DateOfBirth = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)) }));
        invalid.Errors.Select(e => e.PropertyName).Order().ShouldBe(["DateOfBirth", "GivenName"]);
        await Should.ThrowAsync<ForbiddenException>(() => app.Send(AppFixture.Clinician, TestData.Patient()));
        await Should.ThrowAsync<UnauthorizedAccessException>(() => app.Send(null, TestData.Patient()));
    }

    [Fact]
    public async Task Updates_a_patient_and_keeps_its_own_mrn()
    {
        var id = (await app.Send(AppFixture.Coordinator, TestData.Patient("MRN-300"))).Id;
        var before = await app.Send(AppFixture.Coordinator, new GetPatient.Query(id));
        var version = (await app.Send(AppFixture.Coordinator, Update(before) with { FamilyName = "Mustermann", Mrn = " MRN-300 " })).Version;
        var after = await app.Send(AppFixture.Coordinator, new GetPatient.Query(id));
        (after.FamilyName, after.Mrn, after.Version).ShouldBe(("Mustermann", "MRN-300", version));
        version.ShouldNotBe(before.Version);
    }

    [Fact]
    public async Task Refuses_an_update_to_another_patients_mrn_a_stale_version_or_no_version()
    {
        await app.Send(AppFixture.Coordinator, TestData.Patient("MRN-400"));
        var id = (await app.Send(AppFixture.Coordinator, TestData.Patient("MRN-401"))).Id;
        var p = await app.Send(AppFixture.Coordinator, new GetPatient.Query(id));

        (await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Coordinator, Update(p) with { Mrn = "MRN-400" })))
            .Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("Mrn");
        await Should.ThrowAsync<StaleVersionException>(() => app.Send(AppFixture.Coordinator, Update(p) with { ExpectedVersion = p.Version + 1u }));
        await Should.ThrowAsync<VersionRequiredException>(() => app.Send(AppFixture.Coordinator, Update(p) with { ExpectedVersion = null }));
        await Should.ThrowAsync<NotFoundException>(() => app.Send(AppFixture.Coordinator, Update(p) with { PatientId = Guid.NewGuid(), Mrn = "MRN-402" }));
        (await app.Send(AppFixture.Coordinator, new GetPatient.Query(id))).Version.ShouldBe(p.Version);
    }

    [Fact]
    public async Task Finds_patients_by_part_of_the_mrn_or_either_name()
    {
        await app.Send(AppFixture.Coordinator, TestData.Patient("ZX-981") with { FamilyName = "Albers", GivenName = "Quentin" });
        await app.Send(AppFixture.Coordinator, TestData.Patient("YY-100") with { FamilyName = "Brandt", GivenName = "Ola" });
        await app.Send(AppFixture.Coordinator, TestData.Patient("YY-101") with { FamilyName = "Quast", GivenName = "Ina" });

        async Task<string[]> Find(string text) =>
            (await app.Send(AppFixture.Clinician, new FindPatients.Query { Text = text })).Items.Select(r => r.Mrn).Order().ToArray();

        (await Find("x-98")).ShouldBe(["ZX-981"]);
        (await Find("BRAND")).ShouldBe(["YY-100"]);
        (await Find("qu")).ShouldBe(["YY-101", "ZX-981"]);
        (await Find("%")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Pages_patients_by_name_with_the_total_count()
    {
        foreach (var name in new[] { "Eder", "Becker", "Dorn", "Arndt", "Cramer" })
            await app.Send(AppFixture.Coordinator, TestData.Patient() with { FamilyName = name });

        var second = await app.Send(AppFixture.MedOnc, new FindPatients.Query { Page = 2, PageSize = 2 });
        second.Items.Select(r => r.FamilyName).ShouldBe(["Cramer", "Dorn"]);
        (second.TotalCount, second.TotalPages, second.HasNext, second.HasPrevious).ShouldBe((5, 3, true, true));

        await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.MedOnc, new FindPatients.Query { PageSize = 101 }));
        await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.MedOnc, new FindPatients.Query { Page = 0 }));
    }
}
