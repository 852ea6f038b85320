using System.Net;
using Microsoft.EntityFrameworkCore;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Audit;

[Collection(AuditDatabase.Name)]
public sealed class AuditVerifyHttpTests(AppFixture app) : DatabaseTest(app)
{
    [Fact]
    public async Task An_administrator_gets_the_verification_result()
    {
        await TestData.RegisterCaseAsync(app);
        var rows = await app.QueryDbAsync(db => db.AuditEntries.CountAsync());
        await app.SealPendingAsync();
        using var client = await app.ClientAsync(AppFixture.Admin);

        using var response = await client.GetAsync("/api/v1/audit/verify");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.ReadAsync();
        body.GetProperty("valid").GetBoolean().ShouldBeTrue();
        body.GetProperty("checkedRows").GetInt64().ShouldBe(rows);
        body.GetProperty("firstBrokenRowId").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        body.GetProperty("reason").GetString().ShouldNotBeNullOrWhiteSpace();
        body.GetProperty("checkedCheckpoints").GetInt32().ShouldBe(0);
        body.GetProperty("pendingRows").GetInt64().ShouldBe(0);
        var head = await app.QueryDbAsync(db => db.AuditSeals.OrderByDescending(s => s.Position).FirstAsync());
        var checkpoint = body.GetProperty("checkpoint");
        checkpoint.GetProperty("rowId").GetInt64().ShouldBe(head.EntryId);
        checkpoint.GetProperty("hash").GetString().ShouldBe(head.Hash);
        checkpoint.GetProperty("at").GetDateTimeOffset().ShouldBeGreaterThanOrEqualTo(head.SealedAt);

        using var again = await client.GetAsync("/api/v1/audit/verify");
        (await again.ReadAsync()).GetProperty("checkedCheckpoints").GetInt32().ShouldBe(1);
    }

    [Theory]
    [InlineData(AppFixture.Coordinator, HttpStatusCode.Forbidden)]
    [InlineData(AppFixture.Clinician, HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task Everyone_else_is_refused(string? email, HttpStatusCode expected)
    {
        using var client = await app.ClientAsync(email);
        using var response = await client.GetAsync("/api/v1/audit/verify");
        await response.ShouldBeProblemAsync(expected);
    }
}
