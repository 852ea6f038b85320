using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Scores;

namespace TumorBoard.UnitTests.Scores;

public class SinsTotalTests
{
    private static IEnumerable<SinsInput> AllCombinations() =>
        from location in Enum.GetValues<SinsLocation>()
        from pain in Enum.GetValues<PainCharacter>()
        from bone in Enum.GetValues<SinsBoneLesion>()
        from alignment in Enum.GetValues<SinsAlignment>()
        from collapse in Enum.GetValues<SinsCollapse>()
        from posterolateral in Enum.GetValues<SinsPosterolateral>()
        select new SinsInput
        {
            Location = location, Pain = pain, BoneLesion = bone,
            Alignment = alignment, Collapse = collapse, Posterolateral = posterolateral,
        };

    [Fact]
    public void Every_combination_totals_the_sum_of_its_points_and_lands_in_its_band()
    {
        var combinations = AllCombinations().ToList();
        combinations.Count.ShouldBe(4 * 3 * 3 * 3 * 4 * 3);
        var reached = new HashSet<int>();
        foreach (var input in combinations)
        {
            var r = Sins.Compute(input);
            var p = r.Points;
            r.Complete.ShouldBeTrue();
            r.Missing.ShouldBeEmpty();
            r.Total.ShouldBe(p.Location + p.Pain + p.BoneLesion + p.Alignment + p.Collapse + p.Posterolateral);
            r.Category.ShouldBe(r.Total <= 6 ? SinsCategory.Stable : r.Total <= 12 ? SinsCategory.PotentiallyUnstable : SinsCategory.Unstable);
            r.SurgicalConsultationRecommended.ShouldBe(r.Total >= 7);
            reached.Add(r.Total!.Value);
        }
        reached.Order().ShouldBe(Enumerable.Range(0, 19)); // scores.md §1.1: every integer 0-18 is reachable
    }

    [Fact]
    public void The_bands_partition_0_to_18_without_gaps_or_overlaps()
    {
        var bands = Enumerable.Range(0, 19).Select(Sins.CategoryFor).ToList();
        bands.Count(b => b == SinsCategory.Stable).ShouldBe(7);               // 0-6
        bands.Count(b => b == SinsCategory.PotentiallyUnstable).ShouldBe(6);  // 7-12
        bands.Count(b => b == SinsCategory.Unstable).ShouldBe(6);             // 13-18
        bands.ShouldBe(bands.Order().ToList()); // contiguous: categories never go back down
        Should.Throw<ArgumentOutOfRangeException>(() => Sins.CategoryFor(-1));
        Should.Throw<ArgumentOutOfRangeException>(() => Sins.CategoryFor(19));
    }

    [Theory]
    [InlineData(6, SinsCategory.Stable, false)]
    [InlineData(7, SinsCategory.PotentiallyUnstable, true)]
    [InlineData(12, SinsCategory.PotentiallyUnstable, true)]
    [InlineData(13, SinsCategory.Unstable, true)]
    public void Boundary_totals_fall_on_the_right_side(int total, SinsCategory category, bool consult)
    {
        var input = AllCombinations().First(i => Sins.Compute(i).Total == total);
        var result = Sins.Compute(input);
        result.Category.ShouldBe(category);
        result.SurgicalConsultationRecommended.ShouldBe(consult);
    }

    [Theory]
    [InlineData("pain")]
    [InlineData("boneLesion")]
    [InlineData("alignment")]
    [InlineData("collapse")]
    [InlineData("posterolateral")]
    public void A_missing_component_gives_no_total_and_is_named(string field)
    {
        var full = AllCombinations().First();
        var input = field switch
        {
            "pain" => full with { Pain = null },
            "boneLesion" => full with { BoneLesion = null },
            "alignment" => full with { Alignment = null },
            "collapse" => full with { Collapse = null },
            _ => full with { Posterolateral = null },
        };
        var result = Sins.Compute(input);
        result.Complete.ShouldBeFalse();
        result.Total.ShouldBeNull();
        result.Category.ShouldBeNull();
        result.Missing.ShouldBe([field]);
        result.Points.Location.ShouldBe(3); // present components are still listed
    }

    [Fact]
    public void An_empty_input_names_all_six_components()
    {
        Sins.Compute(new SinsInput()).Missing
            .ShouldBe(["location", "pain", "boneLesion", "alignment", "collapse", "posterolateral"]);
    }

    [Fact]
    public void An_undefined_enum_value_is_a_validation_error_and_leaves_the_score_incomplete()
    {
        var input = AllCombinations().First() with { Collapse = (SinsCollapse)42 };
        Sins.Validate(input).Select(e => e.Field).ShouldBe(["collapse"]);
        Sins.Compute(input).Missing.ShouldBe(["collapse"]);
        Sins.Validate(AllCombinations().First()).ShouldBeEmpty();
    }

    [Fact]
    public void The_result_serializes_to_the_contract_shape()
    {
        var input = new SinsInput
        {
            Level = SpinalLevel.L1, Pain = PainCharacter.Mechanical, BoneLesion = SinsBoneLesion.Lytic,
            Alignment = SinsAlignment.DeNovoDeformity, Collapse = SinsCollapse.MoreThan50Percent,
            Posterolateral = SinsPosterolateral.Unilateral,
        };
        ScoreJson.ToNode(Sins.Compute(input)).ShouldEqualJson("""
            { "version": "SINS/Fisher2010", "complete": true, "total": 14, "category": "Unstable",
              "location": "Junctional",
              "points": { "location": 3, "pain": 3, "boneLesion": 2, "alignment": 2, "collapse": 3, "posterolateral": 1 },
              "surgicalConsultationRecommended": true, "missing": [] }
            """);
    }
}
