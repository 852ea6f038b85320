using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Http.BadInput;

/// <summary>
/// Every API operation as the running app maps it (name, method, route, the body it reads and the query parameters it
/// binds), and every input field of each: found by reflection over the endpoints, so a new operation or field is tested
/// without anyone listing it here.
/// </summary>
public sealed record ApiOperation(string Name, string Method, string Route, Type? BodyType, IReadOnlyList<QueryParameter> Query,
    string ContentType = "application/json")
{
    /// <summary>
    /// The route with its parameters filled in (fresh ids: validation answers before any record is looked up), and every
    /// required query parameter that <paramref name="query"/> does not name given a valid value, so that the answer is
    /// about the parameter under test and not about a missing one.
    /// </summary>
    public string Url(string query = "")
    {
        var named = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => Uri.UnescapeDataString(p.Split('=')[0]))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var filled = Query.Where(q => q.Required && !named.Contains(q.Name)).Select(q => $"{q.Name}={Uri.EscapeDataString(q.ValidValue())}");
        var full = string.Join("&", filled.Prepend(query).Where(p => p.Length > 0));
        return System.Text.RegularExpressions.Regex.Replace(Route, @"\{(\w+)(:[^}]*)?\}", m => m.Groups[2].Value switch
        {
            ":int" => "1",
            _ when m.Groups[1].Value == "discipline" => "neurosurgery",
            _ => Guid.NewGuid().ToString(),
        }) + (full.Length > 0 ? "?" + full : "");
    }

    public IReadOnlyList<BodyField> BodyFields => BodyType is null ? [] : ApiSurface.Fields(BodyType, []);

    /// <summary>
    /// The body is one FHIR resource (application/fhir+json: the FHIR import), not a set of our fields. Its fields are
    /// FHIR's, and FHIR names a place in a resource by FHIRPath ("Patient.name[0].family"), not by our camelCase paths, so
    /// such an operation reports every problem of its body under the one key <c>resource</c>, with the parser's and the
    /// validator's issues (severity, FHIRPath location, message) in the problem's <c>issues</c>: what an integrator's FHIR
    /// tooling reads. The harness expects that shape from these operations (<see cref="BadInputTest"/>), and only from them.
    /// </summary>
    public bool TakesFhir => ContentType == "application/fhir+json";

    /// <summary>
    /// A body with <paramref name="field"/> set to <paramref name="value"/> and every other top-level part present but empty
    /// (a decision's "content": {}), so that the answer is about that field and not about a missing part. A part that
    /// nests the body's own fields is left out: it is another shape of the same body (a case PUT's "details" holds the
    /// fields it also takes flat, and a body with both is refused for that reason alone).
    /// </summary>
    public string Body(BodyField field, JsonNode? value)
    {
        var body = field.Body(value);
        foreach (var part in BodyFields.Where(f => f.Path.Count == 1 && f.Kind == FieldKind.Part && f.Path[0].Name != field.Path[0].Name
                     && !(BodyType is not null && f.Type.IsAssignableFrom(BodyType))))
            body[part.Path[0].Name] = new JsonObject();
        return body.ToJsonString();
    }

    public override string ToString() => $"{Method} {Route} ({Name})";
}

/// <summary>
/// A query parameter: its name as bound, the type it binds to (enum, int, date...), and whether the operation requires it
/// (<see cref="RequiredAttribute"/>, which the OpenAPI document also reads as <c>required: true</c>).
/// </summary>
public sealed record QueryParameter(string Name, Type Type, bool IsList, bool Required = false)
{
    /// <summary>A value the parameter takes: an enum's first documented name. Another required type needs a rule here first.</summary>
    public string ValidValue()
    {
        var t = Nullable.GetUnderlyingType(IsList ? Type.GetElementType()! : Type) ?? (IsList ? Type.GetElementType()! : Type);
        return t.IsEnum ? Enum.GetNames(t)[0]
            : t == typeof(bool) ? "false"
            : throw new NotSupportedException($"The harness has no valid value for the required query parameter {Name} ({t.Name}): add one.");
    }
}

public enum FieldKind { Text, List, Date, Instant, Enum, Part, Other }

/// <summary>One field of a body: its path (JSON names), its type, and for a list the kind of its entries.</summary>
public sealed record BodyField(IReadOnlyList<Segment> Path, Type Type, FieldKind Kind, FieldKind ItemKind, Type? ItemType)
{
    /// <summary>The name the API's error uses: "content.plan[0].details".</summary>
    public string Key => string.Concat(Path.Select((s, i) => (i == 0 ? "" : ".") + s.Name + (s.InList ? "[0]" : "")));

    /// <summary>A body holding only this field (inside one-entry lists where its path goes through one).</summary>
    public JsonObject Body(JsonNode? value)
    {
        var root = new JsonObject();
        var current = root;
        for (var i = 0; i < Path.Count; i++)
        {
            var segment = Path[i];
            if (i == Path.Count - 1)
            {
                current[segment.Name] = value;
                break;
            }
            var next = new JsonObject();
            current[segment.Name] = segment.InList ? new JsonArray(next) : next;
            current = next;
        }
        return root;
    }

    public override string ToString() => Key;
}

/// <summary>A step of a field's path; <see cref="InList"/> when it is an entry of a list of parts.</summary>
public sealed record Segment(string Name, bool InList);

public static class ApiSurface
{
    public static IReadOnlyList<ApiOperation> Operations(AppFixture app)
    {
        var isService = app.App.Services.GetRequiredService<IServiceProviderIsService>();
        return [.. app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .Select(e => new ApiOperation(
                e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? e.DisplayName ?? "",
                e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Single() ?? "GET",
                e.RoutePattern.RawText!,
                e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType,
                QueryOf(e, isService),
                e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.FirstOrDefault() ?? "application/json"))
            .OrderBy(o => o.Route).ThenBy(o => o.Method)];
    }

