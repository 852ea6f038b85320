using TumorBoard.Domain.Common;
using TumorBoard.Domain.Security;

namespace TumorBoard.Web.Shared;

/// <summary>A discipline as it appears in URLs, for the API routes and the pages alike.</summary>
public static class DisciplineRoute
{
    /// <summary>The route value of a discipline; anything else is 404 (no such resource).</summary>
    public static Discipline Parse(string discipline) => discipline.ToLowerInvariant() switch
    {
        "neurosurgery" => Discipline.Neurosurgery,
        "radiation-oncology" => Discipline.RadiationOncology,
        "medical-oncology" => Discipline.MedicalOncology,
        _ => throw new NotFoundException($"There is no '{discipline}' assessment (neurosurgery, radiation-oncology, medical-oncology)."),
    };

    public static string Slug(Discipline discipline) => discipline switch
    {
        Discipline.Neurosurgery => "neurosurgery",
        Discipline.RadiationOncology => "radiation-oncology",
        Discipline.MedicalOncology => "medical-oncology",
        _ => discipline.ToString().ToLowerInvariant(),
    };
}
