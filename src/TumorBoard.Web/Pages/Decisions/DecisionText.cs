using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Rendering;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Decisions;
using TumorBoard.Web.Forms;

namespace TumorBoard.Web.Pages.Decisions;

/// <summary>The decision form's option lists (words from DisplayWords) and the report's dose, NOMS and time formats.</summary>
public static class DecisionText
{
    public static List<SelectListItem> StepKinds => FormOptions.For<PlanStepKind>("— no step —");
    public static List<SelectListItem> Timings => FormOptions.For<StepTiming>("— choose —");
    public static List<SelectListItem> Intents => FormOptions.For<TreatmentIntent>("— choose —");
    public static List<SelectListItem> DiscordanceReasons => FormOptions.For<DiscordanceReason>("— not discordant —");

    /// <summary>"27 Gy in 3 fractions" for a radiotherapy step, otherwise a dash.</summary>
    public static string Dose(PlanStep step) =>
        step.DoseGy is { } d && step.Fractions is { } f ? $"{d:0.##} Gy in {f} fraction{(f == 1 ? "" : "s")}" : "—";

    /// <summary>The NOMS suggestion stored with a decision version (null when none was stored).</summary>
    public static BoardNomsResult? StoredNoms(DecisionView d) =>
        d.NomsSuggestion.ValueKind == JsonValueKind.Object ? d.NomsSuggestion.Deserialize<BoardNomsResult>(DecisionJson.Options) : null;

    public const string AmendmentNoms = "The suggestion of the meeting the decision was made in; an amendment keeps it.";

}
