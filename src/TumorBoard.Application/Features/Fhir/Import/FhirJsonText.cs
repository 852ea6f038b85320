using System.Text;
using System.Text.Json;

namespace TumorBoard.Application.Features.Fhir.Import;

/// <summary>
/// The FHIR record's JSON text, checked before the Firely parser reads it, for what that parser lets through or words for
/// .NET rather than for an integrator: JSON that is not well-formed (where it breaks), a property given twice in one object
/// (FHIR JSON allows each once; the SDK silently keeps the first <c>resourceType</c> of an object and reads on), and text
/// holding a control character other than tab, CR and LF (FHIR strings should not; none of our fields takes one) or an
/// unpaired surrogate (not text at all). Each is one issue at the element's FHIRPath ("Patient.name[0].family").
/// </summary>
public static class FhirJsonText
{
    /// <summary>The first problem of the text, or null when the parser may read it.</summary>
    public static FhirIssue? FirstProblem(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = 64 });
        List<Frame> frames = [];
        string? root = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        Advance(frames);
                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        var top = frames[^1];
                        top.Property = null;
                        var name = reader.GetString()!;
                        if (!top.Names.Add(name))
                            return FhirIssue.Error(PathOf(frames, root, name), $"The property '{Printable(name)}' is given twice in one object: FHIR JSON allows each property once.");
                        if (BadCharacter(name) is { } badName)
                            return FhirIssue.Error(PathOf(frames, root, null), $"A property name holds {badName}.");
                        top.Property = name;
                        break;
                    case JsonTokenType.String:
                        Advance(frames);
                        var value = reader.GetString()!;
                        if (frames.Count == 1 && frames[0].Property == "resourceType") root ??= value;
                        if (BadCharacter(value) is { } bad)
                            return FhirIssue.Error(PathOf(frames, root, null), $"The text holds {bad}, which a FHIR string should not contain.");
                        break;
                    default:
                        Advance(frames);
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            return FhirIssue.Error("", $"The record is not well-formed JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
        }
        catch (InvalidOperationException)   // GetString of an escaped lone surrogate ("\ud800")
        {
            return FhirIssue.Error(PathOf(frames, root, null), "The text holds an unpaired surrogate (half of a \\u escape pair): it is not Unicode text.");
        }
        return null;
    }

    sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;
        public int Index { get; set; } = -1;
        public string? Property { get; set; }
        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>A value starts: in an array it is the next entry.</summary>
    static void Advance(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[^1].IsArray) frames[^1].Index++;
    }

    /// <summary>"Bundle.entry[1].resource.subject": the root's resourceType (when it came first), then each step.</summary>
    static string PathOf(List<Frame> frames, string? root, string? last)
    {
        if (frames.Count == 1 && last is null && frames[0].Property == "resourceType") return "resourceType";
        var path = new StringBuilder(root is not null && IsName(root) ? root : "");
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames[i];
            if (frame.IsArray) path.Append('[').Append(Math.Max(frame.Index, 0)).Append(']');
            else if (i == frames.Count - 1 && last is not null) path.Append(path.Length == 0 ? "" : ".").Append(Printable(last));
            else if (frame.Property is { } p) path.Append(path.Length == 0 ? "" : ".").Append(Printable(p));
        }
        return path.ToString();
    }

    static bool IsName(string s) => s.Length is > 0 and <= 64 && char.IsAsciiLetterUpper(s[0]) && s.All(char.IsAsciiLetterOrDigit);

    /// <summary>The first character no FHIR string takes, in words ("a control character (U+0007)"), or null.</summary>
    static string? BadCharacter(string text)
    {
        foreach (var c in text)
            if (c is < ' ' and not ('\t' or '\r' or '\n') or >= '\u007f' and <= '\u009f')
                return $"a control character (U+{(int)c:X4})";
        return null;
    }

    /// <summary>A name as it may be shown back: control characters as their code points.</summary>
    static string Printable(string text) =>
        BadCharacter(text) is null ? text : string.Concat(text.Select(c => c is < ' ' or >= '\u007f' and <= '\u009f' ? $"\\u{(int)c:X4}" : c.ToString()));
}
