using System.Globalization;
using TumorBoard.Domain.Common;

namespace TumorBoard.Domain.Decisions;

/// <summary>What a reader compares between two decision versions: the content, the names the server added and the amendment reason.</summary>
public sealed record DecisionFacts(DecisionContent Content, string? ResponsibleClinicianName, string? AmendmentReason)
{
    public static DecisionFacts Of(BoardDecision d) => new(d.Content, d.ResponsibleClinicianName, d.AmendmentReason);
}

/// <summary>
/// Field-by-field differences of two decision versions with human labels (<see cref="FieldDiff"/>). Plan steps are
/// compared by position: a step both versions have is compared field by field (treatment, levels, dose, fractions,
/// timing, details); a step only one version has is one row "Plan step n", added or removed, described in full.
/// </summary>
public static class DecisionDiff
{
    public static IReadOnlyList<LabelledChange> Between(DecisionFacts before, DecisionFacts after)
    {
        int old = before.Content.Plan.Count, now = after.Content.Plan.Count, slots = Math.Max(old, now);
        return FieldDiff.Between(Fields(before, now, slots), Fields(after, old, slots));
    }

    /// <summary>The labelled fields of one version; <paramref name="otherSteps"/> is the other version's plan length.</summary>
    public static IEnumerable<LabelledValue> Fields(DecisionFacts facts, int otherSteps, int slots)
    {
        var c = facts.Content;
        yield return new("outcome", "Outcome", DisplayWords.Of(c.Outcome));
        yield return new("informationNeeded", "Information needed", string.Join(", ", c.InformationNeeded.Select(i => DisplayWords.Of(i))));
        yield return new("informationNeededDetails", "Information needed: details", c.InformationNeededDetails);
        for (var i = 0; i < slots; i++)
            foreach (var field in StepFields(i, i < c.Plan.Count ? c.Plan[i] : null, i < otherSteps))
                yield return field;
        yield return new("intent", "Intent", DisplayWords.Of(c.Intent, none: ""));
        yield return new("rationale", "Rationale", c.Rationale);
        yield return new("nomsConcordance", "Concordance with the NOMS suggestion", DisplayWords.Of(c.NomsConcordance, none: ""));
        yield return new("discordanceReason", "Reason for discordance", DisplayWords.Of(c.DiscordanceReason, none: ""));
        yield return new("discordanceText", "Discordance explained", c.DiscordanceText);
        yield return new("patientPreferences", "Patient preferences", c.PatientPreferences);
        yield return new("patientPreferencesNotAvailable", "Patient preferences not available", c.PatientPreferencesNotAvailable ? "Yes" : "No");
        yield return new("patientPreferencesNotAvailableReason", "Why the preferences are not available", c.PatientPreferencesNotAvailableReason);
        yield return new("responsibleClinician", "Responsible clinician",
            facts.ResponsibleClinicianName ?? c.ResponsibleClinicianId?.ToString());
        yield return new("followUpDate", "Follow-up date", c.FollowUpDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        yield return new("amendmentReason", "Amendment reason", facts.AmendmentReason);
    }

    static IEnumerable<LabelledValue> StepFields(int index, PlanStep? step, bool otherHasStep)
    {
        var label = $"Plan step {index + 1}";
        if (step is null || !otherHasStep)
        {
            yield return new($"plan[{index}]", label, step is null ? null : Describe(step));
            yield break;
        }
        yield return new($"plan[{index}].kind", $"{label}: treatment", DisplayWords.Of(step.Kind));
        yield return new($"plan[{index}].targetLevels", $"{label}: target levels", string.Join(", ", step.TargetLevels));
        yield return new($"plan[{index}].doseGy", $"{label}: total dose (Gy)", step.DoseGy?.ToString("0.##", CultureInfo.InvariantCulture));
        yield return new($"plan[{index}].fractions", $"{label}: fractions", step.Fractions?.ToString(CultureInfo.InvariantCulture));
        yield return new($"plan[{index}].timing", $"{label}: timing", DisplayWords.Of(step.Timing));
        yield return new($"plan[{index}].details", $"{label}: details", step.Details);
    }

    /// <summary>"SBRT/SRS · T5 · 27 Gy in 3 fractions · After the previous step · details".</summary>
    public static string Describe(PlanStep step)
    {
        List<string> parts = [DisplayWords.Of(step.Kind)];
        if (step.TargetLevels.Count > 0) parts.Add(string.Join(", ", step.TargetLevels));
        if (step.DoseGy is { } dose)
            parts.Add(step.Fractions is { } f
                ? string.Create(CultureInfo.InvariantCulture, $"{dose:0.##} Gy in {f} fraction{(f == 1 ? "" : "s")}")
                : string.Create(CultureInfo.InvariantCulture, $"{dose:0.##} Gy"));
        parts.Add(DisplayWords.Of(step.Timing));
        if (!string.IsNullOrWhiteSpace(step.Details)) parts.Add(step.Details.Trim());
        return string.Join(" · ", parts);
    }
}
