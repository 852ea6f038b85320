using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.FollowUps;
using TumorBoard.Application.Features.Fhir;
using TumorBoard.Domain.Decisions;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.IntegrationTests.OpenApi;
using TumorBoard.Web.OpenApi.Examples;
using static TumorBoard.IntegrationTests.Decisions.DecisionTestData;
using Task = System.Threading.Tasks.Task;

namespace TumorBoard.IntegrationTests.Fhir;

/// <summary>
/// Issue #12 item 4 for the FHIR answers: the examples of the OpenAPI document's <c>application/fhir+json</c> bodies are
/// files the server exported (a signed and amended decision, and its case history with a follow-up), checked in under
/// <c>src/TumorBoard.Web/OpenApi/Examples/Fhir</c>. This test exports the same story again and compares it with the
/// files with the ids, instants, dates and hashes of the run left out, so an example can never drift from what the
/// server writes; each file also passes the FHIR validator. When the export changes on purpose, run the test once with
/// <c>TUMORBOARD_WRITE_EXAMPLES=1</c> and commit the files it writes.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class FhirExampleTests(AppFixture app, FhirValidation fhir) : DatabaseTest(app), IClassFixture<FhirValidation>
{
    [Fact]
    public async Task The_documented_fhir_examples_are_what_the_server_exports_and_they_validate()
    {
        var (board, v1) = await SignedAsync(app);
        var content = await ContentAsync(app);
        var amended = content with { Plan = [content.Plan[0], content.Plan[1] with { DoseGy = 24m, Fractions = 2 }] };
        var v2 = await app.Send(AppFixture.Coordinator, new AmendDecision.Command { DecisionId = v1.Id, Reason = "Dose corrected", Content = amended });
        await SignAsync(app, v2.Id);
        await app.Send(AppFixture.Clinician, new RecordFollowUp.Command
            { DecisionId = v2.Id, StepNumber = 1, Status = FollowUpStatus.Implemented });

        var exports = new Dictionary<string, string>
        {
            [ApiExamples.FhirDocumentFile] = await GetAsync(Url(v2.Id, "/fhir")),
            [ApiExamples.FhirHistoryFile] = await GetAsync($"/api/v1/cases/{board.CaseId}/history/export?format=fhir"),
        };

        var folder = Path.Combine(OpenApiDocumentTests.RepositoryRoot(), "src", "TumorBoard.Web", "OpenApi", "Examples", "Fhir");
        var write = Environment.GetEnvironmentVariable("TUMORBOARD_WRITE_EXAMPLES") == "1";
        foreach (var (file, exported) in exports)
        {
            if (write) await File.WriteAllTextAsync(Path.Combine(folder, file), Stable(exported) + "\n");
            var example = ApiExamples.FhirExample(file);
            FirstDifference(Shape(example), Shape(exported)).ShouldBeNull(
                $"{file} is no longer what the server exports: run this test with TUMORBOARD_WRITE_EXAMPLES=1 and commit the file");
            fhir.ShouldBeValid(FhirJson.Parse<Bundle>(example));
        }
    }

    async Task<string> GetAsync(string url)
    {
        using var client = await app.ClientAsync(AppFixture.Clinician);
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Uuid();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?")]
    private static partial Regex DateOrInstant();

    [GeneratedRegex(@"T-\d{5}-[0-9A-F]{4}")]
    private static partial Regex TestMrn();   // Cases/TestData: a number and a random suffix per registered patient

    [GeneratedRegex("[0-9a-f]{64}")]
    private static partial Regex Sha256();

    /// <summary>The first line where the example and the export differ, with its number; null when they are the same.</summary>
    static string? FirstDifference(string example, string exported)
    {
        string[] a = example.Split('\n'), b = exported.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var (x, y) = (i < a.Length ? a[i] : "(end)", i < b.Length ? b[i] : "(end)");
            if (x != y) return $"line {i + 1}: the example has {x.Trim()}, the export {y.Trim()}";
        }
        return null;
    }

    /// <summary>What must not change: the export without the ids, moments and hashes of one run.</summary>
    static string Shape(string json) =>
        TestMrn().Replace(Sha256().Replace(DateOrInstant().Replace(Uuid().Replace(json.Trim(), "<uuid>"), "<date>"), "<sha256>"), "<mrn>");

    /// <summary>The export with each id of the run replaced by one derived from its order of appearance, so that the
    /// checked-in file does not change with every run (the moments stay as the run wrote them).</summary>
    static string Stable(string json)
    {
        var ids = new Dictionary<string, string>();
        return Uuid().Replace(json.Trim(), m =>
        {
            if (ids.TryGetValue(m.Value, out var id)) return id;
            var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"tumorboard-example-{ids.Count}"))[..16];
            bytes[6] = (byte)((bytes[6] & 0x0f) | 0x40);   // version 4
            bytes[8] = (byte)((bytes[8] & 0x3f) | 0x80);   // RFC 4122 variant
            return ids[m.Value] = new Guid(bytes, bigEndian: true).ToString();
        });
    }
}
