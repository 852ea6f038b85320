using TumorBoard.Application.Features.Meetings;
using TumorBoard.Application.Features.Meetings.Agenda;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Meetings;

/// <summary>
/// Who may call which meetings endpoint: coordinators plan and edit agendas; the chair and coordinators record attendance
/// and conduct; the care team reads; the administrator sees no clinical data.
/// </summary>
[Collection(MeetingsDatabase.Name)]
public sealed class MeetingsRoleMatrixTests(AppFixture app) : DatabaseTest(app)
{
    const int Ok = 200, Created = 201, Forbidden = 403, Unauthorized = 401;

    static readonly (string Endpoint, int Coordinator, int Chair, int OtherSpecialist, int Clinician, int Admin)[] Matrix =
    [
        ("GET /api/v1/meetings",                              Ok,      Ok,        Ok,        Ok,        Forbidden),
        ("GET /api/v1/meetings/{meeting}",                    Ok,      Ok,        Ok,        Ok,        Forbidden),
        ("GET /api/v1/meetings/next-with-room",               Ok,      Ok,        Ok,        Ok,        Forbidden),
        ("POST /api/v1/meetings",                             Created, Forbidden, Forbidden, Forbidden, Forbidden),
        ("PUT /api/v1/meetings/{meeting}",                    Ok,      Forbidden, Forbidden, Forbidden, Forbidden),
        ("POST /api/v1/meetings/{meeting}/cancel",            Ok,      Forbidden, Forbidden, Forbidden, Forbidden),
        ("POST /api/v1/meetings/{meeting}/agenda",            Created, Forbidden, Forbidden, Forbidden, Forbidden),
        ("POST /api/v1/meetings/{meeting}/agenda/{item}/remove", Ok,   Forbidden, Forbidden, Forbidden, Forbidden),
        ("PUT /api/v1/meetings/{meeting}/agenda/order",       Ok,      Forbidden, Forbidden, Forbidden, Forbidden),
        ("POST /api/v1/meetings/{meeting}/agenda/{item}/move", Ok,     Forbidden, Forbidden, Forbidden, Forbidden),
        ("PUT /api/v1/meetings/{meeting}/agenda/{item}/minutes", Ok,   Forbidden, Forbidden, Forbidden, Forbidden),
        ("PUT /api/v1/meetings/{meeting}/attendance",         Ok,      Ok,        Forbidden, Forbidden, Forbidden),
        ("POST /api/v1/meetings/{meeting}/start",             Ok,      Ok,        Forbidden, Forbidden, Forbidden),
        ("POST /api/v1/meetings/{meeting}/agenda/{item}/discussed", Ok, Ok,       Forbidden, Forbidden, Forbidden),
        ("POST /api/v1/meetings/{meeting}/agenda/{item}/defer", Ok,    Ok,        Forbidden, Forbidden, Forbidden),
        ("POST /api/v1/meetings/{meeting}/close",             Ok,      Ok,        Forbidden, Forbidden, Forbidden),
    ];

    public static TheoryData<string, string, int> Rows()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var row in Matrix)
        {
            data.Add(row.Endpoint, AppFixture.Coordinator, row.Coordinator);
            data.Add(row.Endpoint, AppFixture.Neurosurgeon, row.Chair);
            data.Add(row.Endpoint, AppFixture.MedOnc, row.OtherSpecialist);
            data.Add(row.Endpoint, AppFixture.RadOnc, row.OtherSpecialist);
            data.Add(row.Endpoint, AppFixture.Clinician, row.Clinician);
            data.Add(row.Endpoint, AppFixture.Admin, row.Admin);
            data.Add(row.Endpoint, "anonymous", Unauthorized);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Answers_each_role_as_the_meetings_matrix_says(string endpoint, string who, int expected)
    {
        var plan = await MeetingTestData.PlanAsync(app);
        var (meetingId, items, _) = await MeetingTestData.MeetingWithCasesAsync(app, cases: 2);
        var (method, url) = (new HttpMethod(endpoint.Split(' ')[0]), endpoint.Split(' ')[1]);
        if (url.EndsWith("/discussed") || url.EndsWith("/defer") || url.EndsWith("/close"))
            await app.Send(AppFixture.Coordinator, new StartMeeting.Command { MeetingId = meetingId });
        if (url.EndsWith("/close"))
            foreach (var item in items)
                await app.Send(AppFixture.Coordinator, new MarkCaseDiscussed.Command { MeetingId = meetingId, ItemId = item });
        url = url.Replace("{meeting}", meetingId.ToString()).Replace("{item}", items[1].ToString());

        // A body and version that would succeed, so only the role decides.
        object? body = url switch
        {
            _ when method == HttpMethod.Get => null,
            "/api/v1/meetings" => plan,
            _ when url.EndsWith("/agenda") => new { caseId = await MeetingTestData.ReadyCaseAsync(app) },
            _ when url.EndsWith("/order") => new { itemIds = items.Reverse().ToArray() },
            _ when url.EndsWith("/move") => new { offset = -1 },
            _ when url.EndsWith("/minutes") => new { minutes = 15 },
            _ when url.EndsWith("/attendance") => new { presentUserIds = new[] { await app.UserIdAsync(AppFixture.Neurosurgeon) } },
            _ when url.EndsWith("/remove") || url.EndsWith("/defer") || url.EndsWith("/cancel") => new { reason = "Awaiting biopsy" },
            _ when url.EndsWith("/start") || url.EndsWith("/discussed") || url.EndsWith("/close") => null,
            _ => MeetingTestData.Update(plan) with { Title = "Changed" },
        };
        string? ifMatch = null;
        if (method == HttpMethod.Put && url == $"/api/v1/meetings/{meetingId}")
        {
            using var coordinator = await app.ClientAsync(AppFixture.Coordinator);
            ifMatch = await Api.CurrentETagAsync(coordinator, url);
        }

        using var client = await app.ClientAsync(who == "anonymous" ? null : who);
        using var response = await client.SendAsync(Api.Request(method, url, body, ifMatch));

        ((int)response.StatusCode).ShouldBe(expected, await response.Content.ReadAsStringAsync());
        if (expected >= 400) await response.ShouldBeProblemAsync(response.StatusCode);
        else if (method != HttpMethod.Get) (await response.ReadAsync()).ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Object);
    }
}
