using Mediator;
using Microsoft.AspNetCore.Mvc;
using TumorBoard.Application.Features.Scores;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Security;

namespace TumorBoard.Web.Pages.Assessments;

public sealed class MedicalOncologyModel(ISender sender)
    : AssessmentFormPage<MedicalOncologyContent>(sender, Discipline.MedicalOncology)
{
    /// <summary>
    /// A new assessment pre-filled from the case by the Application's query (PrefillMedicalOncology): primary site and
    /// growth group from the histology, metastases, systemic therapy, performance status; each field marked "from the case".
    /// </summary>
    protected override async ValueTask<MedicalOncologyContent> PrefillAsync(CancellationToken ct)
    {
        var prefilled = await Sender.Send(new PrefillMedicalOncology.Query(CaseId), ct);
        PrefilledFields = prefilled.Fields;
        return prefilled.Content;
    }

    /// <summary>
    /// The live revised Tokuhashi and Tomita of the form as it stands (assessment-forms.js): the calculators' queries, the
    /// one rule source, nothing stored. Fields are named "tokuhashi.Karnofsky", "tomita.PrimaryGrowth", …
    /// </summary>
    public async Task<IActionResult> OnGetPrognosisAsync([FromQuery(Name = "tokuhashi")] ComputeTokuhashi.Query tokuhashi,
        [FromQuery(Name = "tomita")] ComputeTomita.Query tomita, CancellationToken ct) =>
        Partial("_PrognosisLive", new PrognosisLive(await Sender.Send(tokuhashi, ct), await Sender.Send(tomita, ct)));
}
