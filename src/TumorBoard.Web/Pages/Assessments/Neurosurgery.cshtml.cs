using Mediator;
using Microsoft.AspNetCore.Mvc;
using TumorBoard.Application.Features.Scores;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Security;

namespace TumorBoard.Web.Pages.Assessments;

public sealed class NeurosurgeryModel(ISender sender)
    : AssessmentFormPage<NeurosurgeryContent>(sender, Discipline.Neurosurgery)
{
    /// <summary>One row per lesion of the case, its first level as the SINS index level; the case's neurology.</summary>
    protected override NeurosurgeryContent Prefill()
    {
        var d = Case.Details;
        return new()
        {
            Lesions = d.Lesions.Select(l => new LesionAssessment { IndexLevel = l.LevelFrom }).ToList(),
            Frankel = d.Frankel, Asia = d.Asia, Myelopathy = d.Myelopathy,
        };
    }

    /// <summary>Blank lesion rows (the spare rows, a row added and left empty) are not lesions.</summary>
    protected override NeurosurgeryContent Trimmed(NeurosurgeryContent input) =>
        input with { Lesions = [.. input.Lesions.Where(l => l != new LesionAssessment())] };

    /// <summary>"More lesion rows" adds blank rows up to the validator's limit of lesions.</summary>
    protected override NeurosurgeryContent WithMoreRows(NeurosurgeryContent input, string? list) => list == nameof(input.Lesions)
        ? input with { Lesions = [.. input.Lesions, .. Enumerable.Range(0, Math.Max(0, Math.Min(MoreRowsStep, MaxLesions - input.Lesions.Count)))
            .Select(_ => new LesionAssessment())] }
        : input;

    /// <summary>The validator's limit (NeurosurgeryContentValidator): no spare row beyond it.</summary>
    public const int MaxLesions = 20;

    /// <summary>
    /// The rows as sent: a posted form with a blank row between lesions is shown without it (the rows the command judged,
    /// so a message for lesion k lands on row k, and the values are the bound ones, not the posted row's); then one spare
    /// row for a lesion the case does not list.
    /// </summary>
    protected override void Shape()
    {
        var blank = new LesionAssessment();
        var lastFilled = Input.Lesions.FindLastIndex(l => l != blank);
        if (Input.Lesions.Take(lastFilled + 1).Any(l => l == blank))
        {
            Input = Trimmed(Input);
            foreach (var (_, entry) in ModelState.Where(e => e.Key.StartsWith("Input.Lesions[", StringComparison.Ordinal)))
            {
                if (entry is null) continue;
                entry.RawValue = null;
                entry.AttemptedValue = null;
            }
        }
        if (!ReadOnly && Input.Lesions.Count < MaxLesions && (Input.Lesions.Count == 0 || Input.Lesions[^1] != blank))
            Input = Input with { Lesions = [.. Input.Lesions, new LesionAssessment()] };
    }

    /// <summary>The live SINS line of one lesion row (assessment-forms.js): the calculator's query, nothing stored.</summary>
    /// <remarks>The row's ESCC grade ("escc") comes back with its category; each component's points come with the line.</remarks>
    public async Task<IActionResult> OnGetSinsAsync([FromQuery] ComputeSins.Query sins, [FromQuery] string? escc, CancellationToken ct) =>
        Partial("_SinsLive", new LesionLive(await Sender.Send(sins, ct),
            string.IsNullOrEmpty(escc) ? null : await Sender.Send(new EvaluateEscc.Query { Grade = escc }, ct)));

    public LesionScores? SavedScores(int index) =>
        Computed<NeurosurgeryScores>() is { } s && index < s.Lesions.Count ? s.Lesions[index] : null;
}
