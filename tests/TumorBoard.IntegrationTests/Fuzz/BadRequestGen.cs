using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace TumorBoard.IntegrationTests.Fuzz;

/// <summary>
/// A CsCheck generator of bad requests: a class (weighted), an operation of the document that the class applies to,
/// a plausible request for it (<see cref="PlausibleValues"/>), then one defect of that class. Everything random is
/// drawn from the PCG CsCheck passes in, so one seed replays the same sequence of requests as long as the app answers
/// the same way (the roles learnt from 403s steer later draws; ids and versions differ from run to run).
/// </summary>
public sealed class BadRequestGen : Gen<FuzzRequest>
{
    const string Placeholder = "__fuzz_raw_fragment__";
    static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    readonly FuzzWorld world;
    readonly RoleLearning roles;
    readonly Gen<FuzzClass> classes;
    readonly Dictionary<FuzzClass, FuzzOperation[]> applicable;

    public BadRequestGen(FuzzWorld world, RoleLearning roles)
    {
        this.world = world;
        this.roles = roles;
        var ops = world.Operations;
        applicable = Enum.GetValues<FuzzClass>().ToDictionary(c => c, c => ops.Where(o => AppliesTo(c, o)).ToArray());
        classes = Gen.Frequency(Weights.Where(w => applicable[w.Class].Length > 0).Select(w => (w.Weight, w.Class)).ToArray());
    }

    static readonly (int Weight, FuzzClass Class)[] Weights =
    [
        (6, FuzzClass.Valid), (8, FuzzClass.ControlCharacters), (6, FuzzClass.NullCollections), (6, FuzzClass.PageRange),
        (6, FuzzClass.DateRange), (6, FuzzClass.EnumValues), (5, FuzzClass.DuplicateKeys), (8, FuzzClass.WrongTypes),
        (6, FuzzClass.HugeStrings), (4, FuzzClass.DeepNesting), (7, FuzzClass.MalformedJson), (5, FuzzClass.WrongContentType),
        (4, FuzzClass.MissingBody), (6, FuzzClass.RouteValues), (5, FuzzClass.Identity), (5, FuzzClass.Headers),
        (3, FuzzClass.KestrelRefusals),
    ];

    public IReadOnlyDictionary<FuzzClass, FuzzOperation[]> Applicable => applicable;

    static bool AppliesTo(FuzzClass c, FuzzOperation o) => c switch
    {
        FuzzClass.ControlCharacters or FuzzClass.HugeStrings => o.Shapes.Any(s => s is TextShape),
        FuzzClass.NullCollections => o.HasBody || o.Shapes.Any(s => s is ListShape),
        FuzzClass.PageRange => o.Shapes.Any(s => s is IntegerShape),
        FuzzClass.DateRange => o.Shapes.Any(s => s is TextShape { Format: "date" or "date-time" }),
        FuzzClass.EnumValues => o.Shapes.Any(s => s is EnumShape),
        FuzzClass.DuplicateKeys => o.Body is ObjectShape || o.Query.Count > 0,
        FuzzClass.WrongTypes => o.HasBody || o.Query.Count > 0 || o.Route.Count > 0,
        FuzzClass.DeepNesting or FuzzClass.MalformedJson or FuzzClass.WrongContentType => o.HasBody,
        FuzzClass.RouteValues => o.Route.Count > 0,
        _ => true,
    };

