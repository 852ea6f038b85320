namespace TumorBoard.Application.Common.Models;

/// <summary>Builds ILIKE patterns with the user's text escaped (a '%' typed by a user is a literal).</summary>
public static class Like
{
    public static string Contains(string text) =>
        "%" + text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
