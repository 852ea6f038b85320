using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Common;

namespace TumorBoard.Domain.Decisions;

/// <summary>A plan step pre-filled from a specialist's submitted recommendation, and where it comes from in words.</summary>
public sealed record PrefilledStep(PlanStep Step, string Source);

/// <summary>
/// The decision form's plan pre-filled from the submitted recommendations (issue #17 item 9): the surgical procedure and
/// its levels from neurosurgery, radiotherapy with levels, dose, fractions and its timing around surgery from radiation
/// oncology, systemic therapy and a bone-modifying agent from medical oncology. Everything stays editable; a timing the
/// assessments do not state is left for the board (the validator asks for it).
/// </summary>
public static class DecisionPrefill
{
    public static string FromAssessment(Security.Discipline discipline) => $"from the {DisplayWords.InSentence(discipline)} assessment";

    public static PlanStepKind? SurgeryStep(NeurosurgeryRecommendation recommendation) => recommendation switch
    {
        NeurosurgeryRecommendation.SeparationSurgery => PlanStepKind.SeparationSurgery,
        NeurosurgeryRecommendation.StabilisationOpen or NeurosurgeryRecommendation.StabilisationPercutaneous => PlanStepKind.Stabilisation,
        NeurosurgeryRecommendation.CementVertebroplasty or NeurosurgeryRecommendation.CementKyphoplasty => PlanStepKind.CementAugmentation,
        NeurosurgeryRecommendation.EnBlocResection => PlanStepKind.EnBlocResection,
        _ => null,
    };

    public static PlanStepKind? RadiotherapyStep(RadiationRecommendation recommendation) => recommendation switch
    {
        RadiationRecommendation.ConventionalEbrt => PlanStepKind.ConventionalEbrt,
        RadiationRecommendation.SbrtSrs or RadiationRecommendation.PostoperativeSbrt => PlanStepKind.SbrtSrs,
        _ => null,
    };

    public static IReadOnlyList<PrefilledStep> Plan(NeurosurgeryContent? ns, RadiationOncologyContent? ro, MedicalOncologyContent? mo)
    {
        PrefilledStep? surgery = ns?.Recommendation is { } n && SurgeryStep(n) is { } surgeryKind
            ? new(new PlanStep
            {
                Kind = surgeryKind, TargetLevels = [.. ns.TargetLevels.Distinct().Order()],
                // Acute or progressive myelopathy: a surgical emergency (scores.md §3.3); otherwise the board sets the timing.
                Timing = ns.Myelopathy == true && ns.Course is NeurologicalCourse.Acute or NeurologicalCourse.Progressive ? StepTiming.Emergency : null,
                Details = DisplayWords.Of(n),
            }, FromAssessment(Security.Discipline.Neurosurgery))
            : null;

        PrefilledStep? radiotherapy = ro?.Recommendation is { } r && RadiotherapyStep(r) is { } rtKind
            ? new(new PlanStep
            {
                Kind = rtKind, TargetLevels = [.. ro.TargetLevels.Distinct().Order()], DoseGy = ro.TotalDoseGy, Fractions = ro.Fractions,
                Timing = surgery is not null && (ro.Timing == RadiationTiming.AfterSurgery || r == RadiationRecommendation.PostoperativeSbrt)
                    ? StepTiming.AfterPreviousStep : null,
                Details = DisplayWords.Of(r),
            }, FromAssessment(Security.Discipline.RadiationOncology))
            : null;

        List<PrefilledStep> plan = [];
        if (surgery is not null && radiotherapy is not null && ro?.Timing == RadiationTiming.BeforeSurgery)
            plan.AddRange([radiotherapy, surgery with { Step = surgery.Step with { Timing = StepTiming.AfterPreviousStep } }]);
        else
        {
            if (surgery is not null) plan.Add(surgery);
            if (radiotherapy is not null) plan.Add(radiotherapy);
        }

        var fromMo = FromAssessment(Security.Discipline.MedicalOncology);
        if (mo?.SystemicTherapy is SystemicTherapyPlan.Start or SystemicTherapyPlan.Change or SystemicTherapyPlan.Continue)
            plan.Add(new(new PlanStep
            {
                Kind = PlanStepKind.SystemicTherapy,
                Details = string.IsNullOrWhiteSpace(mo.SystemicTherapyText)
                    ? DisplayWords.Of(mo.SystemicTherapy.Value) : $"{DisplayWords.Of(mo.SystemicTherapy.Value)}: {mo.SystemicTherapyText.Trim()}",
            }, fromMo));
        if (mo?.BoneModifyingAgent is BoneModifyingAgent.Denosumab or BoneModifyingAgent.ZoledronicAcid)
            plan.Add(new(new PlanStep { Kind = PlanStepKind.BoneModifyingAgent, Details = DisplayWords.Of(mo.BoneModifyingAgent.Value) }, fromMo));
        return plan;
    }
}
