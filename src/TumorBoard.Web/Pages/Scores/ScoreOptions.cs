using Microsoft.AspNetCore.Mvc.Rendering;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Scores;
using TumorBoard.Web.Forms;
using static TumorBoard.Web.Pages.Scores.ScoreTexts;

namespace TumorBoard.Web.Pages.Scores;

/// <summary>
/// Option lists for the calculator forms. Option values are the member NAMES (the same strings as the JSON API),
/// so a form round-trip, a bookmark and the API all carry "T11", not an ordinal. The first option is "not assessed".
/// The option TEXTS are in the user's language (the values stay the member names).
/// </summary>
public static partial class ScoreOptions
{
    public static string NotAssessed => T["— not assessed —"].Value;

    public static List<SelectListItem> Of<TEnum>() where TEnum : struct, Enum => FormOptions.For<TEnum>(NotAssessed);

    /// <summary>ESCC codes in ordinal order (scores.md §2).</summary>
    public static List<SelectListItem> Escc() =>
        [new(NotAssessed, ""), .. EsccGrades.All.Select(g => new SelectListItem(EsccGrades.ToCode(g), EsccGrades.ToCode(g)))];

    public static List<SelectListItem> YesNo() => [new(NotAssessed, ""), new(T["Yes"], "true"), new(T["No"], "false")];

    /// <summary>A value for display: member names in words, null as a dash.</summary>
    public static string Show(object? value) => value switch
    {
        null => DisplayWords.NotRecorded,
        Enum e => DisplayWords.Local(e),
        bool b => b ? T["yes"].Value : T["no"].Value,
        _ => value.ToString() ?? "—",
    };
}
