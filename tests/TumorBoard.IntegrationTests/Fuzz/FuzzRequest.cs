using System.Text;
using CsCheck;

namespace TumorBoard.IntegrationTests.Fuzz;

/// <summary>The kinds of bad request the suite generates (issue #10 items 4-10 and the usual suspects).</summary>
public enum FuzzClass
{
    /// <summary>The plausible request every other class starts from: it may well succeed.</summary>
    Valid,
    ControlCharacters,
    NullCollections,
    PageRange,
    DateRange,
    EnumValues,
    DuplicateKeys,
    WrongTypes,
    HugeStrings,
    DeepNesting,
    MalformedJson,
    WrongContentType,
    MissingBody,
    RouteValues,
    Identity,
    Headers,
    KestrelRefusals,
}

/// <summary>One generated request, printable so that a failure can be replayed by hand.</summary>
public sealed record FuzzRequest(
    FuzzClass Class,
    FuzzOperation Operation,
    string Target,
    string? As,
    string? RawAuthorization,
    byte[]? Body,
    string? ContentType,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string Note,
    bool KestrelMayRefuse,
    string? ETagFrom)
{
    public override string ToString()
    {
        var text = new StringBuilder($"[{Class}] {Operation.Method} {Shorten(Target, 600)}  ({Operation.Id}; {Note})\n");
        text.Append($"  as: {As ?? (RawAuthorization is null ? "anonymous" : "Authorization: " + Shorten(RawAuthorization, 120))}\n");
        foreach (var (name, value) in Headers) text.Append($"  {name}: {Shorten(value, 200)}\n");
        if (ContentType is not null) text.Append($"  Content-Type: {ContentType}\n");
        if (Body is not null) text.Append($"  body ({Body.Length} bytes): {Shorten(Encoding.UTF8.GetString(Body), 1500)}\n");
        return text.ToString();
    }

    static string Shorten(string s, int max) =>
        (s.Length <= max ? s : s[..max] + $"… ({s.Length} chars)").Replace("\0", "\\0");
}

/// <summary>The randomness of one generated request: CsCheck generators drawn from the PCG CsCheck hands the generator.</summary>
public sealed class Draw(PCG pcg)
{
    public T From<T>(Gen<T> gen) => gen.Generate(pcg, null, out _);
    public int Int(int min, int max) => From(Gen.Int[min, max]);
    public bool Chance(double p) => From(Gen.Double[0, 1]) < p;
    public T Pick<T>(IReadOnlyList<T> items) => items[Int(0, items.Count - 1)];
    public Guid Guid() => From(Gen.Guid);
}
