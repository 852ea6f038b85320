using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Scores;
using static TumorBoard.UnitTests.Assessments.Contents;

namespace TumorBoard.UnitTests.Decisions;

/// <summary>The pre-fill rules of the decision plan and of the medical oncology form, as tables.</summary>
public sealed class PrefillTests
{
    public static TheoryData<string, RadiationTiming?, PlanStepKind[], StepTiming?[]> Plans => new()
    {
        { "postoperative SBRT after separation surgery", RadiationTiming.AfterSurgery,
            [PlanStepKind.SeparationSurgery, PlanStepKind.SbrtSrs, PlanStepKind.SystemicTherapy, PlanStepKind.BoneModifyingAgent],
            [null, StepTiming.AfterPreviousStep, null, null] },
        { "radiotherapy before surgery comes first", RadiationTiming.BeforeSurgery,
            [PlanStepKind.SbrtSrs, PlanStepKind.SeparationSurgery, PlanStepKind.SystemicTherapy, PlanStepKind.BoneModifyingAgent],
            [null, StepTiming.AfterPreviousStep, null, null] },
    };

    [Theory]
    [MemberData(nameof(Plans))]
    public void The_plan_follows_the_recommendations_in_their_order(string situation, RadiationTiming? timing, PlanStepKind[] kinds, StepTiming?[] timings)
    {
        var ro = RadiationOncology() with { Recommendation = RadiationRecommendation.SbrtSrs, Timing = timing };
        var mo = MedicalOncology() with { SystemicTherapy = SystemicTherapyPlan.Continue, BoneModifyingAgent = BoneModifyingAgent.Denosumab };

        var plan = DecisionPrefill.Plan(Neurosurgery(), ro, mo);

        plan.Select(p => p.Step.Kind!.Value).ShouldBe(kinds, situation);
        plan.Select(p => p.Step.Timing).ShouldBe(timings, situation);
    }

    [Fact]
    public void Each_step_names_its_source_and_carries_levels_dose_and_fractions()
    {
        var plan = DecisionPrefill.Plan(Neurosurgery(), RadiationOncology(), null);

        plan.Select(p => p.Source).ShouldBe(["from the neurosurgery assessment", "from the radiation oncology assessment"]);
        plan[0].Step.TargetLevels.ShouldBe([SpinalLevel.T4, SpinalLevel.T5, SpinalLevel.T6]);
        (plan[1].Step.DoseGy, plan[1].Step.Fractions, plan[1].Step.TargetLevels.Single()).ShouldBe((27m, 3, SpinalLevel.T5));
    }

    [Fact]
    public void No_recommendation_no_step_and_acute_myelopathy_makes_surgery_an_emergency()
    {
        DecisionPrefill.Plan(Neurosurgery() with { Recommendation = NeurosurgeryRecommendation.None },
            RadiationOncology() with { Recommendation = RadiationRecommendation.None },
            MedicalOncology() with { SystemicTherapy = SystemicTherapyPlan.None, BoneModifyingAgent = BoneModifyingAgent.None }).ShouldBeEmpty();
        DecisionPrefill.Plan(null, null, null).ShouldBeEmpty();
        DecisionPrefill.Plan(Neurosurgery() with { Myelopathy = true, Course = NeurologicalCourse.Acute }, null, null)
            .Single().Step.Timing.ShouldBe(StepTiming.Emergency);
    }

    public static TheoryData<PrimaryHistology, TokuhashiPrimarySite?, TomitaPrimaryGrowth?> Histologies => new()
    {
        { PrimaryHistology.Breast, TokuhashiPrimarySite.Breast, TomitaPrimaryGrowth.Slow },
        { PrimaryHistology.RenalCell, TokuhashiPrimarySite.Kidney, TomitaPrimaryGrowth.Moderate },
        { PrimaryHistology.LungNsclc, TokuhashiPrimarySite.Lung, TomitaPrimaryGrowth.Rapid },
        { PrimaryHistology.UnknownPrimary, TokuhashiPrimarySite.Unidentified, TomitaPrimaryGrowth.Rapid },
        { PrimaryHistology.Melanoma, TokuhashiPrimarySite.Other, null },
        { PrimaryHistology.Colorectal, null, TomitaPrimaryGrowth.Rapid },   // colon or rectum: the specialist chooses
        { PrimaryHistology.Sarcoma, null, null },
    };

    [Theory]
    [MemberData(nameof(Histologies))]
    public void The_histology_places_Tokuhashi_and_Tomita_only_where_the_tables_name_it(PrimaryHistology histology,
        TokuhashiPrimarySite? site, TomitaPrimaryGrowth? growth)
    {
        (MedicalOncologyPrefill.TokuhashiSite(histology), MedicalOncologyPrefill.TomitaGrowth(histology)).ShouldBe((site, growth));
    }

    [Fact]
    public void The_medical_oncology_form_takes_the_case_and_names_every_filled_field()
    {
        var lesion = new SpinalLesion { LevelFrom = SpinalLevel.T11, LevelTo = SpinalLevel.T11, ImagingDate = new(2026, 11, 1) };
        var prefilled = MedicalOncologyPrefill.From(new CaseDetails
        {
            Histology = PrimaryHistology.Prostate, Lesions = [lesion], ExtraspinalBoneMetastases = 0,
            VisceralMetastases = VisceralMetastases.Removable, BrainMetastases = false, CurrentSystemicTherapy = " ADT ",
        });

        var c = prefilled.Content;
        (c.TokuhashiPrimarySite, c.TomitaPrimaryGrowth, c.VertebralBodyMetastases, c.TomitaBoneMetastases)
            .ShouldBe((TokuhashiPrimarySite.Prostate, TomitaPrimaryGrowth.Slow, 1, TomitaBoneMetastases.Solitary));
        c.TomitaVisceral.ShouldBeNull();   // "removable" is not Tomita's "treatable": the specialist judges it
        c.SystemicTherapyText.ShouldBe("ADT");
        prefilled.Fields.Select(f => f.Field).ShouldBe(["TokuhashiPrimarySite", "TomitaPrimaryGrowth", "VisceralMetastases",
            "BrainMetastases", "ExtraspinalBoneMetastases", "VertebralBodyMetastases", "TomitaBoneMetastases", "SystemicTherapyText"]);
        prefilled.Fields.ShouldAllBe(f => f.Source == "from the case");
    }
}