    public override FuzzRequest Generate(PCG pcg, Size? min, out Size size)
    {
        size = new Size(0);
        var d = new Draw(pcg);
        var cls = d.From(classes);
        var op = d.Pick(applicable[cls]);
        var draft = Plausible(d, op, cls);
        switch (cls)
        {
            case FuzzClass.Valid: draft.Note = "as generated"; break;
            case FuzzClass.ControlCharacters: ControlCharacters(d, draft); break;
            case FuzzClass.NullCollections: NullCollections(d, draft); break;
            case FuzzClass.PageRange: Replace(d, draft, s => s is IntegerShape, PageValues, "out-of-range number"); break;
            case FuzzClass.DateRange: Replace(d, draft, s => s is TextShape { Format: "date" or "date-time" }, DateValues, "out-of-range date"); break;
            case FuzzClass.EnumValues: EnumValues(d, draft); break;
            case FuzzClass.DuplicateKeys: DuplicateKeys(d, draft); break;
            case FuzzClass.WrongTypes: WrongTypes(d, draft); break;
            case FuzzClass.HugeStrings: HugeStrings(d, draft); break;
            case FuzzClass.DeepNesting: DeepNesting(d, draft); break;
            case FuzzClass.MalformedJson: MalformedJson(d, draft); break;
            case FuzzClass.WrongContentType: WrongContentType(d, draft); break;
            case FuzzClass.MissingBody: MissingBody(d, draft); break;
            case FuzzClass.RouteValues: RouteValues(d, draft); break;
            case FuzzClass.Identity: Identity(d, draft); break;
            case FuzzClass.Headers: Headers(d, draft); break;
            case FuzzClass.KestrelRefusals: KestrelRefusals(d, draft); break;
        }
        return draft.Build();
    }

    // ---- the plausible request -------------------------------------------------------------------------------------

    Draft Plausible(Draw d, FuzzOperation op, FuzzClass cls)
    {
        var place = d.Chance(0.85) ? d.Pick(world.Places) : new Dictionary<string, Guid>();
        var values = new PlausibleValues(world, d, place);
        var draft = new Draft(op, cls) { As = roles.Pick(op, d.Int(0, 9999)) };
        foreach (var p in op.Route)
            draft.Route[p.Name] = p.Shape switch
            {
                TextShape { Format: "uuid" } => values.Id(p.Name).ToString(),
                IntegerShape => d.Int(1, 3).ToString(CultureInfo.InvariantCulture),
                _ => SiblingLiterals(op, p.Name) is { Length: > 0 } literals ? d.Pick(literals) : "x",
            };
        foreach (var p in op.Query)
            if (p.Required || d.Chance(0.35))
                draft.Query.Add((p.Name, QueryText(values.For(p.Shape, p.Name))));
        if (op.Body is { } body) draft.Body = values.For(body, "body");
        if (op.Method is "PUT" or "POST" && op.Route.Count > 0 && d.Chance(0.6)) draft.ETagFrom = ReadOf(op);
        return draft;
    }

    /// <summary>Literal path segments other operations have where this one has {parameter}: the values it expects.</summary>
    string[] SiblingLiterals(FuzzOperation op, string parameter)
    {
        var segments = op.Path.Split('/');
        var at = Array.IndexOf(segments, "{" + parameter + "}");
        return world.Operations.Select(o => o.Path.Split('/'))
            .Where(s => s.Length > at && s.Take(at).SequenceEqual(segments.Take(at)) && !s[at].StartsWith('{'))
            .Select(s => s[at]).Distinct().ToArray();
    }

    /// <summary>The GET whose path is the longest prefix of this one's: where its ETag comes from.</summary>
    string? ReadOf(FuzzOperation op) => world.Operations
        .Where(o => o.Method == "GET" && !o.Path.Contains("{discipline}") && (op.Path == o.Path || op.Path.StartsWith(o.Path + "/")))
        .OrderByDescending(o => o.Path.Length).FirstOrDefault()?.Path;

    // ---- where a defect goes ---------------------------------------------------------------------------------------

    sealed record Spot(string Name, Shape Shape, JsonNode? Value, Action<JsonNode?> Set, bool InQuery);

    static List<Spot> Spots(Draft draft)
    {
        List<Spot> spots = [];
        if (draft.Operation.Body is { } body && draft.Body is not null)
            Walk(draft.Body, body, "body", v => draft.Body = v, spots);
        foreach (var p in draft.Operation.Query)
        {
            var current = draft.Query.FirstOrDefault(q => q.Name == p.Name).Value;
            spots.Add(new Spot(p.Name, p.Shape, current is null ? null : JsonValue.Create(current), v =>
            {
                draft.Query.RemoveAll(q => q.Name == p.Name);
                draft.Query.Add((p.Name, QueryText(v)));
            }, InQuery: true));
        }
        return spots;
    }

