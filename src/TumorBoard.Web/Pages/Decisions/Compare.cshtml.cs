using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Web.Errors;
using TumorBoard.Web.Forms;
using Microsoft.Extensions.Localization;
using TumorBoard.Web.Texts;

namespace TumorBoard.Web.Pages.Decisions;

/// <summary>What changed between two decision versions of a case (CompareDecisionVersions), older version first.</summary>
public sealed class CompareModel(ISender sender, LocalTime time, IStringLocalizer<Ui> T) : PageModel, IFormPage
{
    string IFormPage.ModelPrefix => "";

    public Task OnFormRejectedAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Null when the two versions cannot be compared (different cases): the page shows why.</summary>
    public CompareDecisionVersions.Result? Comparison { get; private set; }

    public async Task OnGetAsync(Guid id, Guid otherId, CancellationToken ct) =>
        Comparison = await sender.Send(new CompareDecisionVersions.Query(id, otherId), ct);

    public string Describe(CompareDecisionVersions.Side v) =>
        v.SignedAt is { } at
            ? T["Version {0} ({1}), recorded {2} by {3}, signed {4} by {5}", v.Number, Domain.Common.DisplayWords.LocalInSentence(v.Status),
                time.ShowSeconds(v.CreatedAt), v.CreatedByName, time.ShowSeconds(at), v.SignerName ?? ""]
            : T["Version {0} ({1}), recorded {2} by {3}, not signed", v.Number, Domain.Common.DisplayWords.LocalInSentence(v.Status),
                time.ShowSeconds(v.CreatedAt), v.CreatedByName];
}
