using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FluentValidation;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Features.Fhir.Import;
using TumorBoard.Application.Features.Patients;
using TumorBoard.Domain.Clinical;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;
using static TumorBoard.IntegrationTests.Fhir.FhirRecords;
using Sex = TumorBoard.Domain.Patients.Sex;
using Task = System.Threading.Tasks.Task;

namespace TumorBoard.IntegrationTests.Fhir;

/// <summary>
/// Patients from the hospital's FHIR data (issue #13 part 3): a Patient or a Bundle with the primary tumour's Condition
/// registers the patient once, with the case draft; an MRN already registered answers that patient and writes nothing;
/// invalid FHIR is a 400 listing the issues; through the mediator, the API and the register page.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class FhirImportTests(AppFixture app) : DatabaseTest(app)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        WarmUpValidator(app);
    }

    static ImportPatient.Command Import(Resource resource) => new() { Resource = Json(resource) };

    static StringContent FhirBody(string json, string mediaType = "application/fhir+json") =>
        new(json, Encoding.UTF8, mediaType);

    [Fact]
    public async Task A_bundle_registers_the_patient_once_with_the_histology_of_its_condition_and_one_audited_write()
    {
        var result = await app.Send(AppFixture.Coordinator, Import(Bundle(Patient(), PrimaryTumour())));

        result.Created.ShouldBeTrue();
        result.Patient.ShouldSatisfyAllConditions(
            p => p.Mrn.ShouldBe("KSSG-4711"), p => p.FamilyName.ShouldBe("Muster"), p => p.GivenName.ShouldBe("Anna"),
            p => p.DateOfBirth.ShouldBe(new DateOnly(1961, 4, 12)), p => p.Sex.ShouldBe(Sex.Female));
        result.CaseDraft.ShouldSatisfyAllConditions(
            d => d.Histology.ShouldBe(PrimaryHistology.Breast), d => d.HistologySource.ShouldBe("ICD-10 C50.9 Breast, unspecified"),
            d => d.HistologyVerified.ShouldBeTrue(), d => d.DiagnosisDate.ShouldBe(new DateOnly(2025, 11, 3)));
        result.Differences.ShouldBeEmpty();

        var audit = await app.QueryDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Domain.Patients.Patient)).ToListAsync());
        audit.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            a => a.Action.ShouldBe("ImportPatient"), a => a.Operation.ShouldBe("Added"), a => a.EntityId.ShouldBe(result.Patient.Id.ToString()));
        (await app.VerifyAuditTrailAsync()).Valid.ShouldBeTrue();
    }

    [Fact]
    public async Task A_patient_alone_registers_without_a_case_draft_and_without_gender_as_unknown()
    {
        var result = await app.Send(AppFixture.Coordinator, Import(Patient(gender: null)));
        result.Created.ShouldBeTrue();
        result.Patient.Sex.ShouldBe(Sex.Unknown);
        result.CaseDraft.ShouldBe(CaseDraft.None);
    }

    [Fact]
    public async Task An_mrn_already_registered_answers_that_patient_unchanged_with_the_differences_and_logs_only_the_read()
    {
        var registered = await app.Send(AppFixture.Coordinator, TestData.Patient("KSSG-4711") with
        {
            FamilyName = "Muster", GivenName = "Anna", DateOfBirth = new DateOnly(1961, 4, 21), Sex = Sex.Female,
        });
        var audited = await app.QueryDbAsync(db => db.AuditEntries.CountAsync());

        // A look-alike of the MRN (lower case, a zero-width space) is the same patient, as when typed in.
        var result = await app.Send(AppFixture.Coordinator, Import(Bundle(Patient(mrn: "kssg-4711\u200B", given: "ANNA"), PrimaryTumour())));

        result.Created.ShouldBeFalse();
        result.Patient.Id.ShouldBe(registered.Id);
        result.Patient.Version.ShouldBe(registered.Version);
        result.Differences.ShouldBe([new ImportPatient.Difference("dateOfBirth", "1961-04-12", "1961-04-21")]);   // names differ only in case
        result.CaseDraft.Histology.ShouldBe(PrimaryHistology.Breast);
        (await app.QueryDbAsync(db => db.Patients.CountAsync())).ShouldBe(1);
        // Nothing changed; the answer shows the registered record, so it is logged as a read of that patient (DH-11).
        var rows = await app.QueryDbAsync(db => db.AuditEntries.OrderBy(a => a.Id).Skip(audited).ToListAsync());
        rows.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            a => a.Operation.ShouldBe("Read"), a => a.EntityType.ShouldBe(nameof(Domain.Patients.Patient)),
            a => a.EntityId.ShouldBe(registered.Id.ToString()), a => a.Action.ShouldBe("ImportPatient"));
        (await app.Send(AppFixture.Coordinator, new GetPatient.Query(registered.Id))).DateOfBirth.ShouldBe(new DateOnly(1961, 4, 21));
    }

    [Fact]
    public async Task Two_imports_of_the_same_record_at_the_same_moment_register_one_patient()
    {
        var json = Json(Bundle(Patient(mrn: "RACE-1"), PrimaryTumour()));
        using var start = new SemaphoreSlim(0);
        var clients = await System.Threading.Tasks.Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.ClientAsync(AppFixture.Coordinator)));
        var posts = clients.Select(async client =>
        {
            await start.WaitAsync();
            return await client.PostAsync("/api/v1/patients/$import", FhirBody(json));
        }).ToList();
        start.Release(posts.Count);
        var responses = await System.Threading.Tasks.Task.WhenAll(posts);

        responses.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Created]);
        var ids = new List<string>();
        foreach (var response in responses) ids.Add((await response.ReadAsync()).GetProperty("patient").GetProperty("id").GetString()!);
        ids.Distinct().ShouldHaveSingleItem();
        (await app.QueryDbAsync(db => db.Patients.CountAsync(p => p.Mrn == "RACE-1"))).ShouldBe(1);
        foreach (var client in clients) client.Dispose();
    }

    public static TheoryData<string, string, string> Invalid() => new()
    {
        { "not JSON", "{\"resourceType\": \"Patient\", ", "" },
        { "not FHIR", "{\"hello\": \"world\"}", "" },
        { "an unknown element", Json(Patient()).Replace("\"birthDate\"", "\"birthday\""), "Patient" },
        { "a wrong resource type", Json(new Observation { Status = ObservationStatus.Final, Code = new CodeableConcept("http://loinc.org", "89247-1") }), "resourceType" },
        { "a validator error (gender not a code)", Json(Patient()).Replace("\"female\"", "\"weiblich\""), "Patient.gender" },
        { "no MRN", Json(new Patient { Name = [new HumanName { Family = "Muster", Given = ["Anna"] }], BirthDate = "1961-04-12" }), "Patient.identifier" },
        { "no birth date", Json(Patient(birthDate: null)), "Patient.birthDate" },
        { "a partial birth date", Json(Patient(birthDate: "1961-04")), "Patient.birthDate" },
        { "no name", Json(new Patient { Identifier = [new Identifier(MrnSystem, "X-1")], BirthDate = "1961-04-12" }), "Patient.name" },
        { "two patients", Json(Bundle(Patient(), Patient(mrn: "OTHER"))), "Bundle.entry" },
        { "a condition about someone else", Json(Bundle(Patient(), new Condition
            { Subject = new ResourceReference("Patient/somebody-else"), Code = new CodeableConcept("http://hl7.org/fhir/sid/icd-10", "C61") })), "Bundle.entry[1].resource.subject" },
        { "an MRN we cannot store", Json(Patient(mrn: "A 12")), "Patient.identifier" },
        { "a birth date in the future", Json(Patient(birthDate: "2999-01-01")), "Patient.birthDate" },
        { "a second resourceType (the SDK would keep the first)", Json(Patient()).TrimEnd().TrimEnd('}') + ",\"resourceType\":\"Observation\"}", "Patient.resourceType" },
        { "a control character in a name", Json(Patient(family: "Mus\u0007ter")), "Patient.name[0].family" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Invalid_fhir_is_refused_through_the_mediator_naming_where(string why, string json, string location)
    {
        var refused = await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Coordinator, new ImportPatient.Command { Resource = json }));
        refused.Errors.ShouldAllBe(e => e.PropertyName == "Resource");
        refused.Errors.Select(e => e.CustomState).OfType<FhirIssue>().ShouldContain(i => i.Blocks && i.Location.StartsWith(location), why);
        (await app.QueryDbAsync(db => db.Patients.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Invalid_fhir_is_a_400_problem_listing_the_issues(string why, string json, string location)
    {
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        var problem = await (await client.PostAsync("/api/v1/patients/$import", FhirBody(json))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.ErrorKeys().ShouldBe(["resource"], why);
        var issues = problem.GetProperty("issues").EnumerateArray().ToList();
        issues.ShouldNotBeEmpty(why);
        issues.ShouldAllBe(i => i.GetProperty("severity").GetString() == "error" || i.GetProperty("severity").GetString() == "fatal");
        issues.ShouldContain(i => i.GetProperty("location").GetString()!.StartsWith(location) && i.GetProperty("message").GetString()!.Length > 0, why);
        (await app.QueryDbAsync(db => db.Patients.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData("application/fhir+xml")]
    public async Task Another_media_type_is_415(string mediaType)
    {
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        await (await client.PostAsync("/api/v1/patients/$import", FhirBody(Json(Patient()), mediaType))).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        (await app.QueryDbAsync(db => db.Patients.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [InlineData("application/fhir+json; charset=iso-8859-1", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/fhir+json; charset=utf-16", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/fhir+json; charset=UTF-8", HttpStatusCode.Created)]
    [InlineData("application/fhir+json", HttpStatusCode.Created)]
    public async Task FHIR_JSON_is_UTF_8_a_charset_naming_anything_else_is_415(string contentType, HttpStatusCode expected)
    {
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Json(Patient())));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType).ShouldBeTrue();
        using var response = await client.PostAsync("/api/v1/patients/$import", content);
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_api_answers_201_with_location_and_etag_then_200_with_the_same_patient()
    {
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        var body = Json(Bundle(Patient(), PrimaryTumour("http://snomed.info/sct", "254637007", "Non-small cell lung cancer")));
        using var created = await client.PostAsync("/api/v1/patients/$import", FhirBody(body + "\n"));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var json = await created.ReadAsync();
        var id = json.GetProperty("patient").GetProperty("id").GetString();
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/patients/{id}");
        created.ETag().ShouldNotBeNullOrEmpty();
        json.GetProperty("created").GetBoolean().ShouldBeTrue();
        json.GetProperty("caseDraft").GetProperty("histology").GetString().ShouldBe("LungNsclc");
        json.GetProperty("caseDraft").GetProperty("histologyVerified").GetBoolean().ShouldBeTrue();   // the concept names the cell type
        json.GetProperty("caseDraft").GetProperty("histologySource").GetString().ShouldBe("SNOMED CT 254637007 Non-small cell lung cancer");

        using var again = await client.PostAsync("/api/v1/patients/$import", FhirBody(body));
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = await again.ReadAsync();
        second.GetProperty("created").GetBoolean().ShouldBeFalse();
        second.GetProperty("patient").GetProperty("id").GetString().ShouldBe(id);
        second.GetProperty("differences").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task An_idempotency_key_replays_the_first_answer()
    {
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        HttpRequestMessage Post() => new(HttpMethod.Post, "/api/v1/patients/$import")
        {
            Content = FhirBody(Json(Patient())), Headers = { { "Idempotency-Key", "fhir-import-1" } },
        };
        using var first = await client.SendAsync(Post());
        using var replay = await client.SendAsync(Post());
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        replay.StatusCode.ShouldBe(HttpStatusCode.Created);
        replay.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await replay.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(AppFixture.MedOnc, HttpStatusCode.Forbidden)]
    [InlineData(AppFixture.Clinician, HttpStatusCode.Forbidden)]
    [InlineData(AppFixture.Admin, HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task Only_the_coordinator_imports(string? who, HttpStatusCode expected)
    {
        using var client = await app.ClientAsync(who);
        await (await client.PostAsync("/api/v1/patients/$import", FhirBody(Json(Patient())))).ShouldBeProblemAsync(expected);
        (await app.QueryDbAsync(db => db.Patients.CountAsync())).ShouldBe(0);
    }
}