    static void Walk(JsonNode? node, Shape shape, string name, Action<JsonNode?> set, List<Spot> into)
    {
        into.Add(new Spot(name, shape, node, set, InQuery: false));
        if (shape is ObjectShape o && node is JsonObject obj)
            foreach (var field in o.Fields.Where(f => obj.ContainsKey(f.Name)))
                Walk(obj[field.Name], field.Shape, field.Name, v => obj[field.Name] = v, into);
        else if (shape is ListShape l && node is JsonArray array)
            for (var i = 0; i < array.Count; i++)
            {
                var index = i;
                Walk(array[i], l.Item, name, v => array[index] = v, into);
            }
    }

    static Spot? PickSpot(Draw d, Draft draft, Func<Shape, bool> where)
    {
        var spots = Spots(draft).Where(s => where(s.Shape)).ToArray();
        return spots.Length == 0 ? null : d.Pick(spots);
    }

    static void Replace(Draw d, Draft draft, Func<Shape, bool> where, Func<Draw, Spot, JsonNode?> value, string note)
    {
        if (PickSpot(d, draft, where) is not { } spot) { WrongTypes(d, draft); return; }
        var v = value(d, spot);
        spot.Set(v);
        draft.Note = $"{note} in {(spot.InQuery ? "query " : "")}{spot.Name}: {Show(v)}";
    }

    // ---- the classes -----------------------------------------------------------------------------------------------

    static readonly char[] ControlChars =
        [.. Enumerable.Range(0, 32).Select(i => (char)i), '\u007f', '\ud800', '\udfff', '\ufffe', '\u0085'];

    static void ControlCharacters(Draw d, Draft draft)
    {
        var freeText = d.Chance(0.8);
        Replace(d, draft, s => s is TextShape t && (t.IsFreeText || !freeText), (_, spot) =>
        {
            var text = spot.Value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : "Fuzz";
            var c = d.Pick(ControlChars);
            var at = d.Int(0, text.Length);
            return d.Int(0, 3) switch
            {
                0 => c.ToString(),
                1 => new string(c, d.Int(2, 50)),
                _ => text.Insert(at, c.ToString()),
            };
        }, "control character");
    }

    static void NullCollections(Draw d, Draft draft)
    {
        if (draft.Operation.HasBody && d.Chance(0.15))
        {
            draft.BodyText = "null";
            draft.Note = "body null";
            return;
        }
        Replace(d, draft, s => s is ListShape, (_, spot) =>
        {
            var first = spot.Value is JsonArray { Count: > 0 } a ? a[0]?.DeepClone() : "x";
            return d.Int(0, 3) switch
            {
                0 => null,
                1 => new JsonArray((JsonNode?)null),
                2 => new JsonArray(null, first),
                _ => new JsonArray(first, null),
            };
        }, "null collection");
    }

    static JsonNode? PageValues(Draw d, Spot spot) => spot.InQuery && d.Chance(0.3)
        ? d.Pick(["1e3", "01", " 1", "+1", "0x10", "", "1,2", "1.0", "١"])
        : d.Pick<JsonNode?>([0, -1, 100_000_000, int.MaxValue, 2_147_483_648L, int.MinValue, -2_147_483_649L, long.MaxValue,
            JsonNode.Parse("9223372036854775808"), JsonNode.Parse("1e300"), 1.5, JsonNode.Parse("-0"), uint.MaxValue]);

    static JsonNode? DateValues(Draw d, Spot spot) => d.Pick(
    [
        "9999-12-31", "0001-01-01", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59.9999999+14:00", "0001-01-01T00:00:00Z",
        "0001-01-01T00:00:00-14:00", "10000-01-01", "2026-02-30", "2026-13-01", "1900-01-01", "2200-06-15", "0000-01-01",
        "-0001-01-01", "2026-01-01T25:00:00Z", "1970-01-01T00:00:00+99:00", "2026-06-15T12:00:00",
    ]);

