using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.Web.Hosting;

namespace TumorBoard.IntegrationTests.Scores;

/// <summary>The radiosensitivity table is deployment data (scores.md §3.2): Scores:RadiosensitivityTablePath replaces the default.</summary>
[Collection(AppCollection.Name)]
public sealed class RadiosensitivityTableConfigurationTests
{
    [Fact]
    public async Task A_deployment_table_replaces_the_shipped_one()
    {
        var file = Path.Combine(Path.GetTempPath(), $"radiosensitivity-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            {"version":"site-2026","entries":{"RenalCell":{"radiosensitivity":"Sensitive","verified":true,"source":"local protocol"}}}
            """);
        try
        {
            await using var site = new TumorBoardApp(await TestPostgres.CreateDatabaseAsync(),
                new Dictionary<string, string?> { [ScoreTables.PathKey] = file });
            using var client = site.CreateClient();
            var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = AppFixture.Clinician, password = AppFixture.Password });
            var accessToken = (await token.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);

            var response = await client.PostAsJsonAsync("/api/v1/scores/noms", new { histology = "RenalCell", escc = "2", sinsTotal = 3 });
            var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            body["radiation"]!.GetValue<string>().ShouldBe("CEBRT");   // the default table says Resistant -> separation surgery
            body["rationale"]!.ToJsonString().ShouldContain("site-2026");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
