using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Scores;

namespace TumorBoard.UnitTests.Scores;

public class TokuhashiTotalTests
{
    // Every valid KPS, counts covering each band (and beyond), every enum member.
    private static IEnumerable<TokuhashiInput> AllCombinations() =>
        from kps in Enumerable.Range(1, 10).Select(i => i * 10)
        from extraspinal in Enumerable.Range(0, 5)
        from vertebral in Enumerable.Range(1, 4)
        from visceral in Enum.GetValues<VisceralMetastases>()
        from site in Enum.GetValues<TokuhashiPrimarySite>()
        from frankel in Enum.GetValues<FrankelGrade>()
        select new TokuhashiInput
        {
            Karnofsky = kps, ExtraspinalBoneMetastases = extraspinal, VertebralBodyMetastases = vertebral,
            VisceralMetastases = visceral, PrimarySite = site, Frankel = frankel,
        };

    [Fact]
    public void Every_combination_totals_the_sum_of_its_points_and_lands_in_its_band()
    {
        var reached = new HashSet<int>();
        var count = 0;
        foreach (var input in AllCombinations())
        {
            var r = Tokuhashi.Compute(input);
            var p = r.Points;
            r.Complete.ShouldBeTrue();
            r.Total.ShouldBe(p.GeneralCondition + p.ExtraspinalBoneMetastases + p.VertebralBodyMetastases
                + p.VisceralMetastases + p.PrimarySite + p.Frankel);
            r.Prognosis.ShouldBe(r.Total <= 8 ? TokuhashiPrognosis.LessThan6Months
                : r.Total <= 11 ? TokuhashiPrognosis.AtLeast6Months : TokuhashiPrognosis.AtLeast12Months);
            reached.Add(r.Total!.Value);
            count++;
        }
        count.ShouldBe(10 * 5 * 4 * 3 * 17 * 5);
        reached.Order().ShouldBe(Enumerable.Range(0, 16));
    }

    [Fact]
    public void The_prognosis_bands_partition_0_to_15_without_gaps_or_overlaps()
    {
        var bands = Enumerable.Range(0, 16).Select(Tokuhashi.PrognosisFor).ToList();
        bands.Count(b => b == TokuhashiPrognosis.LessThan6Months).ShouldBe(9);  // 0-8
        bands.Count(b => b == TokuhashiPrognosis.AtLeast6Months).ShouldBe(3);   // 9-11
        bands.Count(b => b == TokuhashiPrognosis.AtLeast12Months).ShouldBe(4);  // 12-15
        bands.ShouldBe(bands.Order().ToList());
        Should.Throw<ArgumentOutOfRangeException>(() => Tokuhashi.PrognosisFor(-1));
        Should.Throw<ArgumentOutOfRangeException>(() => Tokuhashi.PrognosisFor(16));
    }

    [Theory]
    [InlineData(8, TokuhashiPrognosis.LessThan6Months)]
    [InlineData(9, TokuhashiPrognosis.AtLeast6Months)]
    [InlineData(11, TokuhashiPrognosis.AtLeast6Months)]
    [InlineData(12, TokuhashiPrognosis.AtLeast12Months)]
    public void Boundary_totals_fall_on_the_right_side(int total, TokuhashiPrognosis prognosis)
    {
        var result = AllCombinations().Select(Tokuhashi.Compute).First(r => r.Total == total);
        result.Prognosis.ShouldBe(prognosis);
    }
}
