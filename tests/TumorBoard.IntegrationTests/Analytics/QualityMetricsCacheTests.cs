using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Analytics;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.FollowUps;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Analytics;
using TumorBoard.Domain.Decisions;
using TumorBoard.IntegrationTests.Infrastructure;
using static TumorBoard.IntegrationTests.Analytics.AnalyticsTestData;

namespace TumorBoard.IntegrationTests.Analytics;

/// <summary>
/// The counts of the quality measures are served again only while nothing has committed (QualityMetricsCache): a write
/// between two requests is always counted, and one snapshot with one filter in one minute is counted once.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class QualityMetricsCacheTests(AppFixture app) : DatabaseTest(app)
{
    [Fact]
    public async Task A_count_made_before_a_write_is_never_served_after_it()
    {
        var built = await BoardAsync(app);
        (await app.Send(AppFixture.Coordinator, Around(app))).Fraction("amendments").ShouldBe("0/1");
        (await app.Send(AppFixture.Coordinator, Around(app))).Fraction("amendments").ShouldBe("0/1");

        var amendment = await app.Send(AppFixture.Coordinator, new AmendDecision.Command
        {
            DecisionId = built.Decision.Id, Reason = "Radiotherapy dose corrected",
            Content = await Decisions.DecisionTestData.ContentAsync(app) with { Rationale = "Dose corrected after radiotherapy planning." },
        });
        (await app.Send(AppFixture.Coordinator, Around(app))).Fraction("amendments").ShouldBe("0/1");   // a draft is not a version
        var signed = await Decisions.DecisionTestData.SignAsync(app, amendment.Id);
        var afterSign = await app.Send(AppFixture.Coordinator, Around(app));
        afterSign.Fraction("amendments").ShouldBe("1/1");
        afterSign.Fraction("implementation").ShouldBe("0/0");   // the new version has no follow-up yet, its date lies ahead

        await app.Send(AppFixture.Clinician, new RecordFollowUp.Command
        {
            DecisionId = signed.Id, StepNumber = 1, Status = FollowUpStatus.PartiallyImplemented, PerformedOn = Today(app),
            Reason = DeviationReason.PatientWish,
        });
        (await app.Send(AppFixture.Coordinator, Around(app))).Fraction("implementation").ShouldBe("1/1");
    }

    [Fact]
    public async Task Requests_at_once_for_one_filter_and_for_others_all_get_their_counts()
    {
        await BoardAsync(app);
        var filters = Enumerable.Range(0, 12).Select(i => i % 3 == 0 ? Around(app) with { Versions = VersionScope.All } : Around(app)).ToList();

        var results = await Task.WhenAll(filters.Select(f => app.Send(AppFixture.Coordinator, f)))
            .WaitAsync(TimeSpan.FromSeconds(60));   // the waits for a count in progress and for a free counting slot never deadlock

        results.ShouldAllBe(r => r.Fraction("amendments") == "0/1" && r.Fraction("coverage") == "1/3");
        results.Select(r => r.Versions).Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public async Task One_snapshot_and_one_filter_are_counted_once_and_another_filter_apart()
    {
        await BoardAsync(app);
        var cache = app.App.Services.GetRequiredService<QualityMetricsCache>();
        // a board clock that stands still, so that the minute in the key cannot turn between the two requests
        var clock = new BoardClock(new FakeTimeProvider(DateTimeOffset.UtcNow), app.App.Services.GetRequiredService<IOptions<BoardOptions>>());
        await using var scope = app.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TumorBoardDbContext>();
        // a repeatable-read transaction keeps one snapshot whatever the other test collections commit meanwhile
        await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead);

        var first = await cache.GetOrCountAsync(db, new AnalyticsScope(Around(app), clock), default);
        var second = await cache.GetOrCountAsync(db, new AnalyticsScope(Around(app), clock), default);
        var all = await cache.GetOrCountAsync(db, new AnalyticsScope(Around(app) with { Versions = VersionScope.All }, clock), default);

        first.Snapshot.ShouldMatch(@"^\d+:\d+:[\d,]*$");
        second.ShouldBeSameAs(first);
        all.ShouldNotBeSameAs(first);
        all.Snapshot.ShouldBe(first.Snapshot);
        first.Metrics.Single(m => m.Key == "amendments").Denominator.ShouldBe(1);
    }
}
