using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Scores;

namespace TumorBoard.UnitTests.Scores;

public class TokuhashiTests
{
    private static readonly TokuhashiInput Full = new()
    {
        Karnofsky = 80, ExtraspinalBoneMetastases = 0, VertebralBodyMetastases = 1,
        VisceralMetastases = VisceralMetastases.None, PrimarySite = TokuhashiPrimarySite.Breast, Frankel = FrankelGrade.E,
    };

    [Theory]
    [InlineData(10, 0)] [InlineData(20, 0)] [InlineData(30, 0)] [InlineData(40, 0)]
    [InlineData(50, 1)] [InlineData(60, 1)] [InlineData(70, 1)]
    [InlineData(80, 2)] [InlineData(90, 2)] [InlineData(100, 2)]
    public void General_condition_follows_the_karnofsky_bands(int karnofsky, int points)
    {
        Tokuhashi.GeneralConditionPoints(karnofsky).ShouldBe(points);
        var result = Tokuhashi.Compute(Full with { Karnofsky = karnofsky });
        result.Points.GeneralCondition.ShouldBe(points);
        result.Derived.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(2, 1)]
    [InlineData(3, 0)]
    [InlineData(4, 0)]
    public void Ecog_alone_converts_where_it_is_safe_and_is_marked_derived(int ecog, int points)
    {
        var result = Tokuhashi.Compute(Full with { Karnofsky = null, Ecog = ecog });
        result.Complete.ShouldBeTrue();
        result.Points.GeneralCondition.ShouldBe(points);
        result.Derived.ShouldBe(["generalCondition"]);
    }

    [Fact]
    public void Ecog_1_alone_straddles_the_band_and_asks_for_karnofsky()
    {
        Tokuhashi.GeneralConditionPointsFromEcog(1).ShouldBeNull();
        var result = Tokuhashi.Compute(Full with { Karnofsky = null, Ecog = 1 });
        result.Complete.ShouldBeFalse();
        result.Total.ShouldBeNull();
        result.Prognosis.ShouldBeNull();
        result.Missing.ShouldBe(["karnofsky"]);
        result.Derived.ShouldBeEmpty();
    }

