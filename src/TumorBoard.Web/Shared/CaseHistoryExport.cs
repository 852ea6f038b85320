using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;

namespace TumorBoard.Web.Shared;

/// <summary>The case-history export as a file, the same from the API and from the history page.</summary>
public static class CaseHistoryExport
{
    public static string ExportFileName(Guid caseId) => $"case-{caseId}-history.json";

    /// <summary>The API's JSON (camelCase, enum names), indented for reading.</summary>
    public static JsonSerializerOptions ExportJson(JsonOptions json) => new(json.SerializerOptions) { WriteIndented = true };
}
