using TumorBoard.Application.Features.Analytics.Metrics;

namespace TumorBoard.Application.Features.Analytics;

/// <summary>
/// The board quality measures of issue §2 of #14 (pathways.md §2), in its order. Adding a measure is adding its class here.
/// The share within the MSCC targets (measure 10) and the fast-track breaches (measure 13) are listed as not available
/// (<see cref="PendingMetric"/>): they need the MSCC fast track's triage and clocks, which main does not record yet.
/// </summary>
public static class QualityMetrics
{
    public static readonly IReadOnlyList<QualityMetric> All =
    [
        new Coverage(), new Prospective(), new Attendance(), new CaseQuorum(), new ListingCompleteness(), new Deferral(),
        new MoreInformationNeeded(), new NomsConcordanceRate(), new Implementation(), new Rediscussion(), new TimeToDecision(),
        new TimeToTreatment(), new WithinMsccTargets(), new ReportSent(), new Amendments(), new FastTrackBreaches(),
    ];
}
