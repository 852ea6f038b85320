using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.Application.Features.Accounts;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Assessments;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Decisions;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.IntegrationTests.Meetings;

namespace TumorBoard.IntegrationTests.Fuzz;

/// <summary>
/// What the fuzzer aims at: the app on a real Kestrel port (its own database), the operations of its OpenAPI document,
/// a token per demo role, and records at every stage (cases, a planned and a running meeting, a draft and a signed
/// decision, accounts) so that generated ids reach into the handlers instead of stopping at 404.
/// </summary>
public sealed class FuzzWorld : IAsyncDisposable
{
    public const string SignInEmail = "fuzz.signin@example.org";
    public const string TargetEmail = "fuzz.target@example.org";
    const string FuzzPassword = "Glacier-Compass-Tide-41";

    public static readonly string[] Roles =
        [AppFixture.Coordinator, AppFixture.MedOnc, AppFixture.RadOnc, AppFixture.Neurosurgeon, AppFixture.Clinician, AppFixture.Admin];

    public TumorBoardApp App { get; private init; } = null!;
    public string BaseUrl { get; private init; } = "";
    public HttpClient Http { get; private init; } = null!;
    public AppFixture Fixture { get; private init; } = null!;
    public OpenApiOperations.Reading Document { get; private set; } = null!;
    public IReadOnlyList<FuzzOperation> Operations => Document.Operations;
    public Dictionary<string, string> Tokens { get; } = [];

    /// <summary>Ids by kind ("patient", "case", "meeting", "item", "decision", "user", "account").</summary>
    public Dictionary<string, Guid[]> Ids { get; } = [];

    /// <summary>Sets of ids that belong together (a case on a meeting's agenda with its decision).</summary>
    public List<Dictionary<string, Guid>> Places { get; } = [];

    /// <summary>Valid values seen in the test data's commands, by JSON field name: generated bodies start from them.</summary>
    public Dictionary<string, List<JsonNode>> Examples { get; } = [];

    public static async Task<FuzzWorld> StartAsync()
    {
        var app = new TumorBoardApp(await TestPostgres.CreateDatabaseAsync());
        var baseUrl = app.StartOnKestrel();
        var world = new FuzzWorld
        {
            App = app, BaseUrl = baseUrl, Http = KestrelServer.Client(baseUrl), Fixture = AppFixture.Over(app),
        };
        await world.ReadDocumentAsync();
        foreach (var role in Roles) await world.RenewTokenAsync(role);
        await world.CreateRecordsAsync();
        return world;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
    }

    public async Task<bool> RenewTokenAsync(string email)
    {
        using var response = await Http.PostAsJsonAsync("/api/v1/auth/token", new { email, password = AppFixture.Password });
        if (!response.IsSuccessStatusCode) return false;
        Tokens[email] = (await response.ReadAsync()).GetProperty("accessToken").GetString()!;
        return true;
    }

    async Task ReadDocumentAsync()
    {
        var document = JsonDocument.Parse(await Http.GetStringAsync("/openapi/v1.json")).RootElement;
        var bodyTypes = App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => (Name: e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName, Type: e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType))
            .Where(e => e.Name is not null && e.Type is not null)
            .GroupBy(e => e.Name!).ToDictionary(g => g.Key, g => g.First().Type!);
        Document = OpenApiOperations.Read(document, bodyTypes);
    }

    async Task CreateRecordsAsync()
    {
        var f = Fixture;
        var draftCases = new[] { await TestData.RegisterCaseAsync(f), await TestData.RegisterCaseAsync(f) };
        var (plannedMeeting, plannedItems, plannedCases) = await MeetingTestData.MeetingWithCasesAsync(f, 2);
        var (signedBoard, signed) = await DecisionTestData.SignedAsync(f);
        var draftBoard = await DecisionTestData.BoardAsync(f);
        var draft = await DecisionTestData.RecordAsync(f, draftBoard);
        var target = await f.Send(AppFixture.Admin, new CreateAccount.Command
        {
            Email = TargetEmail, DisplayName = "Fuzz Target", Roles = [Domain.Security.Roles.Clinician], Password = FuzzPassword,
        });
        var signIn = await f.Send(AppFixture.Admin, new CreateAccount.Command
        {
            Email = SignInEmail, DisplayName = "Fuzz Sign-in", Roles = [Domain.Security.Roles.Clinician], Password = FuzzPassword,
        });

        var users = new List<Guid>();
        foreach (var role in Roles) users.Add(await f.UserIdAsync(role));
        async Task<Guid> PatientOf(Guid caseId) =>
            (await f.Send(AppFixture.Coordinator, new Application.Features.Cases.GetCase.Query(caseId))).Patient.Id;

        Places.Add(new() { ["patient"] = draftCases[0].PatientId, ["case"] = draftCases[0].CaseId });
        Places.Add(new() { ["patient"] = draftCases[1].PatientId, ["case"] = draftCases[1].CaseId, ["meeting"] = plannedMeeting });
        for (var i = 0; i < plannedItems.Length; i++)
            Places.Add(new() { ["patient"] = await PatientOf(plannedCases[i]), ["case"] = plannedCases[i], ["meeting"] = plannedMeeting, ["item"] = plannedItems[i] });
        foreach (var (board, decision) in new[] { (signedBoard, signed.Id), (draftBoard, draft.Id) })
            Places.Add(new()
            {
                ["patient"] = await PatientOf(board.CaseId), ["case"] = board.CaseId, ["meeting"] = board.MeetingId, ["item"] = board.ItemId,
                ["decision"] = decision,
            });

        foreach (var kind in new[] { "patient", "case", "meeting", "item", "decision" })
            Ids[kind] = Places.Where(p => p.ContainsKey(kind)).Select(p => p[kind]).Distinct().ToArray();
        Ids["user"] = [.. users, target.Id, signIn.Id];
        Ids["account"] = [target.Id, signIn.Id];

        var caseId = signedBoard.CaseId;
        var plan = await MeetingTestData.PlanAsync(f);
        var content = await DecisionTestData.ContentAsync(f);
        AddExamples(TestData.Patient(), TestData.Case(draftCases[0].PatientId), plan, MeetingTestData.Update(plan),
            AssessmentTestData.Neurosurgery(), AssessmentTestData.RadiationOncology(), AssessmentTestData.MedicalOncology(),
            content, new { content }, new { reason = "Requested by the referring clinician.", content },
            new { email = SignInEmail, password = FuzzPassword, displayName = "Fuzz Example", roles = new[] { Domain.Security.Roles.Clinician } },
            DecisionTestData.SignBody());
    }

    void AddExamples(params object[] commands)
    {
        foreach (var command in commands)
            foreach (var (name, value) in JsonSerializer.SerializeToNode(command, command.GetType(), Api.Json)!.AsObject())
                if (value is not null)
                    (Examples.TryGetValue(name, out var list) ? list : Examples[name] = []).Add(value.DeepClone());
    }

    /// <summary>The kind of id a parameter or field name asks for ("caseId" -> case, "presentUserIds" -> user), or null.</summary>
    public static string? KindOf(string name)
    {
        var n = name.ToLowerInvariant();
        if (n == "id") return "account";
        foreach (var (hint, kind) in new[] { ("patient", "patient"), ("case", "case"), ("meeting", "meeting"), ("item", "item"),
                     ("decision", "decision"), ("other", "decision"), ("chair", "user"), ("clinician", "user"), ("user", "user"),
                     ("actor", "user"), ("member", "user") })
            if (n.Contains(hint)) return kind;
        return null;
    }
}
