using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;
using static TumorBoard.IntegrationTests.Assessments.AssessmentTestData;

namespace TumorBoard.IntegrationTests.Assessments;

[Collection(MeetingsDatabase.Name)]
public sealed class AssessmentHttpTests(AppFixture app) : DatabaseTest(app)
{
    static string Url(Guid caseId, string rest = "") => $"/api/v1/cases/{caseId}/assessments{rest}";

    [Fact]
    public async Task A_radiation_oncologist_writing_the_neurosurgery_assessment_gets_403()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        using var client = await app.ClientAsync(AppFixture.RadOnc);
        using var response = await client.PutAsync(Url(caseId, "/neurosurgery/draft"), Api.Body(Neurosurgery()));
        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_clinician_reads_but_cannot_write_assessments()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        using var clinician = await app.ClientAsync(AppFixture.Clinician);
        using var write = await clinician.PutAsync(Url(caseId, "/medical-oncology/draft"), Api.Body(MedicalOncology()));
        await write.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var read = await clinician.GetAsync(Url(caseId));
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var unknown = await clinician.GetAsync(Url(caseId, "/cardiology"));
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Creates_a_draft_then_updates_it_only_with_a_current_if_match()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        using var client = await app.ClientAsync(AppFixture.Neurosurgeon);
        using var created = await client.PutAsync(Url(caseId, "/neurosurgery/draft"), Api.Body(Neurosurgery()));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        created.Headers.Location!.ToString().ShouldBe(Url(caseId, "/neurosurgery"));
        var etag = created.ETag();

        using var noIfMatch = await client.PutAsync(Url(caseId, "/neurosurgery/draft"), Api.Body(Neurosurgery()));
        await noIfMatch.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        using var stale = await client.SendAsync(Api.Request(HttpMethod.Put, Url(caseId, "/neurosurgery/draft"), Neurosurgery(), "\"1\""));
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        using var updated = await client.SendAsync(Api.Request(HttpMethod.Put, Url(caseId, "/neurosurgery/draft"), Neurosurgery(), etag));
        updated.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await updated.ReadAsync()).GetProperty("number").GetInt32().ShouldBe(2);

        using var submitted = await client.PostAsync(Url(caseId, "/neurosurgery/submit"), null);
        submitted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await submitted.ReadAsync()).GetProperty("status").GetString().ShouldBe("Submitted");
        using var history = await client.GetAsync(Url(caseId, "/neurosurgery/versions"));
        (await history.ReadAsync()).GetProperty("versions").GetArrayLength().ShouldBe(3);
        using var version = await client.GetAsync(Url(caseId, "/neurosurgery/versions/1"));
        (await version.ReadAsync()).GetProperty("kind").GetString().ShouldBe("Draft");
    }

    [Fact]
    public async Task The_server_computes_SINS_and_ignores_any_total_the_client_sends()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        var body = JsonSerializer.SerializeToNode(Neurosurgery(), Api.Json)!.AsObject();
        body["lesions"]![0]!.AsObject()["total"] = 99;
        body["lesions"]![0]!.AsObject()["sins"] = new JsonObject { ["total"] = 99 };
        body["total"] = 99;
        using var client = await app.ClientAsync(AppFixture.Neurosurgeon);
        using var created = await client.PutAsync(Url(caseId, "/neurosurgery/draft"), Api.Body(body));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);

        using var stored = await client.GetAsync(Url(caseId, "/neurosurgery"));
        var result = await stored.ReadAsync();
        result.GetProperty("computed").GetProperty("scores").GetProperty("lesions")[0].GetProperty("sins").GetProperty("total")
            .GetInt32().ShouldBe(9);
        result.GetProperty("content").GetRawText().ShouldNotContain("99");
    }

    [Fact]
    public async Task Out_of_range_doses_unknown_values_and_malformed_levels_are_400_with_field_messages()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        using var client = await app.ClientAsync(AppFixture.RadOnc);
        var url = Url(caseId, "/radiation-oncology/draft");

        using var dose = await client.PutAsync(url, Api.Body(RadiationOncology() with { TotalDoseGy = 70m, Fractions = 41 }));
        (await dose.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["fractions", "totalDoseGy"]);

        var unknown = JsonSerializer.SerializeToNode(RadiationOncology(), Api.Json)!.AsObject();
        unknown["recommendation"] = "Brachytherapy";
        using var badEnum = await client.PutAsync(url, Api.Body(unknown));
        (await badEnum.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["recommendation"]);

        var level = JsonSerializer.SerializeToNode(RadiationOncology(), Api.Json)!.AsObject();
        level["targetLevels"] = new JsonArray("T13");
        using var badLevel = await client.PutAsync(url, Api.Body(level));
        (await badLevel.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldHaveSingleItem().ShouldStartWith("targetLevels");

        using var neuro = await app.ClientAsync(AppFixture.Neurosurgeon);
        using var escc = await neuro.PutAsync(Url(caseId, "/neurosurgery/draft"),
            Api.Body(Neurosurgery() with { Lesions = [Lesion("1")] }));
        (await escc.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["lesions[0].escc"]);
    }

    [Fact]
    public async Task ESCC_0_with_separation_surgery_saves_with_a_visible_warning()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        using var client = await app.ClientAsync(AppFixture.Neurosurgeon);
        using var created = await client.PutAsync(Url(caseId, "/neurosurgery/draft"), Api.Body(Neurosurgery(escc: "0")));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var warnings = (await created.ReadAsync()).GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ToList();
        warnings.ShouldContain(w => w!.StartsWith("ESCC 0 with separation surgery"));
    }
}
