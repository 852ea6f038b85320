using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Scores;

namespace TumorBoard.UnitTests.Scores;

public class SinsTests
{
    private static readonly SinsInput Full = new()
    {
        Level = SpinalLevel.T12,
        Pain = PainCharacter.Mechanical,
        BoneLesion = SinsBoneLesion.Lytic,
        Alignment = SinsAlignment.DeNovoDeformity,
        Collapse = SinsCollapse.MoreThan50Percent,
        Posterolateral = SinsPosterolateral.Unilateral,
    };

    // scores.md §1.3, typed out row by row (not derived from the implementation).
    public static TheoryData<SpinalLevel, SinsLocation, int> LevelTable => new()
    {
        { SpinalLevel.Occiput, SinsLocation.Junctional, 3 }, { SpinalLevel.C1, SinsLocation.Junctional, 3 },
        { SpinalLevel.C2, SinsLocation.Junctional, 3 }, { SpinalLevel.C3, SinsLocation.Mobile, 2 },
        { SpinalLevel.C4, SinsLocation.Mobile, 2 }, { SpinalLevel.C5, SinsLocation.Mobile, 2 },
        { SpinalLevel.C6, SinsLocation.Mobile, 2 }, { SpinalLevel.C7, SinsLocation.Junctional, 3 },
        { SpinalLevel.T1, SinsLocation.Junctional, 3 }, { SpinalLevel.T2, SinsLocation.Junctional, 3 },
        { SpinalLevel.T3, SinsLocation.Semirigid, 1 }, { SpinalLevel.T4, SinsLocation.Semirigid, 1 },
        { SpinalLevel.T5, SinsLocation.Semirigid, 1 }, { SpinalLevel.T6, SinsLocation.Semirigid, 1 },
        { SpinalLevel.T7, SinsLocation.Semirigid, 1 }, { SpinalLevel.T8, SinsLocation.Semirigid, 1 },
        { SpinalLevel.T9, SinsLocation.Semirigid, 1 }, { SpinalLevel.T10, SinsLocation.Semirigid, 1 },
        { SpinalLevel.T11, SinsLocation.Junctional, 3 }, { SpinalLevel.T12, SinsLocation.Junctional, 3 },
        { SpinalLevel.L1, SinsLocation.Junctional, 3 }, { SpinalLevel.L2, SinsLocation.Mobile, 2 },
        { SpinalLevel.L3, SinsLocation.Mobile, 2 }, { SpinalLevel.L4, SinsLocation.Mobile, 2 },
        { SpinalLevel.L5, SinsLocation.Junctional, 3 }, { SpinalLevel.S1, SinsLocation.Junctional, 3 },
        { SpinalLevel.S2, SinsLocation.Rigid, 0 }, { SpinalLevel.S3, SinsLocation.Rigid, 0 },
        { SpinalLevel.S4, SinsLocation.Rigid, 0 }, { SpinalLevel.S5, SinsLocation.Rigid, 0 },
    };

    [Theory]
    [MemberData(nameof(LevelTable))]
    public void Every_published_level_maps_to_its_location_and_points(SpinalLevel level, SinsLocation location, int points)
    {
        Sins.LocationFor(level).ShouldBe(location);
        var result = Sins.Compute(Full with { Level = level });
        result.Location.ShouldBe(location);
        result.Points.Location.ShouldBe(points);
        result.Complete.ShouldBeTrue();
    }

    [Fact]
    public void The_level_table_covers_every_level_except_coccyx()
    {
        var tabled = LevelTable.Select(row => (SpinalLevel)row[0]).ToHashSet();
        Enum.GetValues<SpinalLevel>().Where(l => !tabled.Contains(l)).ShouldBe([SpinalLevel.Coccyx]);
    }

    [Fact]
    public void Coccyx_without_a_location_is_incomplete()
    {
        Sins.LocationFor(SpinalLevel.Coccyx).ShouldBeNull();
        var result = Sins.Compute(Full with { Level = SpinalLevel.Coccyx });
        result.Complete.ShouldBeFalse();
        result.Total.ShouldBeNull();
        result.Category.ShouldBeNull();
        result.SurgicalConsultationRecommended.ShouldBeNull();
        result.Missing.ShouldBe(["location"]);
        result.Points.Pain.ShouldBe(3);
    }

    [Fact]
    public void Coccyx_with_a_user_chosen_location_is_scored_and_counts_as_an_override()
    {
        var input = Full with { Level = SpinalLevel.Coccyx, Location = SinsLocation.Rigid };
        var result = Sins.Compute(input);
        result.Complete.ShouldBeTrue();
        result.Points.Location.ShouldBe(0);
        Sins.IsLocationOverridden(input).ShouldBeTrue();
    }

    [Fact]
    public void A_user_supplied_location_overrides_the_level_mapping()
    {
        var input = Full with { Level = SpinalLevel.T12, Location = SinsLocation.Semirigid };
        var result = Sins.Compute(input);
        result.Location.ShouldBe(SinsLocation.Semirigid);
        result.Points.Location.ShouldBe(1);
        Sins.IsLocationOverridden(input).ShouldBeTrue();
        Sins.IsLocationOverridden(input with { Location = SinsLocation.Junctional }).ShouldBeFalse();
    }

    [Fact]
    public void Neither_level_nor_location_reports_location_missing()
    {
        var result = Sins.Compute(Full with { Level = null });
        result.Complete.ShouldBeFalse();
        result.Missing.ShouldBe(["location"]);
    }

    [Theory]
    [InlineData(SinsLocation.Junctional, 3)]
    [InlineData(SinsLocation.Mobile, 2)]
    [InlineData(SinsLocation.Semirigid, 1)]
    [InlineData(SinsLocation.Rigid, 0)]
    public void Location_points_follow_the_table(SinsLocation value, int points) => Sins.Points(value).ShouldBe(points);

    [Theory]
    [InlineData(PainCharacter.Mechanical, 3)]
    [InlineData(PainCharacter.Occasional, 1)]
    [InlineData(PainCharacter.None, 0)]
    public void Pain_points_are_3_1_0_not_the_circulating_misprint(PainCharacter value, int points) => Sins.Points(value).ShouldBe(points);

    [Theory]
    [InlineData(SinsBoneLesion.Lytic, 2)]
    [InlineData(SinsBoneLesion.Mixed, 1)]
    [InlineData(SinsBoneLesion.Blastic, 0)]
    public void Bone_lesion_points_follow_the_table(SinsBoneLesion value, int points) => Sins.Points(value).ShouldBe(points);

    [Theory]
    [InlineData(SinsAlignment.SubluxationTranslation, 4)]
    [InlineData(SinsAlignment.DeNovoDeformity, 2)]
    [InlineData(SinsAlignment.Normal, 0)]
    public void Alignment_points_follow_the_table(SinsAlignment value, int points) => Sins.Points(value).ShouldBe(points);

    [Theory]
    [InlineData(SinsCollapse.MoreThan50Percent, 3)]
    [InlineData(SinsCollapse.LessThan50Percent, 2)]
    [InlineData(SinsCollapse.NoCollapseOver50PercentInvolved, 1)]
    [InlineData(SinsCollapse.None, 0)]
    public void Collapse_points_follow_the_table(SinsCollapse value, int points) => Sins.Points(value).ShouldBe(points);

    [Theory]
    [InlineData(SinsPosterolateral.Bilateral, 3)]
    [InlineData(SinsPosterolateral.Unilateral, 1)]
    [InlineData(SinsPosterolateral.None, 0)]
    public void Posterolateral_points_follow_the_table(SinsPosterolateral value, int points) => Sins.Points(value).ShouldBe(points);
}
