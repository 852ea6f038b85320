using System.Net;
using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Features.Audit;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Domain.Common;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Audit;

/// <summary>DH-11, reviewable: administrators list the trail's metadata (GET /api/v1/audit/entries) by record, actor, operation and day.</summary>
[Collection(AuditDatabase.Name)]
public sealed class ListAuditEntriesTests(AppFixture app) : DatabaseTest(app)
{
    async Task<JsonElement> ListAsync(string query)
    {
        using var admin = await app.ClientAsync(AppFixture.Admin);
        using var response = await admin.GetAsync("/api/v1/audit/entries?" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync();
    }

    /// <summary>The board's day (default zone Europe/Zurich) of the first row of the trail.</summary>
    async Task<DateOnly> DayOfFirstRowAsync()
    {
        var first = await app.QueryDbAsync(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => a.OccurredAt).FirstAsync());
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(first, TimeZoneInfo.FindSystemTimeZoneById("Europe/Zurich")).DateTime);
    }

    [Fact]
    public async Task Reads_of_a_case_are_listed_by_operation_and_case_newest_first_as_metadata_only()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        var (_, otherCaseId) = await TestData.RegisterCaseAsync(app);
        await app.Send(AppFixture.Clinician, new GetCase.Query(caseId));
        await app.Send(AppFixture.Coordinator, new GetCase.Query(caseId));
        await app.Send(AppFixture.Clinician, new GetCase.Query(otherCaseId));
        var mrn = (await app.Send(AppFixture.Coordinator, new GetCase.Query(caseId))).Patient.Mrn;   // a 3rd read of the case

        var body = await ListAsync($"operation=Read&entityId={caseId}");

        body.GetProperty("totalCount").GetInt32().ShouldBe(3);
        var items = body.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("actorId").GetGuid()).ShouldBe([
            await app.UserIdAsync(AppFixture.Coordinator), await app.UserIdAsync(AppFixture.Coordinator),
            await app.UserIdAsync(AppFixture.Clinician)]);
        items.Select(i => i.GetProperty("id").GetInt64()).ShouldBeInOrder(SortDirection.Descending);
        var first = items[^1];
        first.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["id", "occurredAt", "actorId", "actorName", "action", "entityType", "entityId", "operation"]);
        first.GetProperty("actorName").GetString().ShouldNotBeNullOrWhiteSpace();
        first.GetProperty("action").GetString().ShouldBe("GetCase");
        first.GetProperty("entityType").GetString().ShouldBe("TumorBoardCase");
        first.GetProperty("entityId").GetString().ShouldBe(caseId.ToString());
        first.GetProperty("operation").GetString().ShouldBe("Read");

        // Everything that happened to the case (its registration too), and still no clinical value in the answer.
        var all = await ListAsync($"entityType=TumorBoardCase&entityId={caseId}");
        all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("operation").GetString())
            .ShouldBe(["Read", "Read", "Read", "Added"]);
        var patients = await ListAsync("entityType=Patient");
        patients.GetProperty("totalCount").GetInt32().ShouldBe(2);
        patients.GetRawText().ShouldNotContain(mrn);
        patients.GetRawText().ShouldNotContain("changes", Case.Insensitive);
    }

    [Fact]
    public async Task Pages_through_the_entries()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        for (var i = 0; i < 5; i++) await app.Send(AppFixture.Clinician, new GetCase.Query(caseId));

        var first = await ListAsync($"operation=Read&entityId={caseId}&pageSize=2");
        var second = await ListAsync($"operation=Read&entityId={caseId}&pageSize=2&page=2");
        var last = await ListAsync($"operation=Read&entityId={caseId}&pageSize=2&page=3");

        first.GetProperty("totalCount").GetInt32().ShouldBe(5);
        first.GetProperty("totalPages").GetInt32().ShouldBe(3);
        first.GetProperty("hasNext").GetBoolean().ShouldBeTrue();
        last.GetProperty("items").GetArrayLength().ShouldBe(1);
        last.GetProperty("hasNext").GetBoolean().ShouldBeFalse();
        var ids = new[] { first, second, last }.SelectMany(p => p.GetProperty("items").EnumerateArray())
            .Select(i => i.GetProperty("id").GetInt64()).ToList();
        ids.Count.ShouldBe(5);
        ids.ShouldBeUnique();
        ids.ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public async Task Filters_by_actor_and_by_day()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        await app.Send(AppFixture.Clinician, new GetCase.Query(caseId));
        await app.Send(AppFixture.RadOnc, new GetCase.Query(caseId));
        var clinician = await app.UserIdAsync(AppFixture.Clinician);

        var byActor = await ListAsync($"actorId={clinician}");
        byActor.GetProperty("items").EnumerateArray().ShouldHaveSingleItem().GetProperty("actorId").GetGuid().ShouldBe(clinician);

        var day = await DayOfFirstRowAsync();
        (await ListAsync($"from={day:yyyy-MM-dd}&to={day.AddDays(1):yyyy-MM-dd}")).GetProperty("totalCount").GetInt32()
            .ShouldBe(4);   // patient, case, 2 reads (the next day too, in case the test ran across midnight)
        (await ListAsync($"from={day.AddDays(2):yyyy-MM-dd}")).GetProperty("totalCount").GetInt32().ShouldBe(0);
        (await ListAsync($"to={day.AddDays(-1):yyyy-MM-dd}")).GetProperty("totalCount").GetInt32().ShouldBe(0);
        // Empty text filters are no filter (an empty actor id or day is a 400, as for every typed parameter of the API).
        (await ListAsync("operation=&entityType=&entityId=")).GetProperty("totalCount").GetInt32().ShouldBe(4);
    }

    [Theory]
    [InlineData("operation=Peeked", "operation")]
    [InlineData("from=2026-02-02&to=2026-02-01", "to")]
    [InlineData("pageSize=101", "pageSize")]
    public async Task Rejects_an_unknown_operation_a_reversed_range_and_an_oversized_page(string query, string field)
    {
        using var admin = await app.ClientAsync(AppFixture.Admin);
        var problem = await (await admin.GetAsync("/api/v1/audit/entries?" + query)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorKeys().ShouldBe([field]);
    }

    [Fact]
    public async Task Only_an_administrator_may_list_the_trail_and_listing_it_is_no_case_read()
    {
        await TestData.RegisterCaseAsync(app);
        await Should.ThrowAsync<ForbiddenException>(() => app.Send(AppFixture.Coordinator, new ListAuditEntries.Query()));
        await Should.ThrowAsync<UnauthorizedAccessException>(() => app.Send(null, new ListAuditEntries.Query()));
        var result = await app.Send(AppFixture.Admin, new ListAuditEntries.Query { Operation = "Read" });
        result.TotalCount.ShouldBe(0);
        await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Admin, new ListAuditEntries.Query { EntityId = new string('x', 201) }));
    }
}
