using System.Text.Json;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Scores;

namespace TumorBoard.UnitTests.Scores;

public class NomsInputTests
{
    [Fact]
    public void A_verified_histology_prefills_radiosensitivity_without_a_flag()
    {
        var r = Noms.Suggest(new NomsInput { Histology = PrimaryHistology.RenalCell, Escc = EsccGrade.Grade0, SinsTotal = 2 });
        r.Complete.ShouldBeTrue();
        r.Radiation.ShouldBe("SRS");
        r.Flags.ShouldBeEmpty();
        r.Rationale.ShouldContain(line => line.Contains("pre-filled from histology renal cell"));
    }

    [Fact]
    public void An_unverified_histology_prefill_carries_a_flag_and_says_it_is_provisional()
    {
        var r = Noms.Suggest(new NomsInput { Histology = PrimaryHistology.Breast, Escc = EsccGrade.Grade2, SinsTotal = 2 });
        r.Radiation.ShouldBe("CEBRT");
        r.Flags.ShouldBe(["RADIOSENSITIVITY_UNVERIFIED"]);
        r.Rationale.ShouldContain(line => line.Contains("uncertain evidence") && line.Contains("provisional"));
    }

    [Theory]
    [InlineData(PrimaryHistology.Gastric)]
    [InlineData(PrimaryHistology.Pancreatic)]
    [InlineData(PrimaryHistology.Bladder)]
    [InlineData(PrimaryHistology.UnknownPrimary)]
    public void A_histology_outside_the_lists_is_never_defaulted(PrimaryHistology histology)
    {
        var r = Noms.Suggest(new NomsInput { Histology = histology, Escc = EsccGrade.Grade0, SinsTotal = 2 });
        r.Complete.ShouldBeFalse();
        r.Radiation.ShouldBeNull();
        r.Missing.ShouldBe(["radiosensitivity"]);
    }

    [Fact]
    public void An_explicit_radiosensitivity_overrides_the_histology_table()
    {
        var r = Noms.Suggest(new NomsInput
        {
            Histology = PrimaryHistology.Breast, Radiosensitivity = Radiosensitivity.Resistant, Escc = EsccGrade.Grade0, SinsTotal = 2,
        });
        r.Radiation.ShouldBe("SRS");
        r.Flags.ShouldBeEmpty();
    }

    [Fact]
    public void A_deployment_table_changes_the_prefill()
    {
        var table = RadiosensitivityTable.FromJson("""
            { "version": "site-2", "entries": { "Gastric": { "radiosensitivity": "Resistant", "verified": true, "source": "local board" } } }
            """);
        var r = Noms.Suggest(new NomsInput { Histology = PrimaryHistology.Gastric, Escc = EsccGrade.Grade1b, SinsTotal = 0 }, table);
        r.Radiation.ShouldBe("SRS");
        r.Rationale.ShouldContain(line => line.Contains("local board") && line.Contains("site-2"));
        Noms.Suggest(new NomsInput { Histology = PrimaryHistology.Lymphoma, Escc = EsccGrade.Grade0, SinsTotal = 0 }, table)
            .Missing.ShouldBe(["radiosensitivity"]); // not listed in that table -> Unknown
    }

    [Fact]
    public void Steps_a_and_b_are_reported_independently_when_the_other_is_missing()
    {
        var noSins = Noms.Suggest(new NomsInput { Radiosensitivity = Radiosensitivity.Resistant, Escc = EsccGrade.Grade0 });
        noSins.Complete.ShouldBeFalse();
        noSins.Radiation.ShouldBe("SRS");
        noSins.Missing.ShouldBe(["sinsTotal"]);

        var noOncology = Noms.Suggest(new NomsInput { SinsTotal = 9 });
        noOncology.Complete.ShouldBeFalse();
        noOncology.Radiation.ShouldBeNull();
        noOncology.Mechanical.ShouldBe("SURGICAL_CONSULT");
        noOncology.Missing.ShouldBe(["radiosensitivity", "escc"]);
    }

    [Fact]
    public void An_out_of_range_sins_total_is_a_validation_error_and_counts_as_missing()
    {
        var input = new NomsInput { Radiosensitivity = Radiosensitivity.Sensitive, Escc = EsccGrade.Grade0, SinsTotal = 19 };
        Noms.Validate(input).Select(e => e.Field).ShouldBe(["sinsTotal"]);
        Noms.Validate(input with { SinsTotal = -1 }).Select(e => e.Field).ShouldBe(["sinsTotal"]);
        Noms.Suggest(input).Missing.ShouldBe(["sinsTotal"]);
        Noms.Validate(input with { SinsTotal = 18 }).ShouldBeEmpty();
    }

    [Fact]
    public void The_input_reads_escc_codes_from_json_even_with_a_global_enum_converter()
    {
        var input = JsonSerializer.Deserialize<NomsInput>(
            """{ "histology": "RenalCell", "escc": "1c", "sinsTotal": 8, "fitForSurgery": true }""", ScoreJson.Options)!;
        input.Escc.ShouldBe(EsccGrade.Grade1c);
        input.Histology.ShouldBe(PrimaryHistology.RenalCell);
        JsonSerializer.Deserialize<NomsInput>("""{ "escc": null }""", ScoreJson.Options)!.Escc.ShouldBeNull();
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<NomsInput>("""{ "escc": "1" }""", ScoreJson.Options));
    }

    [Fact]
    public void The_result_serializes_to_the_contract_shape()
    {
        var r = Noms.Suggest(new NomsInput { Radiosensitivity = Radiosensitivity.Resistant, Escc = EsccGrade.Grade1c, SinsTotal = 8 });
        var json = ScoreJson.ToNode(r);
        json["version"]!.GetValue<string>().ShouldBe("NOMS/Laufer2013");
        json["complete"]!.GetValue<bool>().ShouldBeTrue();
        json["radiation"]!.GetValue<string>().ShouldBe("SRS");
        json["mechanical"]!.GetValue<string>().ShouldBe("SURGICAL_CONSULT");
        json["flags"]!.ToJsonString().ShouldBe("""["ESCC_1C_DISCUSS"]""");
        json["rationale"]!.AsArray().Count.ShouldBe(3);
        json["missing"]!.AsArray().ShouldBeEmpty();
    }
}
