using System.Net;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Http.BadInput;

/// <summary>Issue #10 item 6: a page out of range is a 400 with the allowed range, on every list.</summary>
public sealed class BadPagingTests(AppFixture app) : BadInputTest(app)
{
    IEnumerable<ApiOperation> Lists() => Operations.Where(op => op.Query.Any(q => q.Name == "Page") && op.Query.Any(q => q.Name == "PageSize"));

    [Theory]
    [InlineData("page=0", "page", "between 1 and 40")]
    [InlineData("page=-1", "page", "between 1 and 40")]
    [InlineData("page=41", "page", "between 1 and 40")]
    [InlineData("page=11&pageSize=100", "page", "between 1 and 10 at pageSize 100")]
    [InlineData("page=1001&pageSize=1", "page", "between 1 and 1000 at pageSize 1")]
    [InlineData("page=10001", "page", "between 1 and 40")]
    [InlineData("page=100000000", "page", "between 1 and 40")]
    [InlineData("page=2147483647", "page", "between 1 and 40")]
    [InlineData("page=2147483648", "page", "whole number")]
    [InlineData("page=abc", "page", "whole number")]
    [InlineData("page=1&page=2", "page", "once")]
    [InlineData("pageSize=0", "pageSize", "between 1 and 100")]
    [InlineData("pageSize=101", "pageSize", "between 1 and 100")]
    [InlineData("pageSize=-2147483648", "pageSize", "between 1 and 100")]
    [InlineData("pageSize=1e3", "pageSize", "whole number")]
    public async Task Refuses_a_page_out_of_range_on_every_list_stating_the_range(string query, string field, string says)
    {
        var client = await ClientAsync();
        List<string> failures = [];
        foreach (var op in Lists())
        {
            using var response = await ApiSurface.SendAsync(client, op, null, query);
            if (await NamesFieldAsync(response, field, only: true) is { Length: > 0 } problem) failures.Add($"{op} ?{query}: {problem}");
            else if (!(await MessagesAsync(response, field)).Any(m => m.Contains(says))) failures.Add($"{op} ?{query}: the message does not say '{says}'");
        }
        ShouldAllPass(failures, Lists().Count());
        Lists().Count().ShouldBeGreaterThanOrEqualTo(7);
    }

    /// <summary>Page numbers reach the counted first 1,000 rows (issue #11): the last such page answers, empty here.</summary>
    [Theory]
    [InlineData(100, 10)]
    [InlineData(25, 40)]
    [InlineData(30, 34)]
    public async Task The_last_allowed_page_answers_an_empty_page(int pageSize, int lastPage)
    {
        var client = await ClientAsync();
        foreach (var op in Lists())
        {
            using var response = await ApiSurface.SendAsync(client, op, null, $"page={lastPage}&pageSize={pageSize}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{op}: {await response.Content.ReadAsStringAsync()}");
            var page = await response.ReadAsync();
            page.GetProperty("page").GetInt32().ShouldBe(lastPage);
            page.GetProperty("items").GetArrayLength().ShouldBe(0);
        }
    }

    [Theory]
    [InlineData("meetings=0")]
    [InlineData("meetings=51")]
    [InlineData("meetings=99999999999")]
    public async Task Refuses_a_dashboard_size_out_of_range(string query)
    {
        using var response = await (await ClientAsync()).GetAsync("/api/v1/worklists/coordinator?" + query);
        (await NamesFieldAsync(response, "meetings", only: true)).ShouldBeEmpty();
    }
}
