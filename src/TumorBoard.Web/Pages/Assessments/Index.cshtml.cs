using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Domain.Assessments;

namespace TumorBoard.Web.Pages.Assessments;

/// <summary>The three latest submitted assessments side by side, their obvious disagreements and the NOMS suggestion.</summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    public GetCase.Result Case { get; private set; } = null!;
    public ListAssessments.Result List { get; private set; } = null!;
    public IReadOnlyList<AssessmentColumn> Columns { get; private set; } = [];
    public IReadOnlyList<string> Disagreements { get; private set; } = [];

    public async Task OnGetAsync(Guid caseId, CancellationToken ct)
    {
        List = await sender.Send(new ListAssessments.Query(caseId), ct);   // checks the role before any case data is read
        Case = await sender.Send(new GetCase.Query(caseId), ct);
        Columns = AssessmentJson.Disciplines.Select(d => AssessmentColumn.For(d, List)).ToList();
        T? Submitted<T>() where T : AssessmentContent => Columns.Select(c => c.Content).OfType<T>().FirstOrDefault();
        Disagreements = Domain.Assessments.Disagreements.Between(Submitted<NeurosurgeryContent>(),
            Submitted<RadiationOncologyContent>(), Submitted<MedicalOncologyContent>());
    }
}