    static void EnumValues(Draw d, Draft draft) =>
        Replace(d, draft, s => s is EnumShape, (_, spot) =>
        {
            var names = ((EnumShape)spot.Shape).Names;
            var name = names.Count > 0 ? d.Pick(names) : "X";
            return d.Int(0, 12) switch
            {
                0 => -1, 1 => 0, 2 => 1, 3 => 999, 4 => 2_147_483_648L,
                5 => "-1", 6 => "0", 7 => "999", 8 => name.ToLowerInvariant(), 9 => name.ToUpperInvariant(),
                10 => names.Count > 1 ? $"{names[0]},{names[1]}" : name + ",",
                11 => d.Pick([" " + name, name + " ", "", "null", "Undefined"]),
                _ => JsonNamingPolicy.CamelCase.ConvertName(name) + "s",
            };
        }, "undefined enum value");

    static void DuplicateKeys(Draw d, Draft draft)
    {
        var objects = draft.Operation.Body is not null && draft.Body is not null
            ? Spots(draft).Where(s => !s.InQuery && s.Value is JsonObject { Count: > 0 }).ToArray()
            : [];
        if (objects.Length == 0 || (draft.Query.Count > 0 && d.Chance(0.2)))
        {
            if (draft.Operation.Query.Count == 0) { WrongTypes(d, draft); return; }
            var p = d.Pick(draft.Operation.Query);
            draft.Query.Add((p.Name, "1"));
            draft.Query.Add((p.Name, d.Pick(["2", "x", ""])));
            draft.Note = $"query {p.Name} given twice";
            return;
        }
        var target = (JsonObject)d.Pick(objects).Value!;
        var key = d.Pick(target.Select(p => p.Key).ToArray());
        JsonNode? other = d.Chance(0.5) ? target[key]?.DeepClone() : d.Pick<JsonNode?>(["duplicate", 1, null, true]);
        draft.BodyText = WithDuplicate(draft.Body!, target, key, other, before: d.Chance(0.5));
        draft.Note = $"'{key}' given twice";
    }

    static void WrongTypes(Draw d, Draft draft)
    {
        if (draft.Operation.HasBody && draft.Body is JsonObject body && d.Chance(0.1))
        {
            body["unexpected" + d.Int(0, 9)] = d.Pick<JsonNode?>([1, "x", null, new JsonObject()]);
            draft.Note = "an unknown field";
            return;
        }
        var spots = Spots(draft);
        if (spots.Count == 0)
        {
            RouteValues(d, draft);
            return;
        }
        var spot = d.Pick(spots);
        JsonNode? wrong = spot.InQuery
            ? spot.Shape switch
            {
                IntegerShape or NumberShape => d.Pick(["abc", "1.5", "true", "1;2"]),
                BooleanShape => d.Pick(["maybe", "1", "yes", "TRUE!"]),
                TextShape { Format: "uuid" } => d.Pick(["not-a-guid", "1234", "{}", "00000000-0000-0000-0000-00000000000g"]),
                TextShape { Format: "date" or "date-time" } => d.Pick(["yesterday", "2026/01/01", "01.02.2026", "1735689600"]),
                _ => d.Pick(["{}", "[1]", "%", "a&b=c"]),
            }
            : spot.Shape switch
            {
                TextShape => d.Pick<JsonNode?>([1, true, new JsonObject(), new JsonArray(), JsonNode.Parse("""{"a":1}"""), 1.5]),
                IntegerShape => d.Pick<JsonNode?>(["1", "abc", true, new JsonArray(), new JsonObject(), 1.5, "1.0"]),
                NumberShape => d.Pick<JsonNode?>(["1", "abc", true, new JsonArray(), new JsonObject()]),
                BooleanShape => d.Pick<JsonNode?>(["true", 1, 0, "yes", new JsonObject()]),
                EnumShape => d.Pick<JsonNode?>([1, 1.5, new JsonObject(), new JsonArray(), true]),
                ListShape => d.Pick<JsonNode?>([new JsonObject(), "x", 1, JsonNode.Parse("""{"0":"x"}"""), true]),
                ObjectShape => d.Pick<JsonNode?>([new JsonArray(), "x", 1, true, JsonNode.Parse("""[{}]""")]),
                _ => d.Pick<JsonNode?>([1, "x", new JsonArray()]),
            };
        spot.Set(wrong);
        draft.Note = $"wrong type in {(spot.InQuery ? "query " : "")}{spot.Name}: {Show(wrong)}";
    }

