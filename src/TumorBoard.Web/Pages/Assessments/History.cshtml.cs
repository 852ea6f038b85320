using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Security;
using TumorBoard.Web.Shared;
using TumorBoard.Web.Errors;

namespace TumorBoard.Web.Pages.Assessments;

/// <summary>
/// Every version of a discipline's assessment, and what changed between two of them (GetAssessmentHistory's diff):
/// the last two by default, or any two chosen with the GET form.
/// </summary>
public sealed class HistoryModel(ISender sender) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public int? From { get; set; }
    [BindProperty(SupportsGet = true)] public int? To { get; set; }

    public Guid CaseId { get; private set; }
    public Discipline Discipline { get; private set; }
    public GetAssessmentHistory.Result History { get; private set; } = null!;
    /// <summary>The compared pair; null when there is only one version.</summary>
    public GetAssessmentHistory.Comparison? Compared { get; private set; }

    public async Task OnGetAsync(Guid caseId, string discipline, CancellationToken ct)
    {
        CaseId = caseId;
        Discipline = DisciplineRoute.Parse(discipline);   // 404 for anything but the three disciplines
        await LoadAsync(From is not null && To is not null, ct);
    }

    // Version numbers the query refuses (out of range): the default comparison, the message under the form.
    string IFormPage.ModelPrefix => "";
    public Task OnFormRejectedAsync(CancellationToken ct) => LoadAsync(chosen: false, ct);

    async Task LoadAsync(bool chosen, CancellationToken ct)
    {
        History = await sender.Send(new GetAssessmentHistory.Query(CaseId, Discipline)
            { From = chosen ? From : null, To = chosen ? To : null }, ct);
        if (chosen) Compared = History.Compared;
        else if (History.Versions.Count >= 2)
        {
            var last = History.Versions[^1];   // consecutive by default: reuse the diff from the previous version
            Compared = new GetAssessmentHistory.Comparison(last.Number - 1, last.Number, last.ChangesFromPrevious);
        }
        From = Compared?.From;
        To = Compared?.To;
    }
}
