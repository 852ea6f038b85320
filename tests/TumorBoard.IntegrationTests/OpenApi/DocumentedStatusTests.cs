using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.OpenApi;

/// <summary>
/// Issue #12 item 3: the OpenAPI document cannot drift from the code. Every answer an API test got in this run (the role
/// matrices, the HTTP, bad-input, idempotency and fuzz tests: <see cref="ObservedResponses"/>) must be a status the
/// document lists for that operation. In the runs-alone collection, so in a whole run it sees what the parallel
/// collections observed; it also calls every operation of the document itself (anonymous, then as an administrator with
/// records that do not exist), so run alone it still checks the 401/403/404/400 of every endpoint, including new ones.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class DocumentedStatusTests : IAsyncLifetime
{
    /// <summary>
    /// Answers of the transport and the host rather than of an operation, described once in the document's description:
    /// a request too large (413, 414, 431) and an unexpected fault (500, which the fuzz tests assert never happens).
    /// </summary>
    static readonly HashSet<int> Transport = [413, 414, 431, 500];

    readonly AppFixture app = new();

    public Task InitializeAsync() => app.InitializeAsync();
    public Task DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task Every_status_the_tests_saw_is_one_the_document_lists_for_that_operation()
    {
        var document = await OpenApiSchemaNameTests.DocumentAsync(app);
        var operations = (from path in document["paths"]!.AsObject()
                          from operation in path.Value!.AsObject()
                          select new Documented(operation.Key.ToUpperInvariant(), path.Key,
                              operation.Value!["responses"]!.AsObject().Select(r => int.Parse(r.Key)).ToHashSet())).ToList();
        await CallEveryOperationAsync(operations);

        var observed = ObservedResponses.All;
        List<string> undocumented = [];
        var matched = 0;
        foreach (var response in observed)
        {
            if (Transport.Contains(response.Status) || Match(operations, response) is not { } operation) continue;
            matched++;
            if (!operation.Statuses.Contains(response.Status))
                undocumented.Add($"{operation.Method} {operation.Template} answered {response.Status} (at {response.Path}), "
                    + $"the document lists {string.Join(", ", operation.Statuses.Order())}");
        }
        matched.ShouldBeGreaterThanOrEqualTo(operations.Count * 2);
        undocumented.Distinct().Order().ToList().ShouldBeEmpty();
    }

    sealed record Documented(string Method, string Template, HashSet<int> Statuses)
    {
        public string[] Segments { get; } = Template.Trim('/').Split('/');
    }

    /// <summary>The operation whose template matches the path, literal segments before parameters (…/neurosurgery/draft before …/{discipline}).</summary>
    static Documented? Match(List<Documented> operations, ObservedResponses.Response response)
    {
        var segments = response.Path.Trim('/').Split('/');
        return operations
            .Where(o => o.Method == response.Method && o.Segments.Length == segments.Length
                && o.Segments.Zip(segments).All(p => p.First.StartsWith('{') || string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(o => o.Segments.Count(s => !s.StartsWith('{')))
            .FirstOrDefault();
    }

    /// <summary>Each operation once anonymously and once as the administrator, on ids that name no record.</summary>
    async Task CallEveryOperationAsync(List<Documented> operations)
    {
        using var anonymous = await app.ClientAsync(null);
        using var admin = await app.ClientAsync(AppFixture.Admin);
        foreach (var operation in operations)
        {
            var path = string.Join('/', operation.Segments.Select(s => !s.StartsWith('{') ? s
                : s.Contains("discipline", StringComparison.OrdinalIgnoreCase) ? "neurosurgery"
                : s.Contains("number", StringComparison.OrdinalIgnoreCase) ? "1" : Guid.NewGuid().ToString()));
            foreach (var client in new[] { anonymous, admin })
            {
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), "/" + path);
                if (operation.Method is "POST" or "PUT") request.Content = JsonContent.Create(new JsonObject());
                using var _ = await client.SendAsync(request);
            }
        }
    }
}
