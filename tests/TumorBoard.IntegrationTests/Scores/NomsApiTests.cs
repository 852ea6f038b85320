using TumorBoard.IntegrationTests.Infrastructure;
using static TumorBoard.IntegrationTests.Scores.ScoresApi;

namespace TumorBoard.IntegrationTests.Scores;

/// <summary>POST /api/v1/scores/noms (scores.md §3.3), with the shipped radiosensitivity table (§3.2).</summary>
[Collection(AppCollection.Name)]
public sealed class NomsApiTests(AppFixture app)
{
    [Fact]
    public async Task Suggests_separation_surgery_and_stabilisation_for_a_resistant_high_grade_unstable_lesion()
    {
        var body = await OkAsync(app, "noms", """
            {"histology":null,"radiosensitivity":"Resistant","escc":"2","sinsTotal":13,"grossInstability":false,
             "fitForSurgery":true,"acuteProgressiveMyelopathy":false}
            """);
        body.AsObject().Select(p => p.Key).ShouldBe(["version", "complete", "radiation", "mechanical", "flags", "rationale", "missing"]);
        body["version"]!.GetValue<string>().ShouldBe("NOMS/Laufer2013");
        body["complete"]!.GetValue<bool>().ShouldBeTrue();
        body["radiation"]!.GetValue<string>().ShouldBe("SEPARATION_SURGERY_THEN_SRS");
        body["mechanical"]!.GetValue<string>().ShouldBe("STABILIZATION");
        body["flags"]!.AsArray().ShouldBeEmpty();
        body["missing"]!.AsArray().ShouldBeEmpty();
        body["rationale"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldContain(r => r.Contains("A4"));
    }

    [Fact]
    public async Task Fills_radiosensitivity_from_the_histology_when_it_is_not_set()
    {
        var body = await OkAsync(app, "noms", """{"histology":"RenalCell","radiosensitivity":null,"escc":"1c","sinsTotal":5}""");
        body["complete"]!.GetValue<bool>().ShouldBeTrue();
        body["radiation"]!.GetValue<string>().ShouldBe("SRS");
        body["mechanical"].ShouldBeNull();
        body["flags"]!.ToJsonString().ShouldBe("""["ESCC_1C_DISCUSS"]""");
    }

    [Fact]
    public async Task Flags_an_unverified_table_entry_and_reports_what_is_missing()
    {
        var body = await OkAsync(app, "noms", """{"histology":"Breast"}""");
        body["radiation"]!.GetValue<string>().ShouldBe("CEBRT");
        body["flags"]!.ToJsonString().ShouldBe("""["RADIOSENSITIVITY_UNVERIFIED"]""");
        body["complete"]!.GetValue<bool>().ShouldBeFalse();
        body["missing"]!.ToJsonString().ShouldBe("""["escc","sinsTotal"]""");
    }

    [Fact]
    public async Task Rejects_an_ESCC_grade_without_subgrade_and_a_SINS_total_out_of_range()
    {
        await ShouldRejectAsync(app, "noms", """{"radiosensitivity":"Resistant","escc":"1"}""", "escc");
        await ShouldRejectAsync(app, "noms", """{"radiosensitivity":"Resistant","escc":"2","sinsTotal":19}""", "sinsTotal");
        await ShouldRejectAsync(app, "noms", """{"radiosensitivity":"Moderate"}""", "radiosensitivity");
        await ShouldRejectAsync(app, "noms", """{"histology":"Kidney"}""", "histology");
        await ShouldRejectAsync(app, "noms", """{"fitForSurgery":"yes"}""", "fitForSurgery");
    }
}
