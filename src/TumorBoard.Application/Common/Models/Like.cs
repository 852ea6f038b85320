using TumorBoard.Domain.Patients;

namespace TumorBoard.Application.Common.Models;

/// <summary>Builds ILIKE patterns with the user's text escaped (a '%' typed by a user is a literal).</summary>
public static class Like
{
    public static string Contains(string text) =>
        "%" + text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    /// <summary>
    /// The pattern for the MRN part of a search, in the MRN's canonical form (<see cref="Mrn.Normalize"/>: "demo‑1001" with a
    /// no-break hyphen finds DEMO-1001); null when nothing of the text is left, so it matches no MRN rather than all.
    /// </summary>
    public static string? MrnContains(string text) => Mrn.Normalize(text) is { Length: > 0 } mrn ? Contains(mrn) : null;
}
