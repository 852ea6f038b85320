using TumorBoard.Application.Features.Analytics;
using TumorBoard.Domain.Analytics;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Mscc;
using TumorBoard.Domain.Security;

namespace TumorBoard.Web.OpenApi.Examples;

public static partial class ApiExamples
{
    /// <summary>
    /// The board's autumn quarter (1 September to 30 November 2026, by meeting date, current versions): 13 meetings, 58 cases
    /// registered, 47 decisions signed, 26 fast-track clocks settled. Every measure of <see cref="QualityMetrics.All"/> in its
    /// order, with its own words.
    /// </summary>
    static GetQualityMetrics.Result QualityMetricsExample
    {
        get
        {
            Dictionary<string, MetricValue> figures = new[]
            {
                MetricFraction("coverage", 54, 58),
                MetricFraction("prospective", 47, 50),
                MetricFraction("attendance", 12, 13,
                    MetricPartOf("discipline", nameof(Discipline.MedicalOncology), DisplayWords.Of(Discipline.MedicalOncology), 13, 13),
                    MetricPartOf("discipline", nameof(Discipline.Neurosurgery), DisplayWords.Of(Discipline.Neurosurgery), 13, 13),
                    MetricPartOf("discipline", nameof(Discipline.RadiationOncology), DisplayWords.Of(Discipline.RadiationOncology), 12, 13),
                    MetricPartOf("member", NeurosurgeonId.ToString(), NeurosurgeonName, 13, 13),
                    MetricPartOf("member", MedicalOncologistId.ToString(), MedicalOncologistName, 12, 13),
                    MetricPartOf("member", RadiationOncologistId.ToString(), RadiationOncologistName, 11, 13)),
                MetricFraction("case-quorum", 44, 47, MetricPartOf("waiver", "WithWaiver", "Signed with a waiver", 2, 47)),
                MetricFraction("listing-completeness", 634, 650,
                    MetricPartOf("field", "diagnosisDate", "the date of diagnosis", 49, 50),
                    MetricPartOf("field", "frankel", "the Frankel grade", 47, 50)),
                MetricFraction("deferral", 5, 55,
                    MetricPartOf("reason", "awaiting biopsy", "Awaiting biopsy", 3, 5),
                    MetricPartOf("reason", "imaging not yet reported", "Imaging not yet reported", 2, 5)),
                MetricFraction("more-information-needed", 4, 47,
                    MetricPartOf("reason", nameof(InformationNeeded.Imaging), DisplayWords.Of(InformationNeeded.Imaging), 3, 4),
                    MetricPartOf("reason", nameof(InformationNeeded.Biopsy), DisplayWords.Of(InformationNeeded.Biopsy), 1, 4)),
                MetricFraction("noms-concordance", 38, 43,
                    MetricPartOf("reason", nameof(DiscordanceReason.PatientPreference), DisplayWords.Of(DiscordanceReason.PatientPreference), 3, 5),
                    MetricPartOf("reason", nameof(DiscordanceReason.Comorbidity), DisplayWords.Of(DiscordanceReason.Comorbidity), 2, 5)),
                MetricFraction("implementation", 71, 80,
                    MetricPartOf("reason", nameof(DeviationReason.PatientWish), DisplayWords.Of(DeviationReason.PatientWish), 6, 10),
                    MetricPartOf("reason", nameof(DeviationReason.MedicalReason), DisplayWords.Of(DeviationReason.MedicalReason), 4, 10),
                    MetricPartOf("status", nameof(FollowUpStatus.Implemented), DisplayWords.Of(FollowUpStatus.Implemented), 64, 80),
                    MetricPartOf("status", nameof(FollowUpStatus.PartiallyImplemented), DisplayWords.Of(FollowUpStatus.PartiallyImplemented), 7, 80),
                    MetricPartOf("status", nameof(FollowUpStatus.Unknown), DisplayWords.Of(FollowUpStatus.Unknown), 6, 80),
                    MetricPartOf("status", nameof(FollowUpStatus.NotImplemented), DisplayWords.Of(FollowUpStatus.NotImplemented), 3, 80)),
                MetricFraction("re-discussion", 9, 50),
                MetricDuration("referral-to-decision", 47, 139.5, 305.75),
                MetricDuration("decision-to-treatment", 36, 8, 21),
                MetricFraction("report-sent", 41, 47) with { Median = 3.25, Percentile90 = 26.5 },
                MetricFraction("within-mscc-targets", 21, 26,
                    MetricPartOf("clock", nameof(MsccClockName.Mri), DisplayWords.Of(MsccClockName.Mri), 11, 12),
                    MetricPartOf("clock", nameof(MsccClockName.TreatmentPlan), DisplayWords.Of(MsccClockName.TreatmentPlan), 8, 12),
                    MetricPartOf("clock", nameof(MsccClockName.RadiotherapyStart), DisplayWords.Of(MsccClockName.RadiotherapyStart), 2, 2),
                    MetricPartOf("triage", nameof(TriageLevel.P1), DisplayWords.Of(TriageLevel.P1), 9, 12),
                    MetricPartOf("triage", nameof(TriageLevel.P2), DisplayWords.Of(TriageLevel.P2), 12, 14)),
                MetricFraction("amendments", 3, 47),
                MetricFraction("fast-track-breaches", 5, 26,
                    MetricPartOf("clock", nameof(MsccClockName.TreatmentPlan), DisplayWords.Of(MsccClockName.TreatmentPlan), 4, 12),
                    MetricPartOf("clock", nameof(MsccClockName.Mri), DisplayWords.Of(MsccClockName.Mri), 1, 12),
                    MetricPartOf("clock", nameof(MsccClockName.RadiotherapyStart), DisplayWords.Of(MsccClockName.RadiotherapyStart), 0, 2),
                    MetricPartOf("reason", nameof(BreachReason.ImagingCapacity), DisplayWords.Of(BreachReason.ImagingCapacity), 2, 5),
                    MetricPartOf("reason", nameof(BreachReason.PatientUnfit), DisplayWords.Of(BreachReason.PatientUnfit), 1, 5),
                    MetricPartOf("reason", nameof(BreachReason.Transfer), DisplayWords.Of(BreachReason.Transfer), 1, 5),
                    MetricPartOf("reason", "", "No reason given yet", 1, 5)),
            }.ToDictionary(m => m.Key);
            return new GetQualityMetrics.Result
            {
                From = new DateOnly(2026, 9, 1), To = new DateOnly(2026, 11, 30), PeriodBy = PeriodBasis.MeetingDate, Versions = VersionScope.Latest,
                Metrics = [.. QualityMetrics.All.Select(m => m.Unavailable is { } why ? GetQualityMetrics.Pending(m, why) : figures[m.Key])],
                Months = [new("2026-09", 15, 12, 14, 27, 30), new("2026-10", 17, 14, 15, 26, 29), new("2026-11", 15, 12, 14, 18, 21)],
                TimeToDecision = [.. AnalyticsTrends.Bands.Zip(new long[] { 2, 6, 19, 14, 5, 1 }, (b, n) => new DurationBand(b.Label, b.From, b.To, n))],
            };
        }
    }

    static MetricValue MetricWords(string key)
    {
        var m = QualityMetrics.All.Single(x => x.Key == key);
        return new MetricValue { Key = m.Key, Measure = m.Measure, Title = m.Title, Definition = m.Definition, Source = m.Source, Unit = m.Unit };
    }

    static MetricValue MetricFraction(string key, long numerator, long denominator, params MetricPart[] parts) => MetricWords(key) with
    {
        Numerator = numerator, Denominator = denominator, Value = Math.Round((double)numerator / denominator, 4), Parts = parts,
    };

    static MetricValue MetricDuration(string key, long measured, double median, double percentile90) => MetricWords(key) with
    {
        Denominator = measured, Value = median, Median = median, Percentile90 = percentile90,
    };

    static MetricPart MetricPartOf(string group, string key, string label, long numerator, long denominator) => new()
    {
        Group = group, Key = key, Label = label, Numerator = numerator, Denominator = denominator,
        Value = Math.Round((double)numerator / denominator, 4),
    };

    static void AnalyticsExamples() => Response(QualityMetricsExample);
}
