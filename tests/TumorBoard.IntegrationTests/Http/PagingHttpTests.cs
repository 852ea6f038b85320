using System.Net;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Http;

[Collection(AppCollection.Name)]
public sealed class PagingHttpTests(AppFixture app) : DatabaseTest(app)
{
    [Fact]
    public async Task Lists_page_through_the_query_string()
    {
        for (var i = 0; i < 3; i++) await TestData.RegisterCaseAsync(app);
        var client = await app.ClientAsync(AppFixture.Clinician);

        var page = await (await client.GetAsync("/api/v1/cases?page=2&pageSize=2")).ReadAsync();
        page.GetProperty("page").GetInt32().ShouldBe(2);
        page.GetProperty("pageSize").GetInt32().ShouldBe(2);
        page.GetProperty("totalCount").GetInt32().ShouldBe(3);
        page.GetProperty("items").GetArrayLength().ShouldBe(1);

        var patients = await (await client.GetAsync("/api/v1/patients?pageSize=1")).ReadAsync();
        patients.GetProperty("items").GetArrayLength().ShouldBe(1);
        patients.GetProperty("totalPages").GetInt32().ShouldBe(3);
    }

    [Theory]
    [InlineData("/api/v1/cases?pageSize=500", "pageSize")]
    [InlineData("/api/v1/cases?page=0", "page")]
    [InlineData("/api/v1/patients?pageSize=0", "pageSize")]
    [InlineData("/api/v1/meetings?page=-1", "page")]
    public async Task Rejects_a_page_outside_the_range_naming_the_parameter(string url, string field)
    {
        var client = await app.ClientAsync(AppFixture.Coordinator);
        var problem = await (await client.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorKeys().ShouldBe([field]);
    }

    [Fact]
    public async Task Lists_hand_out_next_and_previous_cursors_that_page_on_and_back()
    {
        for (var i = 0; i < 5; i++) await TestData.RegisterCaseAsync(app);
        var client = await app.ClientAsync(AppFixture.Clinician);

        var first = await (await client.GetAsync("/api/v1/cases?pageSize=2")).ReadAsync();
        (first.GetProperty("totalCount").GetInt32(), first.GetProperty("totalIsCapped").GetBoolean()).ShouldBe((5, false));
        first.GetProperty("previous").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        var next = first.GetProperty("next").GetString().ShouldNotBeNull();

        var second = await (await client.GetAsync($"/api/v1/cases?pageSize=2&cursor={Uri.EscapeDataString(next)}")).ReadAsync();
        var byNumber = await (await client.GetAsync("/api/v1/cases?pageSize=2&page=2")).ReadAsync();
        Ids(second).ShouldBe(Ids(byNumber));
        Ids(second).ShouldNotBe(Ids(first));
        second.GetProperty("hasNext").GetBoolean().ShouldBeTrue();

        var back = await (await client.GetAsync(
            $"/api/v1/cases?pageSize=2&cursor={Uri.EscapeDataString(second.GetProperty("previous").GetString()!)}")).ReadAsync();
        Ids(back).ShouldBe(Ids(first));
    }

    [Theory]
    [InlineData("/api/v1/cases?cursor=not-a-cursor")]
    [InlineData("/api/v1/cases?cursor=%7B%7D")]
    [InlineData("/api/v1/patients?cursor=eyJsIjoiY2FzZXMiLCJiIjpmYWxzZSwiayI6e319")]
    [InlineData("/api/v1/meetings?cursor=AAAA")]
    [InlineData("/api/v1/audit/entries?cursor=eyJsIjoiYXVkaXQiLCJiIjpmYWxzZSwiayI6eyJpZCI6InRleHQifX0")]
    [InlineData("/api/v1/follow-ups/overdue?cursor=%00")]
    [InlineData("/api/v1/worklists/fast-track?cursor=not-a-cursor")]
    public async Task Rejects_a_cursor_that_this_list_did_not_hand_out_naming_the_cursor(string url)
    {
        var client = await app.ClientAsync(url.Contains("audit") ? AppFixture.Admin : AppFixture.Coordinator);
        var problem = await (await client.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorKeys().ShouldBe(["cursor"]);
    }

    [Fact]
    public async Task Rejects_a_page_number_together_with_a_cursor()
    {
        for (var i = 0; i < 3; i++) await TestData.RegisterCaseAsync(app);
        var client = await app.ClientAsync(AppFixture.Clinician);
        var next = (await (await client.GetAsync("/api/v1/cases?pageSize=1")).ReadAsync()).GetProperty("next").GetString()!;
        var problem = await (await client.GetAsync($"/api/v1/cases?page=2&cursor={Uri.EscapeDataString(next)}"))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorKeys().ShouldBe(["cursor"]);
    }

    static List<string> Ids(System.Text.Json.JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];
}
