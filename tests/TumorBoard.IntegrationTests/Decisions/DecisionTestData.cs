using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Assessments;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.IntegrationTests.Meetings;

namespace TumorBoard.IntegrationTests.Decisions;

/// <summary>A running meeting with one case ready to decide; tests take away what they are about.</summary>
public sealed record Board(Guid MeetingId, Guid ItemId, Guid CaseId);

public static class DecisionTestData
{
    /// <summary>The chair of <see cref="MeetingTestData"/> meetings.</summary>
    public const string Chair = AppFixture.Neurosurgeon;

    /// <summary>
    /// A meeting (chair: the neurosurgeon, or <paramref name="chair"/>) with one case whose three assessments are submitted
    /// (unless left out), the three specialists present (unless <paramref name="quorum"/> is false) and
    /// <paramref name="alsoPresent"/>, started (unless <paramref name="start"/> is false).
    /// </summary>
    public static async Task<Board> BoardAsync(AppFixture app, Discipline[]? withoutAssessment = null, bool quorum = true, bool start = true,
        string chair = Chair, string[]? alsoPresent = null)
    {
        var (meetingId, items, cases) = await MeetingTestData.MeetingWithCasesAsync(app, 1);
        if (chair != Chair) await ChangeChairAsync(app, meetingId, chair);
        var caseId = cases[0];
        var skip = withoutAssessment ?? [];
        if (!skip.Contains(Discipline.Neurosurgery)) await AssessmentTestData.SubmitAsync(app, AppFixture.Neurosurgeon, AssessmentTestData.Neurosurgery(), caseId);
        if (!skip.Contains(Discipline.RadiationOncology)) await AssessmentTestData.SubmitAsync(app, AppFixture.RadOnc, AssessmentTestData.RadiationOncology(), caseId);
        if (!skip.Contains(Discipline.MedicalOncology)) await AssessmentTestData.SubmitAsync(app, AppFixture.MedOnc, AssessmentTestData.MedicalOncology(), caseId);
        var present = new List<Guid> { await app.UserIdAsync(AppFixture.Neurosurgeon), await app.UserIdAsync(AppFixture.MedOnc) };
        if (quorum) present.Add(await app.UserIdAsync(AppFixture.RadOnc));
        foreach (var email in alsoPresent ?? []) present.Add(await app.UserIdAsync(email));
        await app.Send(AppFixture.Coordinator, new RecordAttendance.Command { MeetingId = meetingId, PresentUserIds = present });
        if (start) await app.Send(AppFixture.Coordinator, new StartMeeting.Command { MeetingId = meetingId });
        return new Board(meetingId, items[0], caseId);
    }

    static async Task ChangeChairAsync(AppFixture app, Guid meetingId, string chair)
    {
        var version = await app.QueryDbAsync(db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Version).SingleAsync());
        var plan = await MeetingTestData.PlanAsync(app) with { ChairId = await app.UserIdAsync(chair) };
        await app.Send(AppFixture.Coordinator, MeetingTestData.Update(plan) with { MeetingId = meetingId, ExpectedVersion = version });
    }

    /// <summary>Separation surgery then SBRT, concordant, for the clinician.</summary>
    public static async Task<DecisionContent> ContentAsync(AppFixture app) => new()
    {
        Outcome = DecisionOutcome.TreatmentRecommendation,
        Plan =
        [
            new PlanStep { Kind = PlanStepKind.SeparationSurgery, TargetLevels = [SpinalLevel.T5], Timing = StepTiming.Urgent },
            new PlanStep { Kind = PlanStepKind.SbrtSrs, TargetLevels = [SpinalLevel.T5], DoseGy = 27m, Fractions = 3, Timing = StepTiming.AfterPreviousStep },
        ],
        Intent = TreatmentIntent.LocalControl,
        Rationale = "High-grade ESCC in a radioresistant primary: separation surgery then SBRT.",
        NomsConcordance = NomsConcordance.Concordant,
        PatientPreferences = "Wishes to keep walking; accepts surgery.",
        ResponsibleClinicianId = await app.UserIdAsync(AppFixture.Clinician),
        FollowUpDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)),
    };

    public static async Task<DecisionSaved> RecordAsync(AppFixture app, Board board, DecisionContent? content = null, string by = AppFixture.Coordinator) =>
        await app.Send(by, new RecordDecision.Command { MeetingId = board.MeetingId, ItemId = board.ItemId, Content = content ?? await ContentAsync(app) });

    public static Task<DecisionSaved> SignAsync(AppFixture app, Guid decisionId, string by = Chair) =>
        app.Send(by, new SignDecision.Command { DecisionId = decisionId, Password = AppFixture.Password });

    /// <summary>A signed decision on a fresh board.</summary>
    public static async Task<(Board Board, DecisionSaved Decision)> SignedAsync(AppFixture app, DecisionContent? content = null)
    {
        var board = await BoardAsync(app);
        var saved = await RecordAsync(app, board, content);
        return (board, await SignAsync(app, saved.Id));
    }

    /// <summary>Where the API records a decision for the board's case.</summary>
    public static string RecordUrl(Board board) => $"/api/v1/meetings/{board.MeetingId}/agenda/{board.ItemId}/decision";

    /// <summary>Where the chair waives a missing assessment for the board's case.</summary>
    public static string WaiverUrl(Board board) => $"/api/v1/meetings/{board.MeetingId}/agenda/{board.ItemId}/waivers";

    public static string Url(Guid decisionId, string rest = "") => $"/api/v1/decisions/{decisionId}{rest}";

    /// <summary>The body of POST …/sign: the signer's password re-entered (the demo password unless given).</summary>
    public static object SignBody(string? password = null) => new { password = password ?? AppFixture.Password };
}
