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
}
