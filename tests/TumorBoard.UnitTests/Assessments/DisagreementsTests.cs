using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Clinical;
using static TumorBoard.UnitTests.Assessments.Contents;

namespace TumorBoard.UnitTests.Assessments;

public sealed class DisagreementsTests
{
    static NeurosurgeryContent Surgery => Neurosurgery() with { TargetLevels = [SpinalLevel.T5] };

    [Fact]
    public void Consistent_assessments_disagree_on_nothing()
    {
        Disagreements.Between(Surgery, RadiationOncology(), MedicalOncology()).ShouldBeEmpty();
    }

    [Fact]
    public void Missing_assessments_disagree_on_nothing()
    {
        Disagreements.Between(null, null, null).ShouldBeEmpty();
        Disagreements.Between(Surgery, null, null).ShouldBeEmpty();
    }

    [Fact]
    public void SBRT_alone_against_separation_surgery_is_a_disagreement()
    {
        var sbrtAlone = RadiationOncology() with { Recommendation = RadiationRecommendation.SbrtSrs, Timing = RadiationTiming.NoSurgery };

        Disagreements.Between(Surgery, sbrtAlone, MedicalOncology())
            .ShouldBe(["Radiation oncology recommends SBRT/SRS without surgery, while neurosurgery recommends separation surgery."]);
    }

    [Fact]
    public void Radiotherapy_planned_around_surgery_that_neurosurgery_does_not_recommend_is_a_disagreement()
    {
        var noSurgery = Surgery with { Recommendation = NeurosurgeryRecommendation.None };

        Disagreements.Between(noSurgery, RadiationOncology(), null)
            .ShouldHaveSingleItem().ShouldContain("neurosurgery recommends no surgery");
    }

    [Fact]
    public void Separation_surgery_without_radiotherapy_is_a_disagreement()
    {
        var none = new RadiationOncologyContent { Reirradiation = false, Recommendation = RadiationRecommendation.None };

        Disagreements.Between(Surgery, none, null).ShouldHaveSingleItem().ShouldContain("recommends no radiotherapy");
    }

    [Fact]
    public void Different_target_levels_are_named()
    {
        Disagreements.Between(Neurosurgery(), RadiationOncology(), null)
            .ShouldBe(["Target levels differ: neurosurgery T4, T5, T6, radiation oncology T5."]);
    }

    [Fact]
    public void Open_surgery_with_an_expected_survival_under_3_months_is_a_disagreement()
    {
        var shortSurvival = MedicalOncology() with { ExpectedSurvival = ExpectedSurvival.LessThan3Months };

        Disagreements.Between(Surgery, null, shortSurvival)
            .ShouldBe(["Medical oncology expects survival under 3 months, while neurosurgery recommends separation surgery."]);
    }

    [Fact]
    public void Fitness_and_Frankel_grades_that_contradict_each_other_are_listed()
    {
        var other = MedicalOncology() with { FitForSystemicTherapy = false, Frankel = FrankelGrade.E };

        var lines = Disagreements.Between(Surgery, null, other);

        lines.Count.ShouldBe(2);
        lines.ShouldContain(l => l.Contains("not fit for systemic therapy"));
        lines.ShouldContain("Frankel grade differs: neurosurgery D, medical oncology E.");
    }
}
