using System.Text.Json.Serialization;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Scores;
using TumorBoard.Domain.Security;
using TumorBoard.Domain.Common;

namespace TumorBoard.Domain.Assessments;

/// <summary>
/// Radiosensitivity as radiation oncology sets it (scores.md §3.2): pre-filled from the table with its source;
/// <see cref="Effective"/> is the override when there is one, else the table's class.
/// </summary>
public sealed record RadiosensitivityAssessment(PrimaryHistology Histology, Radiosensitivity FromTable, bool TableVerified,
    string TableSource, string TableVersion, Radiosensitivity? Override, string? OverrideReason, Radiosensitivity Effective);

public sealed record RadiationOncologyScores(RadiosensitivityAssessment Radiosensitivity,
    IReadOnlyList<PriorRadiotherapy> PriorRadiotherapyAtTargetLevels, bool PriorRadiotherapyAtSameLevels,
    decimal? DosePerFractionGy);

public record RadiationOncologyContent : AssessmentContent
{
    [JsonIgnore] public override Discipline Discipline => Discipline.RadiationOncology;

    public override AssessmentContent AsContent() => GetType() == typeof(RadiationOncologyContent) ? this : new RadiationOncologyContent(this);

    public Radiosensitivity? RadiosensitivityOverride { get; init; }
    [MultiLine]
    public string? OverrideReason { get; init; }
    /// <summary>Radiation oncology's re-irradiation flag; the case's prior courses at the target levels are shown beside it.</summary>
    public bool? Reirradiation { get; init; }
    public RadiationRecommendation? Recommendation { get; init; }
    public decimal? TotalDoseGy { get; init; }
    public int? Fractions { get; init; }
    public List<SpinalLevel> TargetLevels { get; init; } = [];
    public RadiationTiming? Timing { get; init; }

    public RadiosensitivityAssessment RadiosensitivityFor(AssessmentContext context)
    {
        var entry = context.Table.Lookup(context.Histology);
        return new(context.Histology, entry.Radiosensitivity, entry.Verified, entry.Source, context.Table.Version,
            RadiosensitivityOverride, RadiosensitivityOverride is null ? null : OverrideReason,
            RadiosensitivityOverride ?? entry.Radiosensitivity);
    }

    public override AssessmentEvaluation Evaluate(AssessmentContext context)
    {
        var sensitivity = RadiosensitivityFor(context);
        var prior = PriorRadiotherapy.AtLevels(context.PriorRadiotherapy, TargetLevels);
        decimal? perFraction = TotalDoseGy is { } d && Fractions is > 0 ? Math.Round(d / Fractions.Value, 2) : null;

        List<string> w = [];
        if (prior.Count > 0 && Reirradiation != true)
            w.Add("The case records prior radiotherapy at the target levels but re-irradiation is not flagged.");
        if (prior.Count > 0)
            w.Add("Re-irradiation of previously treated levels: check the cumulative dose to the spinal cord.");
        if (sensitivity.Effective == Scores.Radiosensitivity.Unknown)
            w.Add("The histology is not classified by the table: set the radiosensitivity.");
        else if (RadiosensitivityOverride is null && !sensitivity.TableVerified)
            w.Add("The table's radiosensitivity for this histology rests on uncertain evidence: confirm or override it.");
        if (Recommendation is RadiationRecommendation.SbrtSrs or RadiationRecommendation.PostoperativeSbrt && Fractions > 5)
            w.Add("SBRT/SRS is usually given in 1 to 5 fractions.");
        if (Recommendation == RadiationRecommendation.ConventionalEbrt && perFraction > 8m)
            w.Add("Conventional EBRT with more than 8 Gy per fraction.");
        if (Recommendation == RadiationRecommendation.PostoperativeSbrt && Timing is not null and not RadiationTiming.AfterSurgery)
            w.Add("Postoperative SBRT is recommended with a timing other than after surgery.");
        return new AssessmentEvaluation(new RadiationOncologyScores(sensitivity, prior, prior.Count > 0, perFraction), w);
    }

    public override IReadOnlyList<string> MissingForSubmission()
    {
        List<string> m = [];
        if (Recommendation is null) m.Add("recommendation");
        if (Reirradiation is null) m.Add("reirradiation");
        if (Recommendation is not (null or RadiationRecommendation.None))
        {
            if (TotalDoseGy is null) m.Add("totalDoseGy");
            if (Fractions is null) m.Add("fractions");
            if (TargetLevels.Count == 0) m.Add("targetLevels");
            if (Timing is null) m.Add("timing");
        }
        return m;
    }
}
