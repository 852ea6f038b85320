using TumorBoard.Application.Features.Decisions;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.IntegrationTests.Meetings;

namespace TumorBoard.IntegrationTests.Decisions;

/// <summary>A P1 case ready for the board (the default test case: Frankel D with myelopathy) and its emergency plan (issue #14 part 1).</summary>
public static class EmergencyPlanTestData
{
    public static Task<Guid> P1CaseAsync(AppFixture app) => MeetingTestData.ReadyCaseAsync(app);

    public static string CreateUrl(Guid caseId) => $"/api/v1/cases/{caseId}/emergency-plans";
    public static string SignUrl(Guid decisionId) => $"/api/v1/decisions/{decisionId}/emergency-signatures";

    public static object SignBody(string discipline, string? password = null) =>
        new { discipline, password = password ?? AppFixture.Password };

    public static async Task<DecisionSaved> DraftAsync(AppFixture app, Guid caseId, string by = AppFixture.Neurosurgeon) =>
        await app.Send(by, new RecordEmergencyPlan.Command { CaseId = caseId, Content = await DecisionTestData.ContentAsync(app) });

    public static Task<DecisionSaved> SignAsync(AppFixture app, Guid decisionId, string by, Discipline discipline) =>
        app.Send(by, new SignEmergencyPlan.Command { DecisionId = decisionId, Discipline = discipline, Password = AppFixture.Password });

    /// <summary>Drafted by the neurosurgeon, signed by the neurosurgeon and the radiation oncologist.</summary>
    public static async Task<DecisionSaved> SignedAsync(AppFixture app, Guid caseId)
    {
        var draft = await DraftAsync(app, caseId);
        await SignAsync(app, draft.Id, AppFixture.Neurosurgeon, Discipline.Neurosurgery);
        return await SignAsync(app, draft.Id, AppFixture.RadOnc, Discipline.RadiationOncology);
    }
}
