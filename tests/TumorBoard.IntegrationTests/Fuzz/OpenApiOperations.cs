using System.Text.Json;

namespace TumorBoard.IntegrationTests.Fuzz;

public sealed record FuzzParameter(string Name, string In, Shape Shape, bool Required);

/// <summary>One operation of the OpenAPI document: what the fuzzer aims at, and the media type its body is sent as
/// (application/json, or application/fhir+json for the FHIR import: the one the document gives it).</summary>
public sealed record FuzzOperation(string Method, string Path, string Id, IReadOnlyList<FuzzParameter> Parameters, Shape? Body,
    string MediaType = "application/json")
{
    public IReadOnlyList<FuzzParameter> Route => [.. Parameters.Where(p => p.In == "path")];
    public IReadOnlyList<FuzzParameter> Query => [.. Parameters.Where(p => p.In == "query")];
    public bool HasBody => Body is not null;

    /// <summary>Every shape the request carries: query parameters and the body's fields, nested ones included.</summary>
    public IEnumerable<Shape> Shapes => Query.SelectMany(p => Fuzz.Shapes.All(p.Shape))
        .Concat(Body is null ? [] : Fuzz.Shapes.All(Body));

    public override string ToString() => $"{Method} {Path}";
}

/// <summary>
/// Reads every operation of the document. Request bodies: the document names several different bodies by one schema
/// (every nested "Command" becomes #/components/schemas/Command), so where the endpoint declares its body type the
/// shape comes from that type; the document's schema is the fallback.
/// </summary>
public static class OpenApiOperations
{
    static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    public sealed record Reading(IReadOnlyList<FuzzOperation> Operations, int BodiesFromType, int BodiesFromDocument, IReadOnlyList<string> CollidingSchemas);

    public static Reading Read(JsonElement document, IReadOnlyDictionary<string, Type> bodyTypes)
    {
        var schemas = document.TryGetProperty("components", out var c) && c.TryGetProperty("schemas", out var s) ? s : default;
        List<FuzzOperation> operations = [];
        List<string> colliding = [];
        int fromType = 0, fromDocument = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            var shared = path.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToArray() : [];
            foreach (var method in Methods)
            {
                if (!path.Value.TryGetProperty(method, out var operation)) continue;
                var id = operation.TryGetProperty("operationId", out var oid) ? oid.GetString()! : $"{method} {path.Name}";
                var parameters = shared.Concat(operation.TryGetProperty("parameters", out var own) ? own.EnumerateArray() : [])
                    .Select(x => new FuzzParameter(x.GetProperty("name").GetString()!, x.GetProperty("in").GetString()!,
                        x.TryGetProperty("schema", out var schema) ? Shapes.FromSchema(schema, schemas) : new AnyShape(),
                        x.TryGetProperty("required", out var r) && r.GetBoolean()))
                    .ToArray();
                Shape? body = null;
                var mediaType = "application/json";
                if (operation.TryGetProperty("requestBody", out var requestBody)
                    && BodyMedia(requestBody.GetProperty("content")) is ({ } media, var json))
                {
                    mediaType = media;
                    var documented = json.TryGetProperty("schema", out var schema) ? Shapes.FromSchema(schema, schemas) : new AnyShape();
                    if (bodyTypes.TryGetValue(id, out var type))
                    {
                        body = Shapes.FromType(type);
                        fromType++;
                        if (!Shapes.FieldNames(body).SetEquals(Shapes.FieldNames(documented)) && schema.TryGetProperty("$ref", out var r))
                            colliding.Add($"{id}: {r.GetString()}");
                    }
                    else
                    {
                        body = documented;
                        fromDocument++;
                    }
                }
                operations.Add(new FuzzOperation(method.ToUpperInvariant(), path.Name, id, parameters, body, mediaType));
            }
        }
        return new Reading(operations, fromType, fromDocument, colliding);
    }

    /// <summary>The JSON media type of a request body: application/json, else a FHIR JSON body (the import).</summary>
    static (string? Media, JsonElement Content) BodyMedia(JsonElement content)
    {
        foreach (var media in new[] { "application/json", "application/fhir+json" })
            if (content.TryGetProperty(media, out var json)) return (media, json);
        return (null, default);
    }
}
