using TumorBoard.Domain.Scores;

namespace TumorBoard.UnitTests.Scores;

/// <summary>Every row of the scores.md §3.3 decision table.</summary>
public class NomsDecisionTableTests
{
    private static readonly NomsInput Stable = new() { SinsTotal = 3, GrossInstability = false };

    public static TheoryData<string, bool?> AllGradesAndFitness()
    {
        var data = new TheoryData<string, bool?>();
        foreach (var grade in EsccGrades.All)
            foreach (var fit in new bool?[] { true, false, null })
                data.Add(EsccGrades.ToCode(grade), fit);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllGradesAndFitness))]
    public void A1_radiosensitive_tumours_get_cebrt_whatever_the_escc_grade_and_fitness(string escc, bool? fit)
    {
        var r = Noms.Suggest(Stable with { Radiosensitivity = Radiosensitivity.Sensitive, Escc = EsccGrades.Parse(escc), FitForSurgery = fit });
        r.Complete.ShouldBeTrue();
        r.Radiation.ShouldBe("CEBRT");
        r.Flags.ShouldBeEmpty();
        r.Rationale.ShouldContain(line => line.Contains("A1") && line.Contains("Laufer et al., Oncologist 2013"));
    }

    [Theory]
    [InlineData("0", true)] [InlineData("0", false)] [InlineData("0", null)]
    [InlineData("1a", true)] [InlineData("1a", false)] [InlineData("1a", null)]
    [InlineData("1b", true)] [InlineData("1b", false)] [InlineData("1b", null)]
    public void A2_radioresistant_tumours_with_low_grade_escc_get_srs(string escc, bool? fit)
    {
        var r = Noms.Suggest(Stable with { Radiosensitivity = Radiosensitivity.Resistant, Escc = EsccGrades.Parse(escc), FitForSurgery = fit });
        r.Complete.ShouldBeTrue();
        r.Radiation.ShouldBe("SRS");
        r.Flags.ShouldBeEmpty();
        r.Rationale.ShouldContain(line => line.Contains("A2"));
    }

    [Theory]
    [InlineData(true)] [InlineData(false)] [InlineData(null)]
    public void A3_radioresistant_tumours_with_escc_1c_get_srs_with_the_discussion_flag(bool? fit)
    {
        var r = Noms.Suggest(Stable with { Radiosensitivity = Radiosensitivity.Resistant, Escc = EsccGrade.Grade1c, FitForSurgery = fit });
        r.Complete.ShouldBeTrue();
        r.Radiation.ShouldBe("SRS");
        r.Flags.ShouldBe(["ESCC_1C_DISCUSS"]);
    }

    [Theory]
    [InlineData("2")] [InlineData("3")]
    public void A4_radioresistant_high_grade_fit_patients_get_separation_surgery_then_srs(string escc)
    {
        var r = Noms.Suggest(Stable with { Radiosensitivity = Radiosensitivity.Resistant, Escc = EsccGrades.Parse(escc), FitForSurgery = true });
        r.Complete.ShouldBeTrue();
        r.Radiation.ShouldBe("SEPARATION_SURGERY_THEN_SRS");
        r.Flags.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2")] [InlineData("3")]
    public void A5_radioresistant_high_grade_unfit_patients_get_palliative_cebrt_with_a_flag(string escc)
    {
        var r = Noms.Suggest(Stable with { Radiosensitivity = Radiosensitivity.Resistant, Escc = EsccGrades.Parse(escc), FitForSurgery = false });
        r.Complete.ShouldBeTrue();
        r.Radiation.ShouldBe("CEBRT");
        r.Flags.ShouldBe([NomsCodes.PalliativeNotFitForSurgery]);
    }

    [Fact]
    public void Radioresistant_high_grade_without_a_fitness_decision_is_incomplete()
    {
        var r = Noms.Suggest(Stable with { Radiosensitivity = Radiosensitivity.Resistant, Escc = EsccGrade.Grade3 });
        r.Complete.ShouldBeFalse();
        r.Radiation.ShouldBeNull();
        r.Missing.ShouldBe(["fitForSurgery"]);
    }

    [Fact]
    public void A6_unknown_radiosensitivity_is_incomplete()
    {
        var withoutAnything = Noms.Suggest(Stable with { Escc = EsccGrade.Grade2 });
        withoutAnything.Complete.ShouldBeFalse();
        withoutAnything.Radiation.ShouldBeNull();
        withoutAnything.Missing.ShouldBe(["radiosensitivity"]);

        var explicitUnknown = Noms.Suggest(Stable with { Radiosensitivity = Radiosensitivity.Unknown, Escc = EsccGrade.Grade0 });
        explicitUnknown.Missing.ShouldBe(["radiosensitivity"]);
        explicitUnknown.Rationale.ShouldContain(line => line.Contains("A6"));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(6, null)]
    [InlineData(7, "SURGICAL_CONSULT")]
    [InlineData(12, "SURGICAL_CONSULT")]
    public void B1_and_B2_stable_and_potentially_unstable_sins_with_boundaries(int sins, string? mechanical)
    {
        foreach (var fit in new bool?[] { true, false, null })
        {
            var r = Noms.Suggest(new NomsInput
            {
                Radiosensitivity = Radiosensitivity.Sensitive, Escc = EsccGrade.Grade0, SinsTotal = sins, FitForSurgery = fit,
            });
            r.Complete.ShouldBeTrue();
            r.Mechanical.ShouldBe(mechanical);
            var row = mechanical == null ? "B1" : "B2";
            r.Rationale.ShouldContain(line => line.Contains(row));
        }
    }

    [Theory]
    [InlineData(13, false)] [InlineData(18, false)] [InlineData(3, true)] [InlineData(null, true)]
    public void B3_unstable_sins_or_gross_instability_in_a_fit_patient_gets_stabilization(int? sins, bool gross)
    {
        var r = Noms.Suggest(new NomsInput
        {
            Radiosensitivity = Radiosensitivity.Sensitive, Escc = EsccGrade.Grade0, SinsTotal = sins, GrossInstability = gross, FitForSurgery = true,
        });
        r.Complete.ShouldBeTrue();
        r.Radiation.ShouldBe("CEBRT"); // combined output STABILIZATION + CEBRT
        r.Mechanical.ShouldBe("STABILIZATION");
    }

    [Theory]
    [InlineData(13, false)] [InlineData(18, false)] [InlineData(3, true)] [InlineData(null, true)]
    public void B4_unstable_sins_or_gross_instability_in_an_unfit_patient_is_not_surgically_addressable(int? sins, bool gross)
    {
        var r = Noms.Suggest(new NomsInput
        {
            Radiosensitivity = Radiosensitivity.Resistant, Escc = EsccGrade.Grade1a, SinsTotal = sins, GrossInstability = gross, FitForSurgery = false,
        });
        r.Complete.ShouldBeTrue();
        r.Radiation.ShouldBe("SRS"); // the radiation from step A stands
        r.Mechanical.ShouldBe("INSTABILITY_NOT_SURGICALLY_ADDRESSABLE");
    }

    [Fact]
    public void Stabilization_with_separation_surgery_says_it_is_part_of_that_operation()
    {
        var r = Noms.Suggest(new NomsInput
        {
            Radiosensitivity = Radiosensitivity.Resistant, Escc = EsccGrade.Grade2, SinsTotal = 14, FitForSurgery = true,
        });
        r.Radiation.ShouldBe("SEPARATION_SURGERY_THEN_SRS");
        r.Mechanical.ShouldBe("STABILIZATION");
        r.Rationale.ShouldContain(line => line.Contains("B3") && line.Contains("part of the separation surgery"));
    }

    [Fact]
    public void Unstable_spine_without_a_fitness_decision_is_incomplete_but_still_reports_radiation()
    {
        var r = Noms.Suggest(new NomsInput { Radiosensitivity = Radiosensitivity.Sensitive, Escc = EsccGrade.Grade3, SinsTotal = 15 });
        r.Complete.ShouldBeFalse();
        r.Radiation.ShouldBe("CEBRT");
        r.Mechanical.ShouldBeNull();
        r.Missing.ShouldBe(["fitForSurgery"]);
    }

    [Fact]
    public void Acute_progressive_myelopathy_adds_the_override_flag_even_for_a_radiosensitive_tumour()
    {
        var r = Noms.Suggest(Stable with { Radiosensitivity = Radiosensitivity.Sensitive, Escc = EsccGrade.Grade3, AcuteProgressiveMyelopathy = true });
        r.Flags.ShouldContain("ACUTE_PROGRESSIVE_MYELOPATHY_SURGICAL_EMERGENCY");
        r.Rationale[0].ShouldContain("Patchell 2005");
        Noms.Suggest(Stable with { Radiosensitivity = Radiosensitivity.Sensitive, Escc = EsccGrade.Grade3, AcuteProgressiveMyelopathy = false })
            .Flags.ShouldBeEmpty();
    }
}
