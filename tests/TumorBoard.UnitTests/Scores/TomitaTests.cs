using TumorBoard.Domain.Scores;

namespace TumorBoard.UnitTests.Scores;

public class TomitaTests
{
    private static IEnumerable<TomitaInput> AllCombinations() =>
        from growth in Enum.GetValues<TomitaPrimaryGrowth>()
        from visceral in Enum.GetValues<TomitaVisceral>()
        from bone in Enum.GetValues<TomitaBoneMetastases>()
        select new TomitaInput { PrimaryGrowth = growth, VisceralMetastases = visceral, BoneMetastases = bone };

    [Theory]
    [InlineData(TomitaPrimaryGrowth.Slow, 1)]
    [InlineData(TomitaPrimaryGrowth.Moderate, 2)]
    [InlineData(TomitaPrimaryGrowth.Rapid, 4)]
    public void Primary_growth_follows_the_table(TomitaPrimaryGrowth value, int points) => Tomita.Points(value).ShouldBe(points);

    [Theory]
    [InlineData(TomitaVisceral.None, 0)]
    [InlineData(TomitaVisceral.Treatable, 2)]
    [InlineData(TomitaVisceral.Untreatable, 4)]
    public void Visceral_metastases_follow_the_table(TomitaVisceral value, int points) => Tomita.Points(value).ShouldBe(points);

    [Theory]
    [InlineData(TomitaBoneMetastases.Solitary, 1)]
    [InlineData(TomitaBoneMetastases.Multiple, 2)]
    public void Bone_metastases_follow_the_table(TomitaBoneMetastases value, int points) => Tomita.Points(value).ShouldBe(points);

    [Theory]
    [InlineData(2, TomitaStrategy.WideOrMarginalExcision)]
    [InlineData(3, TomitaStrategy.WideOrMarginalExcision)]
    [InlineData(4, TomitaStrategy.MarginalOrIntralesionalExcision)]
    [InlineData(5, TomitaStrategy.MarginalOrIntralesionalExcision)]
    [InlineData(6, TomitaStrategy.PalliativeSurgery)]
    [InlineData(7, TomitaStrategy.PalliativeSurgery)]
    [InlineData(8, TomitaStrategy.SupportiveCare)]
    [InlineData(10, TomitaStrategy.SupportiveCare)]
    public void Every_strategy_row_and_boundary_follows_the_table(int total, TomitaStrategy strategy) =>
        Tomita.StrategyFor(total).ShouldBe(strategy);

    [Fact]
    public void All_eighteen_combinations_total_the_sum_of_their_points_and_reach_every_value_2_to_10()
    {
        var results = AllCombinations().Select(Tomita.Compute).ToList();
        results.Count.ShouldBe(18);
        foreach (var r in results)
        {
            r.Complete.ShouldBeTrue();
            r.Total.ShouldBe(r.Points.PrimaryGrowth + r.Points.VisceralMetastases + r.Points.BoneMetastases);
            r.Strategy.ShouldBe(Tomita.StrategyFor(r.Total!.Value));
        }
        results.Select(r => r.Total!.Value).Distinct().Order().ShouldBe(Enumerable.Range(2, 9));
    }

    [Fact]
    public void The_strategy_bands_partition_2_to_10_without_gaps_or_overlaps()
    {
        var bands = Enumerable.Range(2, 9).Select(Tomita.StrategyFor).ToList();
        bands.ShouldBe(bands.Order().ToList());
        bands.Distinct().Count().ShouldBe(4);
        Should.Throw<ArgumentOutOfRangeException>(() => Tomita.StrategyFor(1));
        Should.Throw<ArgumentOutOfRangeException>(() => Tomita.StrategyFor(11));
    }

    [Fact]
    public void A_missing_parameter_gives_no_total_and_is_named()
    {
        var result = Tomita.Compute(new TomitaInput { PrimaryGrowth = TomitaPrimaryGrowth.Slow });
        result.Complete.ShouldBeFalse();
        result.Total.ShouldBeNull();
        result.Strategy.ShouldBeNull();
        result.Points.PrimaryGrowth.ShouldBe(1);
        result.Missing.ShouldBe(["visceralMetastases", "boneMetastases"]);
    }

    [Fact]
    public void An_undefined_member_is_a_validation_error()
    {
        Tomita.Validate(new TomitaInput { BoneMetastases = (TomitaBoneMetastases)7 }).Single().Field.ShouldBe("boneMetastases");
        Tomita.Validate(AllCombinations().First()).ShouldBeEmpty();
    }

    [Fact]
    public void The_result_serializes_to_the_contract_shape()
    {
        var input = new TomitaInput
        {
            PrimaryGrowth = TomitaPrimaryGrowth.Moderate, VisceralMetastases = TomitaVisceral.Treatable,
            BoneMetastases = TomitaBoneMetastases.Multiple,
        };
        ScoreJson.ToNode(Tomita.Compute(input)).ShouldEqualJson("""
            { "version": "Tomita/2001", "complete": true, "total": 6, "strategy": "PalliativeSurgery",
              "points": { "primaryGrowth": 2, "visceralMetastases": 2, "boneMetastases": 2 }, "missing": [] }
            """);
    }
}
