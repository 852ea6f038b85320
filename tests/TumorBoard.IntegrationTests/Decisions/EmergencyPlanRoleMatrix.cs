using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;
using static TumorBoard.IntegrationTests.Decisions.EmergencyPlanTestData;

namespace TumorBoard.IntegrationTests.Decisions;

/// <summary>
/// Sets up the emergency plan rows of <see cref="RoleMatrixTests"/> (issue #14 part 1): a P1 case ready for the board, and for
/// the signature a draft plan written by the neurosurgeon. Each specialist signs for their own discipline (the medical
/// oncologist and the roles that hold none try neurosurgery), so only the role and the discipline decide. Wrong passwords,
/// second signatures and the other rules are in <see cref="EmergencyPlanTests"/>.
/// </summary>
public static class EmergencyPlanRoleMatrix
{
    public static bool Handles(string endpoint) => endpoint.Contains("/emergency-");

    /// <summary>Sends the row's request as <paramref name="email"/> (null: anonymous) and checks the status (and problem body).</summary>
    public static async Task AnswersAsync(AppFixture app, string endpoint, string? email, int expected)
    {
        var (method, url) = (new HttpMethod(endpoint.Split(' ')[0]), endpoint.Split(' ')[1]);
        var caseId = await P1CaseAsync(app);
        url = url.Replace("{case}", caseId.ToString());
        object body;
        if (url.Contains("{decision}"))
        {
            var draft = await DraftAsync(app, caseId);
            url = url.Replace("{decision}", draft.Id.ToString());
            body = SignBody(email == AppFixture.RadOnc ? "RadiationOncology" : "Neurosurgery");
        }
        else body = new { content = await DecisionTestData.ContentAsync(app) };

        using var client = await app.ClientAsync(email);
        using var response = await client.SendAsync(Api.Request(method, url, body));
        ((int)response.StatusCode).ShouldBe(expected, $"{endpoint} as {email ?? "anonymous"}: {await response.Content.ReadAsStringAsync()}");
        if (expected >= 400) await response.ShouldBeProblemAsync(response.StatusCode);
    }
}