    [Fact]
    public void A_measured_karnofsky_wins_over_ecog()
    {
        var result = Tokuhashi.Compute(Full with { Karnofsky = 50, Ecog = 0 });
        result.Points.GeneralCondition.ShouldBe(1);
        result.Derived.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0)] [InlineData(5)] [InlineData(75)] [InlineData(110)] [InlineData(-10)]
    public void An_invalid_karnofsky_is_a_validation_error_and_is_not_replaced_by_ecog(int karnofsky)
    {
        var input = Full with { Karnofsky = karnofsky, Ecog = 0 };
        Tokuhashi.Validate(input).Select(e => e.Field).ShouldBe(["karnofsky"]);
        Tokuhashi.Compute(input).Missing.ShouldBe(["karnofsky"]);
    }

    [Theory]
    [InlineData(-1)] [InlineData(5)]
    public void Ecog_outside_0_to_4_is_a_validation_error(int ecog) =>
        Tokuhashi.Validate(Full with { Karnofsky = null, Ecog = ecog }).Select(e => e.Field).ShouldBe(["ecog"]);

    [Fact]
    public void Negative_counts_and_zero_vertebral_metastases_are_validation_errors()
    {
        var input = Full with { ExtraspinalBoneMetastases = -1, VertebralBodyMetastases = 0 };
        Tokuhashi.Validate(input).Select(e => e.Field).ShouldBe(["extraspinalBoneMetastases", "vertebralBodyMetastases"]);
        Tokuhashi.Compute(input).Missing.ShouldBe(["extraspinalBoneMetastases", "vertebralBodyMetastases"]);
        Tokuhashi.Validate(Full).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0, 2)] [InlineData(1, 1)] [InlineData(2, 1)] [InlineData(3, 0)] [InlineData(7, 0)]
    public void Extraspinal_bone_metastases_follow_the_table(int count, int points) =>
        Tokuhashi.Compute(Full with { ExtraspinalBoneMetastases = count }).Points.ExtraspinalBoneMetastases.ShouldBe(points);

    [Theory]
    [InlineData(1, 2)] [InlineData(2, 1)] [InlineData(3, 0)] [InlineData(9, 0)]
    public void Vertebral_body_metastases_follow_the_table(int count, int points) =>
        Tokuhashi.Compute(Full with { VertebralBodyMetastases = count }).Points.VertebralBodyMetastases.ShouldBe(points);

    [Theory]
    [InlineData(VisceralMetastases.Unremovable, 0)]
    [InlineData(VisceralMetastases.Removable, 1)]
    [InlineData(VisceralMetastases.None, 2)]
    public void Visceral_metastases_follow_the_table(VisceralMetastases value, int points) => Tokuhashi.Points(value).ShouldBe(points);

    [Theory]
    [InlineData(TokuhashiPrimarySite.Lung, 0)] [InlineData(TokuhashiPrimarySite.Osteosarcoma, 0)]
    [InlineData(TokuhashiPrimarySite.Stomach, 0)] [InlineData(TokuhashiPrimarySite.Bladder, 0)]
    [InlineData(TokuhashiPrimarySite.Esophagus, 0)] [InlineData(TokuhashiPrimarySite.Pancreas, 0)]
    [InlineData(TokuhashiPrimarySite.Liver, 1)] [InlineData(TokuhashiPrimarySite.Gallbladder, 1)]
    [InlineData(TokuhashiPrimarySite.Unidentified, 1)]
    [InlineData(TokuhashiPrimarySite.Other, 2)]
    [InlineData(TokuhashiPrimarySite.Kidney, 3)] [InlineData(TokuhashiPrimarySite.Uterus, 3)]
    [InlineData(TokuhashiPrimarySite.Rectum, 4)]
    [InlineData(TokuhashiPrimarySite.Thyroid, 5)] [InlineData(TokuhashiPrimarySite.Breast, 5)]
    [InlineData(TokuhashiPrimarySite.Prostate, 5)] [InlineData(TokuhashiPrimarySite.Carcinoid, 5)]
    public void Every_primary_site_row_scores_as_published(TokuhashiPrimarySite site, int points) =>
        Tokuhashi.Points(site).ShouldBe(points);

    [Fact]
    public void The_primary_site_enumeration_has_exactly_the_seventeen_published_sites() =>
        Enum.GetValues<TokuhashiPrimarySite>().Length.ShouldBe(17);

    [Theory]
    [InlineData(FrankelGrade.A, 0)] [InlineData(FrankelGrade.B, 0)]
    [InlineData(FrankelGrade.C, 1)] [InlineData(FrankelGrade.D, 1)]
    [InlineData(FrankelGrade.E, 2)]
    public void Palsy_follows_the_frankel_grade(FrankelGrade grade, int points) => Tokuhashi.Points(grade).ShouldBe(points);

    [Fact]
    public void An_empty_input_names_every_parameter()
    {
        var result = Tokuhashi.Compute(new TokuhashiInput());
        result.Complete.ShouldBeFalse();
        result.Total.ShouldBeNull();
        result.Missing.ShouldBe(["karnofsky", "extraspinalBoneMetastases", "vertebralBodyMetastases",
            "visceralMetastases", "primarySite", "frankel"]);
    }

    [Fact]
    public void The_result_serializes_to_the_contract_shape()
    {
        ScoreJson.ToNode(Tokuhashi.Compute(Full with { Karnofsky = null, Ecog = 0 })).ShouldEqualJson("""
            { "version": "Tokuhashi/Revised2005", "complete": true, "total": 15, "prognosis": "AtLeast12Months",
              "points": { "generalCondition": 2, "extraspinalBoneMetastases": 2, "vertebralBodyMetastases": 2,
                          "visceralMetastases": 2, "primarySite": 5, "frankel": 2 },
              "derived": ["generalCondition"], "missing": [] }
            """);
    }
}
