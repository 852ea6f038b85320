using System.Text.Json;
using System.Text.Json.Serialization;

namespace TumorBoard.Domain.Scores;

/// <summary>
/// Bilsky ESCC grade (scores.md §2): an ordered enumeration, never a number (general rule 3).
/// The declaration order is the ordinal order. JSON uses the codes "0","1a","1b","1c","2","3"
/// (see <see cref="EsccGradeJsonConverter"/>); a bare "1" is rejected.
/// </summary>
[JsonConverter(typeof(EsccGradeJsonConverter))]
public enum EsccGrade { Grade0, Grade1a, Grade1b, Grade1c, Grade2, Grade3 }

/// <summary>ESCC evaluation: high grade = 2 and 3; 1c carries the discussion flag (scores.md §2).</summary>
public sealed record EsccResult(
    [property: JsonConverter(typeof(EsccGradeJsonConverter))] EsccGrade Grade,
    bool HighGrade,
    int Rank,
    IReadOnlyList<string> Flags)
{
    [JsonPropertyOrder(-1)]
    public string Version => ScoreVersions.Escc;
}

public static class EsccGrades
{
    /// <summary>Flag on grade 1c: "controversial", follows the low-grade branch with a visible flag (scores.md §2).</summary>
    public const string DiscussFlag = "ESCC_1C_DISCUSS";

    /// <summary>All grades in ordinal order.</summary>
    public static IReadOnlyList<EsccGrade> All { get; } =
        [EsccGrade.Grade0, EsccGrade.Grade1a, EsccGrade.Grade1b, EsccGrade.Grade1c, EsccGrade.Grade2, EsccGrade.Grade3];

    /// <summary>The exact code string of scores.md §2 ("0","1a","1b","1c","2","3").</summary>
    public static string ToCode(EsccGrade grade) => grade switch
    {
        EsccGrade.Grade0 => "0",
        EsccGrade.Grade1a => "1a",
        EsccGrade.Grade1b => "1b",
        EsccGrade.Grade1c => "1c",
        EsccGrade.Grade2 => "2",
        EsccGrade.Grade3 => "3",
        _ => throw ScoreHelpers.Undefined(grade),
    };

    /// <summary>
    /// Parses an exact code (case-sensitive, no whitespace). A bare "1" (no subgrade), "", "4", "1d" and
    /// anything else return false (scores.md §2: "grade 1" is not a valid ESCC 2010 grade).
    /// </summary>
    public static bool TryParse(string? code, out EsccGrade grade)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(ToCode(candidate), code, StringComparison.Ordinal))
            {
                grade = candidate;
                return true;
            }
        }
        grade = default;
        return false;
    }

    /// <summary>Parses an exact code or throws <see cref="FormatException"/>.</summary>
    public static EsccGrade Parse(string code) =>
        TryParse(code, out var grade) ? grade : throw new FormatException($"'{code}' is not an ESCC grade (0, 1a, 1b, 1c, 2, 3).");

    /// <summary>Ordinal rank for sorting only: 0->0, 1a->1, 1b->2, 1c->3, 2->4, 3->5 (scores.md §2).</summary>
    public static int Rank(EsccGrade grade) => Enum.IsDefined(grade) ? (int)grade : throw ScoreHelpers.Undefined(grade);

    /// <summary>High-grade ESCC = grades 2 and 3 (scores.md §2). 1c is not high grade.</summary>
    public static bool IsHighGrade(EsccGrade grade) => Rank(grade) >= Rank(EsccGrade.Grade2);

    /// <summary>1c requires discussion (scores.md §2).</summary>
    public static bool RequiresDiscussion(EsccGrade grade) => grade == EsccGrade.Grade1c;

    public static EsccResult Evaluate(EsccGrade grade) =>
        new(grade, IsHighGrade(grade), Rank(grade), RequiresDiscussion(grade) ? [DiscussFlag] : []);
}

/// <summary>
/// Writes and reads ESCC grades as their codes. It is attached to the enum type and to the properties that
/// carry a grade, so it wins over a global JsonStringEnumConverter (property attributes take precedence).
/// </summary>
public sealed class EsccGradeJsonConverter : JsonConverter<EsccGrade>
{
    public override EsccGrade Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException("An ESCC grade must be a string: \"0\", \"1a\", \"1b\", \"1c\", \"2\" or \"3\".");
        var code = reader.GetString();
        return EsccGrades.TryParse(code, out var grade)
            ? grade
            : throw new JsonException($"'{code}' is not an ESCC grade (0, 1a, 1b, 1c, 2, 3).");
    }

    public override void Write(Utf8JsonWriter writer, EsccGrade value, JsonSerializerOptions options) =>
        writer.WriteStringValue(EsccGrades.ToCode(value));
}
