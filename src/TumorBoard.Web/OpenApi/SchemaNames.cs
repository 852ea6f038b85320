using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;

namespace TumorBoard.Web.OpenApi;

/// <summary>
/// The component name of every schema in the OpenAPI document (issue #12 item 1). A use case nests its messages and
/// records (<c>RegisterCase.Command</c>, <c>GetCase.Result</c>, <c>ListCases.Row</c>), so the framework's default, the
/// short type name, gives a dozen types the one name <c>Command</c> and a generator merges them. The name comes from the
/// containing use case instead, by one rule for every type (a new use case needs nothing here):
/// <list type="bullet">
/// <item><c>X.Command</c> / <c>X.Query</c> → <c>XCommand</c> / <c>XQuery</c> (<c>RegisterCaseCommand</c>);</item>
/// <item><c>GetX.Result</c> → <c>XDetails</c> (<c>CaseDetails</c>); <c>ListXs.Result</c> → <c>XList</c>; any other
/// <c>X.Result</c> → <c>XResult</c>;</item>
/// <item><c>ListXs.Row</c> / <c>FindXs.Row</c> → <c>XListItem</c>, and its page <c>Paged&lt;…&gt;</c> → <c>XListPage</c>;</item>
/// <item>other nested records → the use case's subject and the record's name (<c>GetCase.PatientSummary</c> →
/// <c>CasePatientSummary</c>; <c>CasesEndpoints.WithdrawBody</c> → <c>CaseWithdrawBody</c>);</item>
/// <item>top-level types keep their name, except the few in <see cref="Renamed"/> whose name a rule above gives another type.</item>
/// </list>
/// <c>OpenApiSchemaNameTests</c> fails when two different types of the document get one name.
/// </summary>
public static class SchemaNames
{
    /// <summary>Top-level types whose own name a use-case record takes by the rules (GetCase.Result is <c>CaseDetails</c>).</summary>
    static readonly Dictionary<Type, string> Renamed = new()
    {
        [typeof(Domain.Cases.CaseDetails)] = "CaseClinicalDetails",
    };

    /// <summary>For <c>OpenApiOptions.CreateSchemaReferenceId</c>: null (inline) wherever the framework inlines, else <see cref="For"/>.</summary>
    public static string? CreateSchemaReferenceId(JsonTypeInfo typeInfo) =>
        OpenApiOptions.CreateDefaultSchemaReferenceId(typeInfo) is null ? null : For(typeInfo.Type);

    public static string For(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying) return For(underlying);
        if (Renamed.TryGetValue(type, out var renamed)) return renamed;
        if (type.IsGenericType) return Generic(type);
        if (type.DeclaringType is not { } outerType) return type.Name;

        var outer = For(outerType);
        var subject = Subject(outer);
        return type.Name switch
        {
            "Command" or "Query" => outer + type.Name,
            "Result" when outer.StartsWith("Get", StringComparison.Ordinal) && outer.Length > 3 => subject + "Details",
            "Result" when IsList(outer) => subject + "List",
            "Result" => outer + "Result",
            "Row" when IsList(outer) => subject + "ListItem",
            "Row" => outer + "Row",
            var name when name.StartsWith(subject, StringComparison.Ordinal) => name,
            var name when subject.EndsWith(name, StringComparison.Ordinal) => subject,   // ListResponsibleClinicians.Clinician
            var name => subject + name,
        };
    }

    static string Generic(Type type)
    {
        var name = type.Name[..type.Name.IndexOf('`')];
        var arguments = type.GetGenericArguments().Select(For).ToArray();
        if (name == "Paged" && arguments.Length == 1)
            return arguments[0].EndsWith("ListItem", StringComparison.Ordinal)
                ? arguments[0][..^"Item".Length] + "Page"
                : arguments[0] + "Page";
        return name + "Of" + string.Join("And", arguments);
    }

    static bool IsList(string useCase) =>
        (useCase.StartsWith("List", StringComparison.Ordinal) || useCase.StartsWith("Find", StringComparison.Ordinal)) && useCase.Length > 4;

    /// <summary>What a use case is about: GetCase → Case, ListAuditEntries → AuditEntry, CasesEndpoints → Case.</summary>
    static string Subject(string useCase)
    {
        if (useCase.StartsWith("Get", StringComparison.Ordinal) && useCase.Length > 3) return useCase[3..];
        if (IsList(useCase)) return Singular(useCase[4..]);
        if (useCase.EndsWith("Endpoints", StringComparison.Ordinal) && useCase.Length > 9) return Singular(useCase[..^9]);
        return useCase;
    }

    static string Singular(string plural) =>
        plural.EndsWith("ies", StringComparison.Ordinal) ? plural[..^3] + "y"
        : plural.EndsWith("ches", StringComparison.Ordinal) || plural.EndsWith("shes", StringComparison.Ordinal)
          || plural.EndsWith("xes", StringComparison.Ordinal) ? plural[..^2]   // ReportDispatches → ReportDispatch
        : plural.EndsWith('s') && !plural.EndsWith("ss", StringComparison.Ordinal) ? plural[..^1]
        : plural;
}
