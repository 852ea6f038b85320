using TumorBoard.Domain.Common;

namespace TumorBoard.Domain.Assessments;

/// <summary>
/// Obvious disagreements between the submitted assessments, as sentences for the board to discuss. Advisory and
/// deliberately narrow: only contradictions that can be read off the structured fields, never a clinical judgement.
/// </summary>
public static class Disagreements
{
    static readonly NeurosurgeryRecommendation[] OpenSurgery =
        [NeurosurgeryRecommendation.SeparationSurgery, NeurosurgeryRecommendation.StabilisationOpen, NeurosurgeryRecommendation.EnBlocResection];

    public static IReadOnlyList<string> Between(NeurosurgeryContent? neurosurgery, RadiationOncologyContent? radiationOncology,
        MedicalOncologyContent? medicalOncology)
    {
        List<string> lines = [];
        var surgery = neurosurgery?.Recommendation;
        var radiation = radiationOncology?.Recommendation;
        var operates = surgery is { } s && OpenSurgery.Contains(s);

        if (operates && radiationOncology?.Timing == RadiationTiming.NoSurgery && radiation is not (null or RadiationRecommendation.None))
            lines.Add($"Radiation oncology recommends {DisplayWords.InSentence(radiation.Value)} without surgery, "
                + $"while neurosurgery recommends {DisplayWords.InSentence(surgery!.Value)}.");
        if (surgery == NeurosurgeryRecommendation.None
            && (radiation == RadiationRecommendation.PostoperativeSbrt
                || radiationOncology?.Timing is RadiationTiming.BeforeSurgery or RadiationTiming.AfterSurgery))
            lines.Add("Radiation oncology plans radiotherapy around surgery, while neurosurgery recommends no surgery.");
        if (surgery == NeurosurgeryRecommendation.SeparationSurgery && radiation == RadiationRecommendation.None)
            lines.Add("Neurosurgery recommends separation surgery (to be followed by radiotherapy), "
                + "while radiation oncology recommends no radiotherapy.");

        if (neurosurgery is { TargetLevels.Count: > 0 } && radiationOncology is { TargetLevels.Count: > 0 }
            && !neurosurgery.TargetLevels.ToHashSet().SetEquals(radiationOncology.TargetLevels))
            lines.Add($"Target levels differ: neurosurgery {Levels(neurosurgery.TargetLevels)}, "
                + $"radiation oncology {Levels(radiationOncology.TargetLevels)}.");

        if (operates && medicalOncology?.ExpectedSurvival == ExpectedSurvival.LessThan3Months)
            lines.Add($"Medical oncology expects survival under 3 months, while neurosurgery recommends {DisplayWords.InSentence(surgery!.Value)}.");
        if (operates && medicalOncology?.FitForSystemicTherapy == false && neurosurgery?.FitForOpenSurgery == SurgicalFitness.Yes)
            lines.Add("Neurosurgery judges the patient fit for open surgery, while medical oncology judges them not fit for systemic therapy.");
        if (neurosurgery?.Frankel is { } nf && medicalOncology?.Frankel is { } mf && nf != mf)
            lines.Add($"Frankel grade differs: neurosurgery {nf}, medical oncology {mf}.");
        return lines;
    }

    static string Levels(IEnumerable<Clinical.SpinalLevel> levels) => string.Join(", ", levels.Order());
}
