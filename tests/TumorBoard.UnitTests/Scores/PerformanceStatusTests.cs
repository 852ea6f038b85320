using TumorBoard.Domain.Scores;

namespace TumorBoard.UnitTests.Scores;

public class PerformanceStatusTests
{
    [Theory]
    [InlineData(100, 0)] [InlineData(90, 0)]
    [InlineData(80, 1)] [InlineData(70, 1)]
    [InlineData(60, 2)] [InlineData(50, 2)]
    [InlineData(40, 3)] [InlineData(30, 3)]
    [InlineData(20, 4)] [InlineData(10, 4)]
    [InlineData(0, 5)]
    public void Every_karnofsky_value_maps_to_one_ecog_grade(int karnofsky, int ecog) =>
        PerformanceStatus.KarnofskyToEcog(karnofsky).ShouldBe(ecog);

    [Theory]
    [InlineData(0, 90, 100)]
    [InlineData(1, 70, 80)]
    [InlineData(2, 50, 60)]
    [InlineData(3, 30, 40)]
    [InlineData(4, 10, 20)]
    [InlineData(5, 0, 0)]
    public void Every_ecog_grade_maps_to_a_karnofsky_range(int ecog, int min, int max) =>
        PerformanceStatus.EcogToKarnofsky(ecog).ShouldBe(new KarnofskyRange(min, max));

    [Fact]
    public void The_two_directions_agree_for_every_valid_value()
    {
        for (var kps = 0; kps <= 100; kps += 10)
        {
            var range = PerformanceStatus.EcogToKarnofsky(PerformanceStatus.KarnofskyToEcog(kps));
            kps.ShouldBeInRange(range.KarnofskyMin, range.KarnofskyMax);
        }
    }

    [Theory]
    [InlineData(-10)] [InlineData(75)] [InlineData(110)] [InlineData(5)]
    public void An_invalid_karnofsky_is_rejected(int karnofsky)
    {
        PerformanceStatus.IsValidKarnofsky(karnofsky).ShouldBeFalse();
        Should.Throw<ArgumentOutOfRangeException>(() => PerformanceStatus.KarnofskyToEcog(karnofsky));
    }

    [Theory]
    [InlineData(-1)] [InlineData(6)]
    public void An_invalid_ecog_is_rejected(int ecog)
    {
        PerformanceStatus.IsValidEcog(ecog).ShouldBeFalse();
        Should.Throw<ArgumentOutOfRangeException>(() => PerformanceStatus.EcogToKarnofsky(ecog));
    }

    [Fact]
    public void Validate_names_each_out_of_range_field()
    {
        PerformanceStatus.Validate(75, 6).Select(e => e.Field).ShouldBe(["karnofsky", "ecog"]);
        PerformanceStatus.Validate(0, 5).ShouldBeEmpty();
        PerformanceStatus.Validate(null, null).ShouldBeEmpty();
    }
}
