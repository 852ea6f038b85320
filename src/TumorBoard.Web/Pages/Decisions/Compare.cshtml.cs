using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Web.Errors;
using TumorBoard.Web.Forms;

namespace TumorBoard.Web.Pages.Decisions;

/// <summary>What changed between two decision versions of a case (CompareDecisionVersions), older version first.</summary>
public sealed class CompareModel(ISender sender, LocalTime time) : PageModel, IFormPage
{
    string IFormPage.ModelPrefix => "";

    public Task OnFormRejectedAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Null when the two versions cannot be compared (different cases): the page shows why.</summary>
    public CompareDecisionVersions.Result? Comparison { get; private set; }

    public async Task OnGetAsync(Guid id, Guid otherId, CancellationToken ct) =>
        Comparison = await sender.Send(new CompareDecisionVersions.Query(id, otherId), ct);

    public string Describe(CompareDecisionVersions.Side v) =>
        $"Version {v.Number} ({Domain.Common.DisplayWords.LocalInSentence(v.Status)}), recorded {time.ShowSeconds(v.CreatedAt)} by {v.CreatedByName}"
        + (v.SignedAt is { } at ? $", signed {time.ShowSeconds(at)} by {v.SignerName}" : ", not signed");
}
