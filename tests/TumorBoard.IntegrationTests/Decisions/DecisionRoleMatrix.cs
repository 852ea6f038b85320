using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.Reports;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;
using static TumorBoard.IntegrationTests.Decisions.DecisionTestData;

namespace TumorBoard.IntegrationTests.Decisions;

/// <summary>
/// Sets up the "decisions" rows of <see cref="RoleMatrixTests"/>: a running board and a request that would succeed, so
/// only the role decides. The acting member has the standing the record-level rule asks for (a specialist chairs the
/// meeting and is the responsible clinician; the clinician is present and responsible); who lacks it is tested in
/// <see cref="DecisionHttpProblemTests"/>.
/// </summary>
public static class DecisionRoleMatrix
{
    static readonly string[] Specialists = [AppFixture.MedOnc, AppFixture.RadOnc, AppFixture.Neurosurgeon];

    public static bool Handles(string endpoint) =>
        endpoint.Contains("{decision}") || endpoint.EndsWith("/agenda/{item}/decision") || endpoint.EndsWith("/agenda/{item}/waivers")
        || endpoint.EndsWith("/cases/{case}/decisions");

    /// <summary>Sends the row's request as <paramref name="email"/> (null: anonymous) and checks the status (and problem body).</summary>
    public static async Task AnswersAsync(AppFixture app, string endpoint, string? email, int expected)
    {
        using var request = await RequestAsync(app, endpoint, email);
        using var client = await app.ClientAsync(email);
        using var response = await client.SendAsync(request);
        ((int)response.StatusCode).ShouldBe(expected, $"{endpoint} as {email ?? "anonymous"}: {await response.Content.ReadAsStringAsync()}");
        if (expected >= 400) await response.ShouldBeProblemAsync(response.StatusCode);
    }

    static async Task<HttpRequestMessage> RequestAsync(AppFixture app, string endpoint, string? email)
    {
        var (method, url) = (new HttpMethod(endpoint.Split(' ')[0]), endpoint.Split(' ')[1]);
        var specialist = email is not null && Specialists.Contains(email);
        var waiver = url.EndsWith("/waivers");
        var board = await BoardAsync(app, withoutAssessment: waiver ? [Discipline.MedicalOncology] : null,
            chair: specialist ? email! : Chair, alsoPresent: [AppFixture.Clinician]);
        var responsible = specialist || email == AppFixture.Clinician ? email! : AppFixture.Clinician;
        var content = await ContentAsync(app) with { ResponsibleClinicianId = await app.UserIdAsync(responsible) };
        url = url.Replace("{meeting}", board.MeetingId.ToString()).Replace("{item}", board.ItemId.ToString()).Replace("{case}", board.CaseId.ToString());

        DecisionSaved? decision = null;
        if (url.Contains("{decision}"))
        {
            decision = await RecordAsync(app, board, content);
            if (url.EndsWith("/amendments") || url.EndsWith("/follow-ups") || url.Contains("/report-dispatches"))
                decision = await SignAsync(app, decision.Id, specialist ? email! : Chair);
            url = url.Replace("{decision}", decision.Id.ToString());
            if (url.Contains("{dispatch}"))
            {
                var dispatch = await app.Send(AppFixture.Coordinator, new RecordReportDispatch.Command
                    { DecisionId = decision.Id, Channel = ReportChannel.Post, Recipient = "Dr. med. Sophie Marti" });
                url = url.Replace("{dispatch}", dispatch.Id.ToString());
            }
        }
        object? body = url switch
        {
            _ when method == HttpMethod.Get => null,
            _ when url.EndsWith("/waivers") => new { discipline = "MedicalOncology", reason = "Oncologist on leave; systemic plan unchanged" },
            _ when url.EndsWith("/position") => new { kind = "Disagree", text = "SBRT alone would do." },
            _ when url.EndsWith("/sign") => SignBody(),
            _ when url.EndsWith("/amendments") => new { reason = "Dose corrected after planning",
                content = content with { Plan = [content.Plan[0], content.Plan[1] with { DoseGy = 24m, Fractions = 2 }] } },
            _ when url.EndsWith("/follow-ups") => new { stepNumber = 1, status = "Implemented" },
            _ when url.EndsWith("/report-dispatches") => new { channel = "Post", recipient = "Dr. med. Sophie Marti" },
            _ => new { content = content with { Rationale = "Changed in the meeting." } },
        };
        var ifMatch = method == HttpMethod.Put && decision is not null && !url.EndsWith("/position") ? $"\"{decision.Version}\"" : null;
        return Api.Request(method, url, body, ifMatch);
    }
}