    static void HugeStrings(Draw d, Draft draft)
    {
        if (draft.Operation.HasBody && d.Chance(0.2) && PickSpot(d, draft, s => s is ListShape) is { } list)
        {
            var first = list.Value is JsonArray { Count: > 0 } a ? a[0] : JsonValue.Create("x");
            var size = Math.Max(1, Encoding.UTF8.GetByteCount(first?.ToJsonString() ?? "null"));
            var count = Math.Min(d.Pick([1_000, 5_000, 20_000]), 2_000_000 / size);
            list.Set(new JsonArray([.. Enumerable.Range(0, count).Select(_ => first?.DeepClone())]));
            draft.Note = $"a list of {count} entries in {list.Name}";
            return;
        }
        var freeText = d.Chance(0.8);
        Replace(d, draft, s => s is TextShape t && (t.IsFreeText || !freeText), (_, spot) =>
        {
            var unit = d.Pick(["a", "é", "😀", "Wirbelkörper ", "\u00a0", "<script>"]);
            // In a query, as long as the request target may be (8 KiB) once percent-encoded; longer is Kestrel's refusal.
            var length = spot.InQuery ? d.Int(1_000, 6_000) * unit.Length / Draft.EscapedLength(unit)
                : d.From(Gen.Frequency((6, Gen.Const(5_000)), (4, Gen.Const(100_000)), (1, Gen.Const(1_000_000))));
            var text = new StringBuilder(length + unit.Length);
            while (text.Length < length) text.Append(unit);
            return text.ToString();
        }, "huge string");
        if (draft.Note.Length > 200) draft.Note = draft.Note[..200];
    }

    static void DeepNesting(Draw d, Draft draft)
    {
        var depth = d.Pick([65, 200, 5_000, 50_000]);
        var (open, close) = d.Int(0, 2) switch
        {
            0 => ("[", "]"),
            1 => ("{\"a\":", "}"),
            _ => ("[{\"a\":", "}]"),
        };
        var fragment = new StringBuilder(depth * (open.Length + close.Length) + 1);
        for (var i = 0; i < depth; i++) fragment.Append(open);
        fragment.Append(open == "[" ? "" : "1");
        for (var i = 0; i < depth; i++) fragment.Append(close);
        var spots = Spots(draft).Where(s => !s.InQuery).ToArray();
        var spot = d.Pick(spots);
        spot.Set(JsonValue.Create(Placeholder));
        draft.BodyText = Serialize(draft.Body).Replace($"\"{Placeholder}\"", fragment.ToString());
        draft.Note = $"{spot.Name} nested {depth} deep";
    }

