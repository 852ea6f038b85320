using System.Text.Json;
using TumorBoard.Domain.Scores;

namespace TumorBoard.UnitTests.Scores;

public class EsccTests
{
    [Theory]
    [InlineData("0", EsccGrade.Grade0, 0, false)]
    [InlineData("1a", EsccGrade.Grade1a, 1, false)]
    [InlineData("1b", EsccGrade.Grade1b, 2, false)]
    [InlineData("1c", EsccGrade.Grade1c, 3, false)]
    [InlineData("2", EsccGrade.Grade2, 4, true)]
    [InlineData("3", EsccGrade.Grade3, 5, true)]
    public void Every_grade_parses_ranks_and_round_trips(string code, EsccGrade grade, int rank, bool highGrade)
    {
        EsccGrades.TryParse(code, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(grade);
        EsccGrades.ToCode(grade).ShouldBe(code);
        EsccGrades.Rank(grade).ShouldBe(rank);
        EsccGrades.IsHighGrade(grade).ShouldBe(highGrade);
        var result = EsccGrades.Evaluate(grade);
        result.Rank.ShouldBe(rank);
        result.HighGrade.ShouldBe(highGrade);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("")]
    [InlineData("4")]
    [InlineData("1d")]
    [InlineData("1A")]
    [InlineData(" 1a")]
    [InlineData("-1")]
    [InlineData(null)]
    public void Invalid_codes_are_rejected(string? code)
    {
        EsccGrades.TryParse(code, out _).ShouldBeFalse();
        if (code is not null) Should.Throw<FormatException>(() => EsccGrades.Parse(code));
    }

    [Fact]
    public void Only_1c_carries_the_discussion_flag()
    {
        foreach (var grade in EsccGrades.All)
            EsccGrades.Evaluate(grade).Flags.ShouldBe(grade == EsccGrade.Grade1c ? ["ESCC_1C_DISCUSS"] : []);
    }

    [Fact]
    public void The_ordering_of_the_enumeration_is_the_clinical_order()
    {
        EsccGrades.All.Select(EsccGrades.Rank).ShouldBe([0, 1, 2, 3, 4, 5]);
        Enum.GetValues<EsccGrade>().ShouldBe(EsccGrades.All);
    }

    [Fact]
    public void The_result_serializes_the_grade_as_its_code_even_with_a_global_enum_converter()
    {
        ScoreJson.ToNode(EsccGrades.Evaluate(EsccGrade.Grade1c)).ShouldEqualJson("""
            { "version": "ESCC/Bilsky2010", "grade": "1c", "highGrade": false, "rank": 3, "flags": ["ESCC_1C_DISCUSS"] }
            """);
    }

    [Fact]
    public void The_json_converter_rejects_a_bare_1_and_numbers()
    {
        JsonSerializer.Deserialize<EsccGrade>("\"1b\"").ShouldBe(EsccGrade.Grade1b);
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<EsccGrade>("\"1\""));
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<EsccGrade>("1"));
    }
}
