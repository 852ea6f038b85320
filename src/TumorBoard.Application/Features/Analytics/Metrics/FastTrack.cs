namespace TumorBoard.Application.Features.Analytics.Metrics;

/// <summary>What the measures of the MSCC fast track wait for (issue §1 of #14, pathways.md §1): nothing of it is recorded yet.</summary>
static class FastTrack
{
    public const string NotYetRecorded =
        "Needs the MSCC fast track (triage P1/P2, the times of suspicion, MRI and treatment plan, and the pathway clocks with " +
        "their breach reasons), which is not built yet: no case has a triage or a clock, so there is nothing to count.";
}

/// <summary>
/// Timeliness within the MSCC targets (issue §2 of #14, measure 10; pathways.md §1): the share of P1 cases with MRI and plan
/// within 24 hours of suspicion, P2 within one week. Waits for the fast track's triage and clocks.
/// </summary>
public sealed class WithinMsccTargets : PendingMetric
{
    public override string Key => "within-mscc-targets";
    public override int Measure => 10;
    public override string Title => "Within the MSCC targets";
    public override string Definition => "Fast-track clocks met (MRI and treatment plan within 24 hours of suspicion for P1, within one week for P2; radiotherapy within 24 hours of the decision to treat) / fast-track clocks stopped, in the period.";
    public override string Source => "pathways.md §2, measure 10, with the targets of §1";
    public override string Unavailable => FastTrack.NotYetRecorded;
}

/// <summary>
/// Fast-track breaches with their reasons (issue §2 of #14, measure 13; the coded reasons of issue §1: patient unfit, imaging
/// capacity, patient declined, transfer, other). Waits for the fast track's clocks.
/// </summary>
public sealed class FastTrackBreaches : PendingMetric
{
    public override string Key => "fast-track-breaches";
    public override int Measure => 13;
    public override string Title => "Fast-track breaches";
    public override string Definition => "Fast-track clocks breached / fast-track clocks due, in the period; by coded breach reason (patient unfit, imaging capacity, patient declined, transfer, other).";
    public override string Source => "issue §2 of #14, measure 13; the clocks of pathways.md §1";
    public override string Unavailable => FastTrack.NotYetRecorded;
}
