using System.Net;
using System.Text;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Http;

/// <summary>Every failure the API reports is problem+json with the right status.</summary>
[Collection(AppCollection.Name)]
public sealed class ProblemDetailsTests(AppFixture app) : DatabaseTest(app)
{
    [Fact]
    public async Task Answers_400_with_camel_case_field_names_for_invalid_fields()
    {
        var patientId = (await app.Send(AppFixture.Coordinator, TestData.Patient())).Id;
        var command = TestData.Case(patientId);
        var body = command with { ClinicalQuestion = "", Lesions = [command.Lesions[0] with { LevelFrom = null }], Karnofsky = 75 };
        using var client = await app.ClientAsync(AppFixture.Coordinator);

        var problem = await (await client.PostAsync("/api/v1/cases", Api.Body(body))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.ErrorKeys().ShouldBe(["clinicalQuestion", "karnofsky", "lesions[0].levelFrom"]);
        problem.GetProperty("errors").GetProperty("clinicalQuestion")[0].GetString().ShouldBe("Enter the clinical question for the board.");
    }

    [Theory]
    [InlineData("""{"urgency":"Soon"}""", "urgency")]
    [InlineData("""{"ecog":"two"}""", "ecog")]
    [InlineData("""{"lesions":[{"levelFrom":"T13"}]}""", "lesions[0].levelFrom")]
    [InlineData("""{"diagnosisDate":"yesterday"}""", "diagnosisDate")]
    public async Task Answers_400_naming_a_field_that_does_not_bind(string json, string field)
    {
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        var response = await client.PostAsync("/api/v1/cases", new StringContent(json, Encoding.UTF8, "application/json"));
        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe([field]);
    }

    [Fact]
    public async Task Answers_400_for_a_body_that_is_not_json()
    {
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        var response = await client.PostAsync("/api/v1/patients", new StringContent("{not json", Encoding.UTF8, "application/json"));
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Answers_401_to_an_anonymous_caller()
    {
        using var client = await app.ClientAsync(null);
        await (await client.GetAsync("/api/v1/cases")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Answers_403_to_a_clinician_registering_a_case()
    {
        var patientId = (await app.Send(AppFixture.Coordinator, TestData.Patient())).Id;
        using var client = await app.ClientAsync(AppFixture.Clinician);
        await (await client.PostAsync("/api/v1/cases", Api.Body(TestData.Case(patientId)))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("/api/v1/cases/")]
    [InlineData("/api/v1/patients/")]
    public async Task Answers_404_for_an_unknown_id(string prefix)
    {
        using var client = await app.ClientAsync(AppFixture.Clinician);
        var problem = await (await client.GetAsync(prefix + Guid.NewGuid())).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem.GetProperty("detail").GetString()!.ShouldContain("was not found");
    }

    [Fact]
    public async Task Answers_409_when_a_case_is_withdrawn_twice()
    {
        var (_, caseId) = await Api.CaseAsync(app);
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        (await client.PostAsync($"/api/v1/cases/{caseId}/withdraw", Api.Body(new { reason = "Declined" }))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var problem = await (await client.PostAsync($"/api/v1/cases/{caseId}/withdraw", Api.Body(new { reason = "Again" })))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("Withdrawn");
    }

    [Fact]
    public async Task Answers_409_listing_what_is_missing_when_an_incomplete_case_is_marked_ready()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app, c => c with { BrainMetastases = null });
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        var problem = await (await client.PostAsync($"/api/v1/cases/{caseId}/ready", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("whether there are brain metastases");
    }

    [Fact]
    public async Task Refuses_a_duplicate_mrn_with_a_problem_naming_the_mrn()
    {
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        (await client.PostAsync("/api/v1/patients", Api.Body(TestData.Patient("DUP-1")))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var problem = await (await client.PostAsync("/api/v1/patients", Api.Body(TestData.Patient(" DUP-1 "))))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorKeys().ShouldBe(["mrn"]);
    }

    [Fact]
    public async Task Answers_428_to_a_put_without_if_match_412_to_a_stale_one_and_400_to_a_malformed_one()
    {
        var (_, caseId) = await Api.CaseAsync(app);
        var patientId = (await app.Send(AppFixture.Coordinator, new Application.Features.Cases.GetCase.Query(caseId))).Patient.Id;
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        var body = TestData.Case(patientId);

        await (await client.SendAsync(Api.Request(HttpMethod.Put, $"/api/v1/cases/{caseId}", body)))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await client.SendAsync(Api.Request(HttpMethod.Put, $"/api/v1/cases/{caseId}", body, ifMatch: "\"1\"")))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        // Not an entity tag: a malformed header (400 naming it), not a stale version.
        (await (await client.SendAsync(Api.Request(HttpMethod.Put, $"/api/v1/cases/{caseId}", body, ifMatch: "garbage")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["If-Match"]);
        await (await client.SendAsync(Api.Request(HttpMethod.Put, $"/api/v1/patients/{patientId}", TestData.Patient())))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
    }
}
