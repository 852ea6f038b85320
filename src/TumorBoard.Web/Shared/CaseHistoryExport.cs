using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http.Json;

namespace TumorBoard.Web.Shared;

/// <summary>The case-history export as a file, the same from the API and from the history page.</summary>
public static class CaseHistoryExport
{
    public static string ExportFileName(Guid caseId) => $"case-{caseId}-history.json";

    /// <summary>The export's format: json (the default) or fhir (a FHIR R4 collection Bundle); anything else is a 400 on "format".</summary>
    public static bool IsFhir(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "json" => false,
        "fhir" => true,
        _ => throw new ValidationException([new ValidationFailure("format", $"'{format}' is not an export format (json, fhir).")]),
    };

    /// <summary>The API's JSON (camelCase, enum names), indented for reading.</summary>
    public static JsonSerializerOptions ExportJson(JsonOptions json) => new(json.SerializerOptions) { WriteIndented = true };
}
