using System.Net;
using TumorBoard.IntegrationTests.Infrastructure;
using static TumorBoard.IntegrationTests.Scores.ScoresApi;

namespace TumorBoard.IntegrationTests.Scores;

/// <summary>The exact JSON contract of POST /api/v1/scores/* (scores.md §1-6): field names, enum strings, nulls.</summary>
[Collection(AppCollection.Name)]
public sealed class ScoreCalculatorApiTests(AppFixture app)
{
    const string SinsT11 = """
        {"level":"T11","location":null,"pain":"Mechanical","boneLesion":"Lytic","alignment":"DeNovoDeformity",
         "collapse":"MoreThan50Percent","posterolateral":"Unilateral"}
        """;

    [Fact]
    public async Task Computes_a_complete_SINS_with_the_location_from_the_level() =>
        (await OkAsync(app, "sins", SinsT11)).ShouldEqualJson("""
            {"version":"SINS/Fisher2010","complete":true,"total":14,"category":"Unstable","location":"Junctional",
             "points":{"location":3,"pain":3,"boneLesion":2,"alignment":2,"collapse":3,"posterolateral":1},
             "surgicalConsultationRecommended":true,"missing":[]}
            """);

    [Fact]
    public async Task An_incomplete_SINS_has_no_total_and_names_what_is_missing() =>
        (await OkAsync(app, "sins", SinsT11.Replace("\"MoreThan50Percent\"", "null"))).ShouldEqualJson("""
            {"version":"SINS/Fisher2010","complete":false,"total":null,"category":null,"location":"Junctional",
             "points":{"location":3,"pain":3,"boneLesion":2,"alignment":2,"collapse":null,"posterolateral":1},
             "surgicalConsultationRecommended":null,"missing":["collapse"]}
            """);

    [Fact]
    public async Task A_coccyx_lesion_needs_a_chosen_location()
    {
        var body = await OkAsync(app, "sins", SinsT11.Replace("\"T11\"", "\"Coccyx\""));
        body["complete"]!.GetValue<bool>().ShouldBeFalse();
        body["location"].ShouldBeNull();
        body["missing"]!.ToJsonString().ShouldBe("""["location"]""");

        var chosen = await OkAsync(app, "sins", SinsT11.Replace("\"T11\"", "\"Coccyx\"").Replace("\"location\":null", "\"location\":\"Rigid\""));
        chosen["total"]!.GetValue<int>().ShouldBe(11);
        chosen["category"]!.GetValue<string>().ShouldBe("PotentiallyUnstable");
    }

    [Fact]
    public async Task Computes_the_revised_Tokuhashi_score() =>
        (await OkAsync(app, "tokuhashi", """
            {"karnofsky":60,"ecog":null,"extraspinalBoneMetastases":2,"vertebralBodyMetastases":2,
             "visceralMetastases":"Removable","primarySite":"Kidney","frankel":"D"}
            """)).ShouldEqualJson("""
            {"version":"Tokuhashi/Revised2005","complete":true,"total":8,"prognosis":"LessThan6Months",
             "points":{"generalCondition":1,"extraspinalBoneMetastases":1,"vertebralBodyMetastases":1,
                       "visceralMetastases":1,"primarySite":3,"frankel":1},
             "derived":[],"missing":[]}
            """);

    [Fact]
    public async Task Tokuhashi_marks_the_general_condition_derived_from_ECOG_and_refuses_a_straddling_grade()
    {
        const string rest = """
            "extraspinalBoneMetastases":0,"vertebralBodyMetastases":1,"visceralMetastases":"None","primarySite":"Breast","frankel":"E"
            """;
        var fromEcog0 = await OkAsync(app, "tokuhashi", $$"""{"karnofsky":null,"ecog":0,{{rest}}}""");
        fromEcog0["derived"]!.ToJsonString().ShouldBe("""["generalCondition"]""");
        fromEcog0["total"]!.GetValue<int>().ShouldBe(15);
        fromEcog0["prognosis"]!.GetValue<string>().ShouldBe("AtLeast12Months");

        var fromEcog1 = await OkAsync(app, "tokuhashi", $$"""{"ecog":1,{{rest}}}""");   // KPS 70-80 straddles a band (§4, §6.3)
        fromEcog1["complete"]!.GetValue<bool>().ShouldBeFalse();
        fromEcog1["missing"]!.ToJsonString().ShouldBe("""["karnofsky"]""");
    }

    [Fact]
    public async Task Computes_the_Tomita_score() =>
        (await OkAsync(app, "tomita", """{"primaryGrowth":"Slow","visceralMetastases":"Treatable","boneMetastases":"Multiple"}"""))
            .ShouldEqualJson("""
                {"version":"Tomita/2001","complete":true,"total":5,"strategy":"MarginalOrIntralesionalExcision",
                 "points":{"primaryGrowth":1,"visceralMetastases":2,"boneMetastases":2},"missing":[]}
                """);

    [Fact]
    public async Task An_incomplete_Tomita_score_names_what_is_missing() =>
        (await OkAsync(app, "tomita", """{"primaryGrowth":"Rapid"}""")).ShouldEqualJson("""
            {"version":"Tomita/2001","complete":false,"total":null,"strategy":null,
             "points":{"primaryGrowth":4,"visceralMetastases":null,"boneMetastases":null},
             "missing":["visceralMetastases","boneMetastases"]}
            """);

    [Fact]
    public async Task Evaluates_an_ESCC_grade_by_its_code() =>
        (await OkAsync(app, "escc", """{"grade":"1c"}""")).ShouldEqualJson("""
            {"version":"ESCC/Bilsky2010","grade":"1c","highGrade":false,"rank":3,"flags":["ESCC_1C_DISCUSS"]}
            """);

    [Fact]
    public async Task Converts_Karnofsky_to_ECOG_and_ECOG_to_a_Karnofsky_range()
    {
        (await OkAsync(app, "performance-status", """{"karnofsky":70}""")).ShouldEqualJson("""{"ecog":1}""");
        (await OkAsync(app, "performance-status", """{"ecog":1}""")).ShouldEqualJson("""{"karnofskyMin":70,"karnofskyMax":80}""");
        (await OkAsync(app, "performance-status", """{"karnofsky":null,"ecog":5}""")).ShouldEqualJson("""{"karnofskyMin":0,"karnofskyMax":0}""");
    }

    [Theory]
    [InlineData("sins")]
    [InlineData("escc")]
    [InlineData("tokuhashi")]
    [InlineData("tomita")]
    [InlineData("noms")]
    [InlineData("performance-status")]
    public async Task Every_calculator_needs_a_signed_in_user(string calculator)
    {
        var (status, _) = await PostAsync(app, calculator, """{"grade":"2","karnofsky":70}""", user: null);
        status.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
