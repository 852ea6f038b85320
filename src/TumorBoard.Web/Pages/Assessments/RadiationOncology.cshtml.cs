using Mediator;
using Microsoft.AspNetCore.Mvc;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Scores;
using TumorBoard.Domain.Security;

namespace TumorBoard.Web.Pages.Assessments;

public sealed class RadiationOncologyModel(ISender sender, RadiosensitivityTable table)
    : AssessmentFormPage<RadiationOncologyContent>(sender, Discipline.RadiationOncology)
{
    /// <summary>The table's class for the case's histology, shown as the pre-filled value with its source (scores.md §3.2).</summary>
    public RadiosensitivityEntry FromTable => table.Lookup(Case.Details.Histology);
    public string TableVersion => table.Version;
    public IReadOnlyList<RadiationSchedule> Schedules => RadiationSchedules.Common;

    /// <summary>The case's prior courses that touch the levels chosen in the form (all of them when none is chosen).</summary>
    public IReadOnlyList<PriorRadiotherapy> PriorAtTargets => Input.TargetLevels.Count == 0
        ? Case.Details.PriorRadiotherapy
        : PriorRadiotherapy.AtLevels(Case.Details.PriorRadiotherapy, Input.TargetLevels);

    /// <summary>The saved version's result (effective radiosensitivity, dose per fraction, prior courses, warnings).</summary>
    public RadiotherapyLive? SavedResult => Current is { } c && Computed<RadiationOncologyScores>() is { } scores
        ? new RadiotherapyLive(scores, c.Warnings, Saved: true) : null;

    /// <summary>
    /// The live result of the form as it stands (assessment-forms.js): the domain's evaluation of the posted fields against
    /// the case's histology and prior radiotherapy, the same evaluation a save runs; nothing is stored. Fields are named as
    /// on the form ("Input.TotalDoseGy", "Input.TargetLevels"); a value that does not parse is left out.
    /// </summary>
    public async Task<IActionResult> OnGetRadiotherapyAsync([FromQuery(Name = "Input")] RadiationOncologyContent live, CancellationToken ct)
    {
        var c = await Sender.Send(new Application.Features.Cases.GetCase.Query(CaseId), ct);
        return Partial("_RadiotherapyLive", RadiotherapyLive.Of(live.Evaluate(AssessmentContext.For(c.Details, table))));
    }

    /// <summary>Target levels from the case's lesions; re-irradiation pre-set when the case records prior radiotherapy there.</summary>
    protected override RadiationOncologyContent Prefill()
    {
        var d = Case.Details;
        var levels = d.Lesions.SelectMany(l => Enum.GetValues<Domain.Clinical.SpinalLevel>().Where(v => v >= l.LevelFrom && v <= l.LevelTo))
            .Distinct().Order().ToList();
        var prior = PriorRadiotherapy.AtLevels(d.PriorRadiotherapy, levels).Count > 0;
        return new() { TargetLevels = levels, Reirradiation = prior ? true : null };
    }
}
