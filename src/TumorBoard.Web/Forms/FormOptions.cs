using Microsoft.AspNetCore.Mvc.Rendering;
using TumorBoard.Domain.Clinical;

namespace TumorBoard.Web.Forms;

/// <summary>Select options for the forms: enum member names as values, readable labels as text.</summary>
public static class FormOptions
{
    static readonly Dictionary<string, string> Labels = new()
    {
        ["LungNsclc"] = "Lung, non-small-cell (NSCLC)", ["SmallCellLung"] = "Lung, small-cell", ["RenalCell"] = "Renal cell",
        ["MultipleMyeloma"] = "Multiple myeloma / plasmacytoma", ["GermCell"] = "Seminoma / germ-cell",
        ["Neuroendocrine"] = "Neuroendocrine / carcinoid", ["UnknownPrimary"] = "Unknown primary", ["Other"] = "Other (describe)",
        ["Hepatocellular"] = "Hepatocellular", ["Oesophageal"] = "Oesophageal", ["Occasional"] = "Occasional, non-mechanical",
        ["Mechanical"] = "Mechanical", ["None"] = "None", ["VertebralBody"] = "Vertebral body", ["PosteriorElements"] = "Posterior elements",
        ["IntraduralExtramedullary"] = "Intradural-extramedullary", ["ReadyForBoard"] = "Ready for board",
        ["MedicalOncology"] = "Medical oncology", ["InProgress"] = "In progress", ["MarkDiscussed"] = "Discussed", ["RadiationOncology"] = "Radiation oncology",
    };

    public static string Label(string name) => Labels.TryGetValue(name, out var l) ? l : name;
    public static string Label<T>(T value) where T : struct, Enum => Label(value.ToString());
    public static string Label<T>(T? value) where T : struct, Enum => value is { } v ? Label(v.ToString()) : "—";

    public static IEnumerable<SelectListItem> For<T>() where T : struct, Enum =>
        Enum.GetNames<T>().Select(n => new SelectListItem(Label(n), n));

    public static string YesNo(bool? value) => value switch { true => "Yes", false => "No", null => "—" };

    public static IEnumerable<SelectListItem> YesNoOptions() => [new("Yes", "true"), new("No", "false")];

    public static IEnumerable<SelectListItem> Levels() => For<SpinalLevel>();
}
