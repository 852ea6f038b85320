using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.FastTrack;

/// <summary>The fast track over HTTP: the exact field names and enum strings, roles, bad input as problem details.</summary>
[Collection(AppCollection.Name)]
public sealed class FastTrackHttpTests(AppFixture app) : DatabaseTest(app)
{
    [Fact]
    public async Task The_case_carries_triage_and_clocks_with_their_exact_names()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);   // Frankel D and myelopathy: P1
        using var client = await app.ClientAsync(AppFixture.Clinician);
        var body = await (await client.GetAsync($"/api/v1/cases/{caseId}")).ReadAsync();
        body.GetProperty("triage").GetString().ShouldBe("P1");
        var clocks = body.GetProperty("clocks").EnumerateArray().ToList();
        clocks.Select(c => c.GetProperty("name").GetString()).ShouldBe(["Mri", "TreatmentPlan"]);
        var first = clocks[0];
        first.GetProperty("state").GetString().ShouldBe("Running");
        first.GetProperty("startedFrom").GetString().ShouldBe("CaseRegistered");
        first.GetProperty("stoppedAt").ValueKind.ShouldBe(JsonValueKind.Null);
        first.GetProperty("breachReason").ValueKind.ShouldBe(JsonValueKind.Null);
        first.GetProperty("minutesLeft").GetInt64().ShouldBeInRange(23 * 60, 24 * 60);
        (first.GetProperty("dueAt").GetDateTimeOffset() - first.GetProperty("startedAt").GetDateTimeOffset()).ShouldBe(TimeSpan.FromHours(24));

        var track = await (await client.GetAsync($"/api/v1/cases/{caseId}/fast-track")).ReadAsync();
        track.GetProperty("derivation").GetString().ShouldBe("P1 emergency because: Frankel grade D; myelopathy");
    }

    [Fact]
    public async Task Lowering_the_triage_is_400_on_the_field_and_a_clinician_may_not_raise()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        using var coordinator = await app.ClientAsync(AppFixture.Coordinator);
        var lower = await coordinator.PostAsync($"/api/v1/cases/{caseId}/fast-track/triage", Api.Body(new { triage = "P2", reason = "Calmer" }));
        (await lower.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["triage"]);
        var unknown = await coordinator.PostAsync($"/api/v1/cases/{caseId}/fast-track/triage", Api.Body(new { triage = "P0", reason = "x" }));
        await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        using var clinician = await app.ClientAsync(AppFixture.Clinician);
        var raise = await clinician.PostAsync($"/api/v1/cases/{caseId}/fast-track/triage", Api.Body(new { triage = "P1", reason = "Worse" }));
        await raise.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_worklist_is_paged_for_clinical_roles_and_refused_to_administrators()
    {
        await TestData.RegisterCaseAsync(app);
        await TestData.RegisterCaseAsync(app);
        using var clinician = await app.ClientAsync(AppFixture.Clinician);
        var first = await clinician.GetAsync("/api/v1/worklists/fast-track?pageSize=1");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await first.ReadAsync();
        page.GetProperty("items").GetArrayLength().ShouldBe(1);
        var row = page.GetProperty("items")[0];
        row.GetProperty("triage").GetString().ShouldBe("P1");
        row.GetProperty("needsBreachReason").GetBoolean().ShouldBeFalse();
        var next = page.GetProperty("next").GetString();
        next.ShouldNotBeNull();
        first.Headers.GetValues("Link").Single().ShouldContain("rel=\"next\"");
        var second = await (await clinician.GetAsync($"/api/v1/worklists/fast-track?pageSize=1&cursor={Uri.EscapeDataString(next)}")).ReadAsync();
        second.GetProperty("items")[0].GetProperty("caseId").GetGuid().ShouldNotBe(row.GetProperty("caseId").GetGuid());

        using var admin = await app.ClientAsync(AppFixture.Admin);
        await (await admin.GetAsync("/api/v1/worklists/fast-track")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var bad = await clinician.PostAsync($"/api/v1/cases/{Guid.NewGuid()}/fast-track/timestamps",
            Api.Body(new { @event = "MsccSuspected", occurredAt = DateTimeOffset.UtcNow.AddMinutes(-5) }));
        await bad.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
