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

    /// <summary>Trailing blank lesion rows (the spare row) are not lesions.</summary>
    protected override NeurosurgeryContent Trimmed(NeurosurgeryContent input)
    {
        var rows = input.Lesions.ToList();
        while (rows.Count > 0 && rows[^1] == new LesionAssessment()) rows.RemoveAt(rows.Count - 1);
        return input with { Lesions = rows };
    }

    /// <summary>One spare row for a lesion the case does not list.</summary>
    protected override void Shape()
    {
        if (!ReadOnly && (Input.Lesions.Count == 0 || Input.Lesions[^1] != new LesionAssessment()))
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
