using TumorBoard.Application.Features.Analytics.Metrics;

namespace TumorBoard.Application.Features.Analytics;

/// <summary>
/// The board quality measures of pathways.md §2, in its order. Adding a measure is adding its class here. Not yet here:
/// the share within the MSCC targets (measure 10) and the fast-track breaches, which need the MSCC triage and clocks.
/// </summary>
public static class QualityMetrics
{
    public static readonly IReadOnlyList<QualityMetric> All =
    [
        new Coverage(), new Prospective(), new Attendance(), new CaseQuorum(), new ListingCompleteness(), new Deferral(),
        new MoreInformationNeeded(), new NomsConcordanceRate(), new Implementation(), new Rediscussion(), new TimeToDecision(),
        new TimeToTreatment(), new ReportOpened(), new Amendments(),
    ];
}
