using Microsoft.Extensions.DependencyInjection;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Analytics;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.FollowUps;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Application.Features.Meetings.Agenda;
using TumorBoard.Domain.Decisions;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Decisions;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.IntegrationTests.Meetings;

namespace TumorBoard.IntegrationTests.Analytics;

/// <summary>What <see cref="AnalyticsTestData.BoardAsync"/> built.</summary>
public sealed record AnalyticsBoard(Board Board, Guid DeferredCaseId, Guid DraftCaseId, DecisionSaved Decision);

/// <summary>
/// A hand-built board, through the commands: three cases registered; one meeting held with the three core disciplines
/// present and two cases listed: case 1 decided (all three assessments, concordant, two plan steps, step 1 implemented
/// today), case 2 deferred for want of a biopsy; case 3 left as a draft.
/// </summary>
public static class AnalyticsTestData
{
    public const string DeferralReason = "Awaiting biopsy";

    public static DateOnly Today(AppFixture app) => app.App.Services.GetRequiredService<BoardClock>().Today;

    /// <summary>The period around the test meetings (they lie a few days ahead).</summary>
    public static GetQualityMetrics.Query Around(AppFixture app) => new() { From = Today(app).AddDays(-1), To = Today(app).AddDays(30) };

    public static async Task<AnalyticsBoard> BoardAsync(AppFixture app)
    {
        var board = await DecisionTestData.BoardAsync(app, start: false);
        var deferred = await MeetingTestData.ReadyCaseAsync(app);
        var item = (await app.Send(AppFixture.Coordinator, new AddCaseToAgenda.Command { MeetingId = board.MeetingId, CaseId = deferred })).ItemId;
        var (_, draft) = await TestData.RegisterCaseAsync(app);
        await app.Send(AppFixture.Coordinator, new StartMeeting.Command { MeetingId = board.MeetingId });
        var saved = await DecisionTestData.RecordAsync(app, board);
        var signed = await DecisionTestData.SignAsync(app, saved.Id);
        await app.Send(AppFixture.Coordinator, new DeferCase.Command { MeetingId = board.MeetingId, ItemId = item, Reason = DeferralReason });
        await app.Send(AppFixture.Clinician, new RecordFollowUp.Command
        {
            DecisionId = signed.Id, StepNumber = 1, Status = FollowUpStatus.Implemented, PerformedOn = Today(app),
        });
        return new AnalyticsBoard(board, deferred, draft, signed);
    }

    public static MetricValue Metric(this GetQualityMetrics.Result result, string key) => result.Metrics.Single(m => m.Key == key);

    /// <summary>"numerator/denominator" of a measure.</summary>
    public static string Fraction(this GetQualityMetrics.Result result, string key) =>
        $"{result.Metric(key).Numerator}/{result.Metric(key).Denominator}";
}
