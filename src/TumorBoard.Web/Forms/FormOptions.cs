using Microsoft.AspNetCore.Mvc.Rendering;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Common;

namespace TumorBoard.Web.Forms;

/// <summary>Select options for the forms: member names as values (the strings of the JSON API), the words of
/// <see cref="DisplayWords"/> as text, so a form says exactly what the pages, the report and the export say.</summary>
public static class FormOptions
{
    /// <summary>Every member in declaration order; <paramref name="empty"/> adds a first blank option.</summary>
    public static List<SelectListItem> For<T>(string? empty = null) where T : struct, Enum =>
        [.. empty is null ? [] : new[] { new SelectListItem(empty, "") },
         .. Enum.GetValues<T>().Select(v => new SelectListItem(DisplayWords.Local(v), v.ToString()))];

    public static string YesNo(bool? value) => value switch { true => "Yes", false => "No", null => DisplayWords.NotRecorded };

    public static IEnumerable<SelectListItem> YesNoOptions() => [new("Yes", "true"), new("No", "false")];

    public static IEnumerable<SelectListItem> Levels() => For<SpinalLevel>();
}