    static void MalformedJson(Draw d, Draft draft)
    {
        var text = Serialize(draft.Body);
        var bytes = Encoding.UTF8.GetBytes(text);
        var quote = text.IndexOf('"', StringComparison.Ordinal);
        var stringAt = quote < 0 ? 0 : quote + 1;
        (draft.BodyBytes, draft.Note) = d.Int(0, 16) switch
        {
            0 => (bytes[..d.Int(0, Math.Max(0, bytes.Length - 1))], "truncated"),
            1 => (Concat(bytes, Encoding.UTF8.GetBytes(d.Pick(["}", "]", "xyz", ",", "\0", "{}"]))), "trailing garbage"),
            2 => (Encoding.UTF8.GetBytes(quote < 0 ? text + "\"" : text.Remove(quote, 1)), "a quote missing"),
            3 => (Encoding.UTF8.GetBytes(ReplaceFirst(text, ":", "=")), "= for :"),
            4 => (Encoding.UTF8.GetBytes(text.Replace('"', '\'')), "single quotes"),
            5 => (Encoding.UTF8.GetBytes(text.EndsWith('}') ? text[..^1] + ",}" : text + ","), "trailing comma"),
            6 => (Encoding.UTF8.GetBytes(ReplaceFirst(text, "{", "{/* a comment */")), "a comment"),
            7 => (Encoding.UTF8.GetBytes(ReplaceFirst(text, "{", "{\"x\":" + d.Pick(["NaN", "Infinity", "-Infinity", "undefined"]) + ",")), "NaN"),
            8 => (Splice(bytes, stringAt, d.Pick<byte[]>([[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xAF]])), "invalid UTF-8"),
            9 => (Concat([0xEF, 0xBB, 0xBF], bytes), "UTF-8 byte order mark"),
            10 => (Encoding.Unicode.GetBytes(text), "UTF-16 without saying so"),
            11 => (Encoding.UTF8.GetBytes(d.Pick(["", " ", "\r\n"])), "empty"),
            12 => (Encoding.UTF8.GetBytes(d.Pick(["[]", "\"text\"", "123", "true", "[{}]", "{}{}"])), "wrong top-level value"),
            13 => (Splice(bytes, stringAt, [d.Pick<byte>([0x01, 0x0A, 0x09, 0x00, 0x1F])]), "a raw control character in a string"),
            14 => (Encoding.UTF8.GetBytes(ReplaceFirst(text, "{", "{\"x\":" + new string('9', d.Pick([400, 5_000, 100_000])) + ",")), "a very long number"),
            15 => (Encoding.UTF8.GetBytes(stringAt == 0 ? text : text.Insert(stringAt, d.Pick(["\\x41", "\\u12", "\\", "\\uZZZZ", "\\ud800"]))), "a bad escape"),
            _ => (Encoding.UTF8.GetBytes(text.Replace("\"", "")), "no quotes"),
        };
    }