    static List<QueryParameter> QueryOf(RouteEndpoint endpoint, IServiceProviderIsService isService)
    {
        var handler = endpoint.Metadata.GetMetadata<MethodInfo>();
        if (handler is null) return [];
        var route = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var body = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        List<QueryParameter> query = [];
        foreach (var p in handler.GetParameters())
        {
            if (p.IsDefined(typeof(AsParametersAttribute), false))
            {
                foreach (var property in p.ParameterType.GetProperties().Where(x => x.SetMethod is { IsPublic: true }))
                    query.Add(new QueryParameter(property.Name, property.PropertyType, property.PropertyType.IsArray,
                        property.IsDefined(typeof(RequiredAttribute), true)));
            }
            else if (!route.Contains(p.Name!) && p.ParameterType != body && Bindable(p.ParameterType) && !isService.IsService(p.ParameterType))
                query.Add(new QueryParameter(p.Name!, p.ParameterType, p.ParameterType.IsArray, p.IsDefined(typeof(RequiredAttribute), true)));
        }
        return query;
    }

    static bool Bindable(Type t)
    {
        var element = t.IsArray ? t.GetElementType()! : t;
        element = Nullable.GetUnderlyingType(element) ?? element;
        return element.IsEnum || element.IsPrimitive || element == typeof(string) || element == typeof(Guid) || element == typeof(DateOnly)
            || element == typeof(DateTimeOffset) || element == typeof(decimal);
    }

    /// <summary>Every field a client can send in <paramref name="type"/>, nested parts and lists of parts included.</summary>
    public static IReadOnlyList<BodyField> Fields(Type type, IReadOnlyList<Segment> prefix)
    {
        if (prefix.Count > 6) return [];
        List<BodyField> fields = [];
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is not { IsPublic: true } || property.IsDefined(typeof(JsonIgnoreAttribute))) continue;
            var name = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var t = property.PropertyType;
            var kind = KindOf(t);
            if (kind == FieldKind.List)
            {
                var item = ItemType(t)!;
                var itemKind = KindOf(item);
                fields.Add(new BodyField([.. prefix, new Segment(name, false)], t, kind, itemKind, item));
                if (itemKind == FieldKind.Part) fields.AddRange(Fields(item, [.. prefix, new Segment(name, true)]));
                continue;
            }
            if (kind == FieldKind.Part)
            {
                fields.Add(new BodyField([.. prefix, new Segment(name, false)], t, kind, FieldKind.Other, null));
                fields.AddRange(Fields(t, [.. prefix, new Segment(name, false)]));
                continue;
            }
            fields.Add(new BodyField([.. prefix, new Segment(name, false)], t, kind, FieldKind.Other, null));
        }
        return fields;
    }

    static FieldKind KindOf(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        if (t == typeof(string)) return FieldKind.Text;
        if (t == typeof(DateOnly)) return FieldKind.Date;
        if (t == typeof(DateTimeOffset) || t == typeof(DateTime)) return FieldKind.Instant;
        if (t.IsEnum) return FieldKind.Enum;
        if (ItemType(t) is not null) return FieldKind.List;
        if (t.IsClass && t.Namespace?.StartsWith("TumorBoard.", StringComparison.Ordinal) == true) return FieldKind.Part;
        return FieldKind.Other;
    }

    static Type? ItemType(Type t)
    {
        if (t == typeof(string)) return null;
        if (t.IsArray) return t.GetElementType();
        return t.GetInterfaces().Append(t).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];
    }

    /// <summary>Sends <paramref name="body"/> (raw JSON) to the operation.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, ApiOperation op, string? json, string query = "")
    {
        using var request = new HttpRequestMessage(new HttpMethod(op.Method), op.Url(query));
        // The media type the endpoint accepts (application/fhir+json for the FHIR import), so the answer is about the body.
        if (json is not null) request.Content = new StringContent(json, System.Text.Encoding.UTF8, op.ContentType);
        else if (op.BodyType is not null) request.Content = new StringContent("{}", System.Text.Encoding.UTF8, op.ContentType);
        return await client.SendAsync(request);
    }

    /// <summary>
    /// Rows in every table and the newest audit entry: equal before and after means nothing was written. The sign-in
    /// throttle's counters (a token requested on the way) are not a record, and the sealer's queue and seals move on their
    /// own after a commit (ADR 0006): audit_entries already counts every audit row.
    /// </summary>
    public static async Task<string> FingerprintAsync(AppFixture app)
    {
        await using var conn = new Npgsql.NpgsqlConnection(app.App.ConnectionString);
        await conn.OpenAsync();
        List<string> tables = [];
        await using (var list = new Npgsql.NpgsqlCommand(
            "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('data_protection_keys', 'sign_in_windows', 'audit_pending', 'audit_seals') ORDER BY 1", conn))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var sql = string.Join(" UNION ALL ", tables.Select(t => $"SELECT '{t}' || ':' || count(*) FROM {t}"));
        List<string> counts = [];
        await using (var count = new Npgsql.NpgsqlCommand(sql, conn))
        await using (var reader = await count.ExecuteReaderAsync())
            while (await reader.ReadAsync()) counts.Add(reader.GetString(0));
        await using var stamps = new Npgsql.NpgsqlCommand("SELECT string_agg(concat(id, security_stamp, xmin::text), ',' ORDER BY id) FROM users", conn);
        return string.Join(";", counts) + "|" + await stamps.ExecuteScalarAsync();
    }

}
