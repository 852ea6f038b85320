using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Common;
using TumorBoard.Web.Texts;

namespace TumorBoard.Web.Forms;

/// <summary>Select options for the forms: member names as values (the strings of the JSON API), the words of
/// <see cref="DisplayWords"/> as text, so a form says exactly what the pages, the report and the export say.
/// "Yes" and "No" are the page texts' (Texts/Ui*.resx) in the request's language; the option values stay "true"/"false".</summary>
public static class FormOptions
{
    /// <summary>The page texts, read without a request scope (the same resources as the views' <c>T</c>).</summary>
    static readonly IStringLocalizer T = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(Ui));

    /// <summary>Every member in declaration order; <paramref name="empty"/> adds a first blank option.</summary>
    public static List<SelectListItem> For<TEnum>(string? empty = null) where TEnum : struct, Enum =>
        [.. empty is null ? [] : new[] { new SelectListItem(empty, "") },
         .. Enum.GetValues<TEnum>().Select(v => new SelectListItem(DisplayWords.Local(v), v.ToString()))];

    /// <summary>"Yes", "No" or "—" in the request's language (for display only).</summary>
    public static string YesNo(bool? value) => value switch { true => T["Yes"], false => T["No"], null => DisplayWords.NotRecorded };

    public static IEnumerable<SelectListItem> YesNoOptions() => [new(T["Yes"], "true"), new(T["No"], "false")];

    public static IEnumerable<SelectListItem> Levels() => For<SpinalLevel>();
}
