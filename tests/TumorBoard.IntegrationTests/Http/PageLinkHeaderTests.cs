using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.Application.Common.Models;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.IntegrationTests.Meetings;

namespace TumorBoard.IntegrationTests.Http;

/// <summary>
/// RFC 8288 Link headers on every list: found from the app's endpoints (every one answering a page), not from a list kept
/// by hand, so a new list cannot go without them.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class PageLinkHeaderTests(AppFixture app) : DatabaseTest(app)
{
    static readonly string[] Readers = [AppFixture.Coordinator, AppFixture.Admin, AppFixture.Clinician];

    /// <summary>Every GET under /api/v1 whose answer is a page of a list.</summary>
    List<string> ListRoutes() => app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
        .Where(e => e.Metadata.OfType<IProducesResponseTypeMetadata>().Any(p => p.StatusCode == 200 && p.Type is { IsGenericType: true } t
            && t.GetGenericTypeDefinition() == typeof(Paged<>)))
        .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/').TrimEnd('/'))
        .Distinct().Order().ToList();

    [Fact]
    public async Task Every_list_answers_link_headers_that_match_its_next_and_previous_cursors()
    {
        for (var i = 0; i < 2; i++) await TestData.RegisterCaseAsync(app);
        for (var i = 0; i < 2; i++) await MeetingTestData.PlanMeetingAsync(app);
        await app.SealPendingAsync();
        var routes = ListRoutes();
        routes.ShouldBe(["/api/v1/accounts", "/api/v1/audit/entries", "/api/v1/cases", "/api/v1/follow-ups/mine",
            "/api/v1/follow-ups/overdue", "/api/v1/meetings", "/api/v1/patients", "/api/v1/worklists/fast-track"], ignoreOrder: true);

        var linked = new List<string>();
        foreach (var route in routes)
        {
            using var first = await ReadAsAnyoneAsync(route + "?pageSize=1");
            var page = await first.ReadAsync();
            var next = page.GetProperty("next");
            if (next.ValueKind == JsonValueKind.Null)
            {
                first.Headers.Contains("Link").ShouldBeFalse($"{route}: a Link header on the only page");
                continue;
            }
            linked.Add(route);
            var links = Links(first);
            string.Join(",", links.Keys).ShouldBe("next", $"{route}: the first page links to the next one only");
            links["next"].ShouldBe($"{route}?pageSize=1&cursor={Uri.EscapeDataString(next.GetString()!)}");

            using var second = await ReadAsAnyoneAsync(links["next"]);
            var secondPage = await second.ReadAsync();
            var back = Links(second);
            back["prev"].ShouldBe($"{route}?pageSize=1&cursor={Uri.EscapeDataString(secondPage.GetProperty("previous").GetString()!)}");
            using var again = await ReadAsAnyoneAsync(back["prev"]);
            (await again.ReadAsync()).GetProperty("items")[0].GetRawText().ShouldBe(page.GetProperty("items")[0].GetRawText());
        }
        // The test's cases have neurology (P1): the fast-track worklist has two rows too.
        linked.ShouldBe(["/api/v1/accounts", "/api/v1/audit/entries", "/api/v1/cases", "/api/v1/meetings", "/api/v1/patients",
            "/api/v1/worklists/fast-track"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_link_keeps_the_filters_and_replaces_the_page_number_with_the_cursor()
    {
        for (var i = 0; i < 3; i++) await TestData.RegisterCaseAsync(app);
        using var client = await app.ClientAsync(AppFixture.Coordinator);

        using var second = await client.GetAsync("/api/v1/cases?status=Draft&pageSize=1&page=2");
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await second.ReadAsync();
        var links = Links(second);
        links["next"].ShouldBe($"/api/v1/cases?status=Draft&pageSize=1&cursor={Uri.EscapeDataString(page.GetProperty("next").GetString()!)}");
        links["prev"].ShouldBe($"/api/v1/cases?status=Draft&pageSize=1&cursor={Uri.EscapeDataString(page.GetProperty("previous").GetString()!)}");

        using var third = await client.GetAsync(links["next"]);
        var last = await third.ReadAsync();
        last.GetProperty("items").GetArrayLength().ShouldBe(1);
        last.GetProperty("next").ValueKind.ShouldBe(JsonValueKind.Null);
        string.Join(",", Links(third).Keys).ShouldBe("prev");
    }

    async Task<HttpResponseMessage> ReadAsAnyoneAsync(string url)
    {
        foreach (var email in Readers)
        {
            var client = await app.ClientAsync(email);
            var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{url}: {await response.Content.ReadAsStringAsync()}");
                return response;
            }
            response.Dispose();
        }
        throw new ShouldAssertException($"Nobody may read {url}.");
    }

    /// <summary>The Link header's targets by relation, parsed as RFC 8288 writes them.</summary>
    static Dictionary<string, string> Links(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var values)
            ? values.SelectMany(v => LinkValue().Matches(v)).ToDictionary(m => m.Groups["rel"].Value, m => m.Groups["href"].Value)
            : [];

    [GeneratedRegex("<(?<href>[^>]*)>\\s*;\\s*rel=\"(?<rel>[a-z]+)\"")]
    private static partial Regex LinkValue();
}