    static void WrongContentType(Draw d, Draft draft)
    {
        draft.ContentType = d.Pick<string?>(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml",
            null, "application/json; charset=iso-8859-1", "application/json; charset=utf-16", "application/jsonx", "application/merge-patch+json",
            "*/*", "application/json, text/plain", "garbage", "text/json", "application/problem+json", "application/json; charset=nonsense",
            "application/fhir+xml", "application/fhir+json; charset=utf-16", "application/fhir+json; fhirVersion=3.0"]);
        if (draft.ContentType == "application/x-www-form-urlencoded" && draft.Body is JsonObject o && d.Chance(0.5))
            draft.BodyText = string.Join("&", o.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value?.ToString() ?? "")}"));
        draft.Note = $"Content-Type {draft.ContentType ?? "missing"}";
    }

    static void MissingBody(Draw d, Draft draft)
    {
        if (draft.Operation.HasBody)
        {
            draft.SendBody = !d.Chance(0.5);
            if (draft.SendBody) draft.BodyBytes = [];
            draft.Note = draft.SendBody ? "empty body" : "no body";
        }
        else
        {
            draft.SendBody = true;
            draft.BodyText = d.Pick(["{}", "{\"x\":1}", "null", "garbage"]);
            draft.Note = "a body where none is expected";
        }
    }

    static void RouteValues(Draw d, Draft draft)
    {
        if (draft.Operation.Route.Count == 0) { Headers(d, draft); return; }
        var p = d.Pick(draft.Operation.Route);
        var current = draft.Route[p.Name];
        draft.Route[p.Name] = p.Shape switch
        {
            TextShape { Format: "uuid" } => d.Pick([d.Guid().ToString(), "not-a-guid", Guid.Empty.ToString(), current.ToUpperInvariant(),
                "{" + current + "}", current.Replace("-", ""), current + "x", "1", "-1", "%20", "%2F", "..", "%2e%2e", new string('a', 300),
                "99999999999999999999", "%" + current, current + "%2F..%2F"]),
            IntegerShape => d.Pick(["0", "-1", "2147483647", "2147483648", "1.5", "abc", "99999999999999999999", "%20"]),
            _ => d.Pick(["cardiology", current.ToUpperInvariant(), "%20", "neurosurgery%2Fdraft", "..", new string('x', 300), "%C3%A9"]),
        };
        draft.Note = $"route {p.Name} = {Show(draft.Route[p.Name])}";
    }

    void Identity(Draw d, Draft draft)
    {
        var token = world.Tokens.Values.FirstOrDefault() ?? "none";
        var variant = d.Int(0, 11);
        draft.As = null;
        if (variant == 0) draft.As = roles.Refused(draft.Operation, d.Int(0, 9999)) ?? d.Pick(FuzzWorld.Roles);
        else draft.RawAuthorization = variant switch
        {
            1 => null,
            2 => "Bearer",
            3 => "Bearer ",
            4 => "Bearer not-a-token",
            5 => "Bearer " + Flip(token, d.Int(0, token.Length - 1)),
            6 => "Bearer " + new string('a', 10_000),
            7 => "Basic dXNlcjpwYXNz",
            8 => "Bearer " + token + " extra",
            9 => "Negotiate abc",
            10 => "Bearer " + token[..(token.Length / 2)],
            _ => null,
        };
        if (variant == 11) draft.Headers.Add(new("Cookie", "TumorBoard.Auth=" + d.Pick(["garbage", token, new string('x', 3000)])));
        draft.Note = variant == 0 ? $"as {draft.As}" : $"Authorization: {Show(draft.RawAuthorization ?? (variant == 11 ? "(a forged cookie)" : "(none)"))}";
    }

    static string Flip(string token, int at) => at < 0 || token.Length == 0 ? token
        : token[..at] + (token[at] == 'A' ? 'B' : 'A') + token[(at + 1)..];

    static void Headers(Draw d, Draft draft)
    {
        var (name, value) = d.Int(0, 3) switch
        {
            0 or 1 => ("If-Match", d.Pick(["garbage", "\"0\"", "\"4294967296\"", "\"-1\"", "W/\"1\"", "*", "\"", "\"1\", \"2\"", "",
                new string('9', 4000), "\"" + new string('1', 2000) + "\"", "\"1.5\"", "\"١\"", "\"ü\""])),
            2 => ("Accept", d.Pick(["text/html", "application/xml", "*/*;q=0", "garbage/garbage", "application/json;q=0", "image/png"])),
            _ => d.Pick<(string, string)>([("X-HTTP-Method-Override", "DELETE"), ("Content-Encoding", "gzip"), ("Range", "bytes=0-1"),
                ("X-Forwarded-For", "not-an-address"), ("Origin", "https://evil.example"), ("If-None-Match", "*")]),
        };
        if (name == "If-Match") draft.ETagFrom = null;
        draft.Headers.Add(new(name, value));
        draft.Note = $"{name}: {Show(value)}";
    }

    static void KestrelRefusals(Draw d, Draft draft)
    {
        switch (d.Int(0, 3))
        {
            case 0:
                var path = draft.BuildPath();
                var cut = path.LastIndexOf('/') + 1;
                draft.RawTarget = path[..cut] + "%00" + path[cut..] + draft.BuildQuery();
                draft.KestrelMayRefuse = true;
                draft.Note = "%00 in the path";
                break;
            case 1:
                var length = d.Pick([8_300, 12_000, 16_500, 40_000]);
                draft.Query.Add(("q", new string('a', length)));
                draft.KestrelMayRefuse = length > 16_000;
                draft.Note = $"a query of {length} characters";
                break;
            case 2:
                var count = d.Int(101, 150);
                for (var i = 0; i < count; i++) draft.Headers.Add(new($"X-Fuzz-{i}", "v"));
                draft.KestrelMayRefuse = true;
                draft.Note = $"{count} headers";
                break;
            default:
                var size = d.Pick([33_000, 60_000, 70_000]);
                draft.Headers.Add(new("X-Padding", new string('p', size)));
                draft.KestrelMayRefuse = size > 64_000;
                draft.Note = $"a header of {size} bytes";
                break;
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    static string Serialize(JsonNode? node) => node?.ToJsonString(Compact) ?? "null";

    static string QueryText(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => value.ToJsonString(),
    };

    static string Show(JsonNode? value) => Show(value is null ? "null" : value.ToJsonString(Compact));

    static string Show(string value) => (value.Length > 80 ? value[..80] + $"… ({value.Length} chars)" : value).Replace("\0", "\\0");

    static string ReplaceFirst(string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        return at < 0 ? with + text : text[..at] + with + text[(at + what.Length)..];
    }

    static byte[] Concat(byte[] a, byte[] b) => [.. a, .. b];

    static byte[] Splice(byte[] bytes, int at, byte[] inserted) => [.. bytes[..Math.Min(at, bytes.Length)], .. inserted, .. bytes[Math.Min(at, bytes.Length)..]];

    /// <summary>The body as JSON text with <paramref name="key"/> of <paramref name="target"/> written a second time.</summary>
    static string WithDuplicate(JsonNode root, JsonObject target, string key, JsonNode? extra, bool before)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Compact.Encoder, SkipValidation = true }))
            Write(writer, root);
        return Encoding.UTF8.GetString(buffer.ToArray());

        void Write(Utf8JsonWriter w, JsonNode? node)
        {
            switch (node)
            {
                case null: w.WriteNullValue(); break;
                case JsonObject o:
                    w.WriteStartObject();
                    if (ReferenceEquals(o, target) && before) { w.WritePropertyName(key); Write(w, extra); }
                    foreach (var (name, value) in o) { w.WritePropertyName(name); Write(w, value); }
                    if (ReferenceEquals(o, target) && !before) { w.WritePropertyName(key); Write(w, extra); }
                    w.WriteEndObject();
                    break;
                case JsonArray a:
                    w.WriteStartArray();
                    foreach (var item in a) Write(w, item);
                    w.WriteEndArray();
                    break;
                default: node.WriteTo(w); break;
            }
        }
    }

    /// <summary>A request being put together.</summary>
    sealed class Draft(FuzzOperation operation, FuzzClass cls)
    {
        public FuzzOperation Operation { get; } = operation;
        public Dictionary<string, string> Route { get; } = [];
        public List<(string Name, string Value)> Query { get; } = [];
        public List<KeyValuePair<string, string>> Headers { get; } = [];
        public JsonNode? Body { get; set; }
        public string? BodyText { get; set; }
        public byte[]? BodyBytes { get; set; }
        public bool SendBody { get; set; } = operation.HasBody;
        public string? ContentType { get; set; } = operation.MediaType;
        public string? As { get; set; }
        public string? RawAuthorization { get; set; }
        public string? RawTarget { get; set; }
        public string? ETagFrom { get; set; }
        public bool KestrelMayRefuse { get; set; }
        public string Note { get; set; } = "";

        public string BuildPath() => Fill(Operation.Path);

        public string BuildQuery() => Query.Count == 0 ? "" : "?" + string.Join("&", Query.Select(q => $"{Escape(q.Name)}={Escape(q.Value)}"));

        string Fill(string template)
        {
            foreach (var (name, value) in Route) template = template.Replace("{" + name + "}", value);
            return template;
        }

        public FuzzRequest Build()
        {
            byte[]? body = null;
            if (SendBody) body = BodyBytes ?? Encoding.UTF8.GetBytes(BodyText ?? Serialize(Body));
            var target = RawTarget ?? BuildPath() + BuildQuery();
            // Past Kestrel's limits (Program: 16 KiB request line, 64 KiB and 100 headers) or a header Kestrel cannot
            // read: Kestrel answers before the app, with an empty body (README, "Request limits").
            KestrelMayRefuse |= target.Length > 16 * 1024 - 32 || Headers.Count > 90
                || Headers.Sum(h => h.Key.Length + h.Value.Length) > 60 * 1024 || Headers.Any(h => h.Value.Any(c => c > 127));
            return new FuzzRequest(cls, Operation, target, As, RawAuthorization, body,
                SendBody ? ContentType : null, Headers, Note, KestrelMayRefuse, ETagFrom is null ? null : Fill(ETagFrom));
        }

        public static int EscapedLength(string value) => Escape(value).Length;

        /// <summary>Percent-encodes the UTF-8 bytes of a query name or value (a lone surrogate becomes U+FFFD, as a browser sends it).</summary>
        static string Escape(string value)
        {
            var text = new StringBuilder(value.Length);
            foreach (var b in Encoding.UTF8.GetBytes(value))
                text.Append(b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
                    or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~' ? ((char)b).ToString() : $"%{b:X2}");
            return text.ToString();
        }
    }
}
