using System.Net;
using TumorBoard.Application.Features.Analytics;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Features.FastTrack;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Mscc;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;
using static TumorBoard.IntegrationTests.Analytics.AnalyticsTestData;

namespace TumorBoard.IntegrationTests.Analytics;

/// <summary>
/// Issue #14, part 2 (quality analytics), measures 10 (within the MSCC targets) and 13 (fast-track breaches with their reasons), counted from the
/// clocks the fast track keeps, through the mediator, the API and the page, with the triage filter.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class FastTrackMetricsTests(AppFixture app) : DatabaseTest(app)
{
    static RegisterCase.Command Calm(RegisterCase.Command c) => c with { Frankel = FrankelGrade.E, Asia = null, Myelopathy = false, MsccSymptoms = [] };

    /// <summary>
    /// A P1 case whose MRI came two hours late (explained: imaging capacity) and whose plan is still not agreed 30 hours
    /// after the suspicion (breached, no reason yet); a P2 case whose MRI came within the hour (met) and whose plan clock
    /// still runs (not settled: not counted); a routine case (no clocks).
    /// </summary>
    async Task<(Guid P1, Guid P2)> ClocksAsync()
    {
        var (_, p1) = await TestData.RegisterCaseAsync(app, c => Calm(c) with { MsccSymptoms = [MsccSymptom.LimbWeakness] });
        var (_, p2) = await TestData.RegisterCaseAsync(app, c => Calm(c) with { MsccSymptoms = [MsccSymptom.NightPain] });
        await TestData.RegisterCaseAsync(app, Calm);
        var now = DateTimeOffset.UtcNow;
        await app.Send(AppFixture.Clinician, new RecordMsccTimestamp.Command { CaseId = p1, Event = MsccEvent.MsccSuspected, OccurredAt = now.AddHours(-30) });
        await app.Send(AppFixture.Clinician, new RecordMsccTimestamp.Command { CaseId = p1, Event = MsccEvent.MriWholeSpineDone, OccurredAt = now.AddHours(-4) });
        await app.Send(AppFixture.Coordinator, new ExplainBreach.Command { CaseId = p1, Clock = MsccClockName.Mri, Reason = BreachReason.ImagingCapacity });
        await app.Send(AppFixture.Clinician, new RecordMsccTimestamp.Command { CaseId = p2, Event = MsccEvent.MsccSuspected, OccurredAt = now.AddHours(-2) });
        await app.Send(AppFixture.Clinician, new RecordMsccTimestamp.Command { CaseId = p2, Event = MsccEvent.MriWholeSpineDone, OccurredAt = now.AddHours(-1) });
        return (p1, p2);
    }

    static (string Key, string Label, long? Numerator, long Denominator)[] Parts(MetricValue m, string group) =>
        [.. m.Parts.Where(p => p.Group == group).Select(p => (p.Key, p.Label, p.Numerator, p.Denominator)).OrderBy(p => p.Key, StringComparer.Ordinal)];

    [Fact]
    public async Task Settled_clocks_count_met_against_breached_by_clock_triage_and_coded_reason()
    {
        await ClocksAsync();

        var r = await app.Send(AppFixture.Coordinator, Around(app));

        var within = r.Metric("within-mscc-targets");
        (within.Available, within.UnavailableReason).ShouldBe((true, (string?)null));
        r.Fraction("within-mscc-targets").ShouldBe("1/3");   // P1 MRI late, P1 plan overdue, P2 MRI in time
        within.Value.ShouldBe(0.3333);
        Parts(within, "clock").ShouldBe([("Mri", "Whole-spine MRI", (long?)1, 2L), ("TreatmentPlan", "Treatment plan agreed", 0, 1)]);
        Parts(within, "triage").ShouldBe([("P1", "P1 emergency", (long?)0, 2L), ("P2", "P2 urgent", 1, 1)]);

        var breaches = r.Metric("fast-track-breaches");
        r.Fraction("fast-track-breaches").ShouldBe("2/3");
        Parts(breaches, "clock").ShouldBe([("Mri", "Whole-spine MRI", (long?)1, 2L), ("TreatmentPlan", "Treatment plan agreed", 1, 1)]);
        Parts(breaches, "reason").ShouldBe([("", "No reason given yet", (long?)1, 2L), ("ImagingCapacity", "Imaging capacity", 1, 2)]);
        r.Metrics.ShouldAllBe(m => m.Available);
    }

    [Fact]
    public async Task The_triage_filter_and_the_period_choose_the_clocks()
    {
        await ClocksAsync();

        (await app.Send(AppFixture.Coordinator, Around(app) with { Triage = TriageLevel.P2 })).Fraction("within-mscc-targets").ShouldBe("1/1");
        (await app.Send(AppFixture.Coordinator, Around(app) with { Triage = TriageLevel.P1 })).Fraction("fast-track-breaches").ShouldBe("2/2");
        var routine = (await app.Send(AppFixture.Coordinator, Around(app) with { Triage = TriageLevel.Routine })).Metric("within-mscc-targets");
        (routine.Numerator, routine.Denominator, routine.Value).ShouldBe(((long?)0, (long?)0, (double?)null));
        // a period that ended before any clock was due or stopped counts none of them
        var before = await app.Send(AppFixture.Coordinator, new GetQualityMetrics.Query { From = Today(app).AddDays(-60), To = Today(app).AddDays(-10) });
        before.Fraction("fast-track-breaches").ShouldBe("0/0");
    }

    [Fact]
    public async Task The_api_and_the_page_show_the_measures_with_their_breakdowns_and_the_triage_filter()
    {
        await ClocksAsync();
        var period = $"from={Today(app).AddDays(-1):yyyy-MM-dd}&to={Today(app).AddDays(30):yyyy-MM-dd}";

        var api = await app.ClientAsync(AppFixture.Clinician);
        var body = await (await api.GetAsync($"/api/v1/analytics/metrics?{period}&triage=P1")).ReadAsync();
        var breaches = body.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("key").GetString() == "fast-track-breaches");
        (breaches.GetProperty("available").GetBoolean(), breaches.GetProperty("numerator").GetInt64(), breaches.GetProperty("denominator").GetInt64())
            .ShouldBe((true, 2L, 2L));
        breaches.GetProperty("parts").EnumerateArray().ShouldContain(p => p.GetProperty("group").GetString() == "reason"
            && p.GetProperty("key").GetString() == "" && p.GetProperty("label").GetString() == "No reason given yet");
        using var refused = await api.GetAsync($"/api/v1/analytics/metrics?{period}&triage=P3");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var page = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var html = await page.GetStringAsync($"/Analytics?From={Today(app).AddDays(-1):yyyy-MM-dd}&To={Today(app).AddDays(30):yyyy-MM-dd}&Triage=P1");
        html.ShouldContain("<tr id=\"measure-fast-track-breaches\">");
        html.ShouldNotContain("Not available yet");
        html.ShouldContain("<option selected=\"selected\" value=\"P1\">");
        html.ShouldContain("<table id=\"parts-fast-track-breaches\">");
        html.ShouldContain("No reason given yet");
        html.ShouldContain("triage=P1");   // the CSV links keep the filter
    }
}
