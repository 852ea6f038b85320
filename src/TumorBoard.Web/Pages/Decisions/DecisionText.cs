using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Rendering;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Web.Forms;
using Microsoft.Extensions.Localization;
using TumorBoard.Web.Texts;

namespace TumorBoard.Web.Pages.Decisions;

/// <summary>The decision form's option lists (words from DisplayWords) and the report's dose, NOMS and time formats.</summary>
public static class DecisionText
{
    public static List<SelectListItem> StepKinds(IStringLocalizer<Ui> T) => FormOptions.For<PlanStepKind>(T["— no step —"]);
    public static List<SelectListItem> Timings(IStringLocalizer<Ui> T) => FormOptions.For<StepTiming>(T["— choose —"]);
    public static List<SelectListItem> Intents(IStringLocalizer<Ui> T) => FormOptions.For<TreatmentIntent>(T["— choose —"]);
    public static List<SelectListItem> DiscordanceReasons(IStringLocalizer<Ui> T) => FormOptions.For<DiscordanceReason>(T["— not discordant —"]);

    /// <summary>"27 Gy in 3 fractions" for a radiotherapy step (the number in the page's culture), otherwise a dash.</summary>
    public static string Dose(PlanStep step, IStringLocalizer<Ui> T) =>
        step.DoseGy is { } d && step.Fractions is { } f
            ? (f == 1 ? T["{0} Gy in 1 fraction", d.ToString("0.##")] : T["{0} Gy in {1} fractions", d.ToString("0.##"), f])
            : "—";

    /// <summary>
    /// <see cref="PlanStep.Summary"/> in the page's language ("Separation surgery · T5 · Urgent (within a week)"): the
    /// stored and exported summary stays English.
    /// </summary>
    public static string Summary(PlanStep step, IStringLocalizer<Ui> T)
    {
        var parts = new List<string> { DisplayWords.Local(step.Kind) };
        if (step.TargetLevels.Count > 0) parts.Add(string.Join(", ", step.TargetLevels));
        if (step.DoseGy is not null && step.Fractions is not null) parts.Add(Dose(step, T));
        parts.Add(DisplayWords.Local(step.Timing));
        return string.Join(" · ", parts);
    }

    /// <summary>
    /// A capitalised page text inside a sentence: lower-case first letter in English, French and Italian, kept in German
    /// (nouns are capitalised), as <see cref="DisplayWords.LocalInSentence"/> does for the vocabulary. Texts are keyed by
    /// their English words, so "Version {0}" and "version {0}" cannot both be keys (resource names differ by more than case).
    /// </summary>
    public static string InSentence(string text) =>
        text.Length == 0 || System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "de"
            ? text : char.ToLowerInvariant(text[0]) + text[1..];

    /// <summary>The NOMS suggestion stored with a decision version (null when none was stored).</summary>
    public static BoardNomsResult? StoredNoms(DecisionView d) =>
        d.NomsSuggestion.ValueKind == JsonValueKind.Object ? d.NomsSuggestion.Deserialize<BoardNomsResult>(DecisionJson.Options) : null;

    public static string AmendmentNoms(IStringLocalizer<Ui> T) => T["The suggestion of the meeting the decision was made in; an amendment keeps it."];

}
