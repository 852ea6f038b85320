using System.Net;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Decisions;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.IntegrationTests.Meetings;

namespace TumorBoard.IntegrationTests.Http;

/// <summary>Who may call which endpoint: reads for the care team, writes for the coordinator, nothing clinical for the administrator.</summary>
[Collection(AppCollection.Name)]
public sealed class RoleMatrixTests(AppFixture app) : DatabaseTest(app)
{
    const int Ok = 200, Created = 201, Forbidden = 403, Unauthorized = 401;

    static readonly (string Endpoint, int Coordinator, int Specialist, int Clinician, int Admin, int Anonymous)[] Matrix =
    [
        ("GET /api/v1/patients",                 Ok,      Ok,        Ok,        Forbidden, Unauthorized),
        ("GET /api/v1/patients/{patient}",       Ok,      Ok,        Ok,        Forbidden, Unauthorized),
        ("POST /api/v1/patients",                Created, Forbidden, Forbidden, Forbidden, Unauthorized),
        ("PUT /api/v1/patients/{patient}",       Ok,      Forbidden, Forbidden, Forbidden, Unauthorized),
        ("POST /api/v1/patients/$import",        Created, Forbidden, Forbidden, Forbidden, Unauthorized),
        ("GET /api/v1/cases",                    Ok,      Ok,        Ok,        Forbidden, Unauthorized),
        ("GET /api/v1/cases/{case}",             Ok,      Ok,        Ok,        Forbidden, Unauthorized),
        ("POST /api/v1/cases",                   Created, Forbidden, Forbidden, Forbidden, Unauthorized),
        ("PUT /api/v1/cases/{case}",             Ok,      Forbidden, Forbidden, Forbidden, Unauthorized),
        ("POST /api/v1/cases/{case}/ready",      Ok,      Forbidden, Forbidden, Forbidden, Unauthorized),
        ("POST /api/v1/cases/{case}/withdraw",   Ok,      Forbidden, Forbidden, Forbidden, Unauthorized),
        ("GET /api/v1/cases/{case}/history",     Ok,      Ok,        Ok,        Forbidden, Unauthorized),
        ("GET /api/v1/cases/{case}/history/export", Ok,   Ok,        Ok,        Forbidden, Unauthorized),
        ("GET /api/v1/audit/verify",             Forbidden, Forbidden, Forbidden, Ok,      Unauthorized),
        ("GET /api/v1/meetings/{meeting}/agenda/{item}/board", Ok, Ok,   Ok,        Forbidden, Unauthorized),
        ("GET /api/v1/audit/entries",            Forbidden, Forbidden, Forbidden, Ok,      Unauthorized),
        ("GET /api/v1/audit/entries?operation=Read&entityId={case}", Forbidden, Forbidden, Forbidden, Ok, Unauthorized),
        ("GET /api/v1/follow-ups/overdue",       Ok,      Forbidden, Forbidden, Forbidden, Unauthorized),
        ("GET /api/v1/follow-ups/mine",          Ok,      Ok,        Ok,        Forbidden, Unauthorized),
        ("GET /api/v1/cases/{case}/fast-track",  Ok,      Ok,        Ok,        Forbidden, Unauthorized),
        ("GET /api/v1/worklists/fast-track",     Ok,      Ok,        Ok,        Forbidden, Unauthorized),
        ("GET /api/v1/analytics/metrics",        Ok,      Ok,        Ok,        Forbidden, Unauthorized),
        ("GET /api/v1/analytics/export.csv?kind=decisions", Ok, Ok,   Ok,        Forbidden, Unauthorized),
        ("GET /api/v1/analytics/export.csv?kind=steps&identified=true", Ok, Forbidden, Forbidden, Forbidden, Unauthorized),
        // decisions (set up by Decisions/DecisionRoleMatrix: the specialist chairs the meeting and is responsible, the clinician attends)
        ("POST /api/v1/meetings/{meeting}/agenda/{item}/decision", Created, Created, Forbidden, Forbidden, Unauthorized),
        ("POST /api/v1/meetings/{meeting}/agenda/{item}/waivers",  Forbidden, Created, Forbidden, Forbidden, Unauthorized),
        ("GET /api/v1/decisions/{decision}",                       Ok,      Ok,        Ok,        Forbidden, Unauthorized),
        ("GET /api/v1/decisions/{decision}/report.pdf",            Ok,      Ok,        Ok,        Forbidden, Unauthorized),
        ("POST /api/v1/decisions/{decision}/report-dispatches",    Created, Forbidden, Created,   Forbidden, Unauthorized),
        ("GET /api/v1/decisions/{decision}/report-dispatches",     Ok,      Ok,        Ok,        Forbidden, Unauthorized),
        ("GET /api/v1/decisions/{decision}/report-dispatches/{dispatch}", Ok, Ok,    Ok,        Forbidden, Unauthorized),
        ("PUT /api/v1/decisions/{decision}",                       Ok,      Ok,        Forbidden, Forbidden, Unauthorized),
        ("PUT /api/v1/decisions/{decision}/position",              Forbidden, Ok,      Ok,        Forbidden, Unauthorized),
        ("POST /api/v1/decisions/{decision}/sign",                 Forbidden, Ok,      Forbidden, Forbidden, Unauthorized),
        ("POST /api/v1/decisions/{decision}/amendments",           Created, Created,   Forbidden, Forbidden, Unauthorized),
        ("POST /api/v1/decisions/{decision}/follow-ups",           Created, Created,   Created,   Forbidden, Unauthorized),
        ("GET /api/v1/cases/{case}/decisions",                     Ok,      Ok,        Ok,        Forbidden, Unauthorized),
    ];

    /// <summary>
    /// Rows where the specialist's discipline decides (set up by Decisions/EmergencyPlanRoleMatrix): an emergency plan outside
    /// a meeting is written by neurosurgery or radiation oncology and signed by each for its own discipline.
    /// </summary>
    static readonly (string Endpoint, int Coordinator, int MedOnc, int RadOnc, int Neurosurgeon, int Clinician, int Admin, int Anonymous)[] ByDiscipline =
    [
        ("POST /api/v1/cases/{case}/emergency-plans",                 Forbidden, Forbidden, Created, Created, Forbidden, Forbidden, Unauthorized),
        ("POST /api/v1/decisions/{decision}/emergency-signatures",    Forbidden, Forbidden, Ok,      Ok,      Forbidden, Forbidden, Unauthorized),
    ];

    public static TheoryData<string, string, int> Rows()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var row in ByDiscipline)
        {
            data.Add(row.Endpoint, "Coordinator", row.Coordinator);
            data.Add(row.Endpoint, "MedOnc", row.MedOnc);
            data.Add(row.Endpoint, "RadOnc", row.RadOnc);
            data.Add(row.Endpoint, "Neurosurgeon", row.Neurosurgeon);
            data.Add(row.Endpoint, "Clinician", row.Clinician);
            data.Add(row.Endpoint, "Admin", row.Admin);
            data.Add(row.Endpoint, "Anonymous", row.Anonymous);
        }
        foreach (var row in Matrix)
        {
            data.Add(row.Endpoint, "Coordinator", row.Coordinator);
            data.Add(row.Endpoint, "MedOnc", row.Specialist);
            data.Add(row.Endpoint, "RadOnc", row.Specialist);
            data.Add(row.Endpoint, "Neurosurgeon", row.Specialist);
            data.Add(row.Endpoint, "Clinician", row.Clinician);
            data.Add(row.Endpoint, "Admin", row.Admin);
            data.Add(row.Endpoint, "Anonymous", row.Anonymous);
        }
        return data;
    }

    static string? Email(string who) => who switch
    {
        "Coordinator" => AppFixture.Coordinator, "MedOnc" => AppFixture.MedOnc, "RadOnc" => AppFixture.RadOnc,
        "Neurosurgeon" => AppFixture.Neurosurgeon, "Clinician" => AppFixture.Clinician, "Admin" => AppFixture.Admin,
        _ => null,
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Answers_each_role_as_the_matrix_says(string endpoint, string who, int expected)
    {
        if (EmergencyPlanRoleMatrix.Handles(endpoint)) { await EmergencyPlanRoleMatrix.AnswersAsync(app, endpoint, Email(who), expected); return; }
        if (DecisionRoleMatrix.Handles(endpoint)) { await DecisionRoleMatrix.AnswersAsync(app, endpoint, Email(who), expected); return; }
        var (patientId, caseId) = await Api.CaseAsync(app);
        using var coordinator = await app.ClientAsync(AppFixture.Coordinator);
        var method = new HttpMethod(endpoint.Split(' ')[0]);
        var url = endpoint.Split(' ')[1].Replace("{patient}", patientId.ToString()).Replace("{case}", caseId.ToString());
        if (url.Contains("{meeting}"))
        {
            var (meetingId, items, _) = await MeetingTestData.MeetingWithCasesAsync(app, cases: 1);
            url = url.Replace("{meeting}", meetingId.ToString()).Replace("{item}", items[0].ToString());
        }

        // A body and version that would succeed, so only the role decides.
        object? body = url switch
        {
            _ when method == HttpMethod.Get => null,
            "/api/v1/patients" => TestData.Patient(),
            "/api/v1/patients/$import" => null,
            "/api/v1/cases" => TestData.Case(patientId),
            _ when url.EndsWith("/withdraw") => new { reason = "Patient declined" },
            _ when url.EndsWith("/ready") => null,
            _ when url.StartsWith("/api/v1/patients/") => TestData.Patient() with { FamilyName = "Changed" },
            _ => TestData.Case(patientId) with { ClinicalQuestion = "Changed?" },
        };
        var ifMatch = method == HttpMethod.Put ? await Api.CurrentETagAsync(coordinator, url) : null;

        using var client = await app.ClientAsync(Email(who));
        using var request = Api.Request(method, url, body, ifMatch);
        if (url.EndsWith("/$import"))   // a FHIR record, not our JSON: a patient not yet registered
            request.Content = new StringContent(Fhir.FhirRecords.Json(Fhir.FhirRecords.Patient(mrn: "FHIR-ROLE-1")),
                System.Text.Encoding.UTF8, "application/fhir+json");
        using var response = await client.SendAsync(request);

        ((int)response.StatusCode).ShouldBe(expected, await response.Content.ReadAsStringAsync());
        if (expected >= 400) await response.ShouldBeProblemAsync(response.StatusCode);
    }
}
