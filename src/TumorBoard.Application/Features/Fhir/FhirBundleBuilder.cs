using System.Security;
using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;
using TumorBoard.Domain.Clinical;

namespace TumorBoard.Application.Features.Fhir;

/// <summary>
/// The entries of one Bundle: each resource once, under a fullUrl "urn:uuid:…" derived from what it stands for (the
/// same decision, patient or account gives the same fullUrl on every export), in the order added. The helpers build the
/// small data types every mapper needs.
/// </summary>
public sealed class FhirBundleBuilder(FhirOptions options)
{
    readonly List<Bundle.EntryComponent> entries = [];
    readonly HashSet<string> urls = [];

    public FhirOptions Options { get; } = options;

    public IReadOnlyList<Bundle.EntryComponent> Entries => entries;

    /// <summary>The fullUrl of the resource of <paramref name="kind"/> that stands for <paramref name="id"/>.</summary>
    public static string UrlFor(string kind, Guid id) => $"urn:uuid:{StableUuid($"{kind}/{id}")}";

    public static ResourceReference Ref(string url, string? display = null) => new(url) { Display = display };

    /// <summary>Adds the resource unless one with that fullUrl is already in; returns a reference to it.</summary>
    public ResourceReference Add(string url, Func<Resource> create, string? display = null)
    {
        if (urls.Add(url))
        {
            // The entry takes its place before the resources its creation refers to (the Composition comes first).
            var entry = new Bundle.EntryComponent { FullUrl = url };
            entries.Add(entry);
            entry.Resource = create();
        }
        return Ref(url, display);
    }

    /// <summary>The account as a Practitioner (identifier: the account id, name: the printed name on the record).</summary>
    public ResourceReference Practitioner(Guid accountId, string name) => Add(UrlFor("Practitioner", accountId), () => new Practitioner
    {
        Identifier = [new Identifier(Options.AccountSystem, accountId.ToString())],
        Name = [new HumanName { Text = name }],
    }, name);

    public CodeableConcept Ours(FhirVocabulary.Concept concept) => new(Options.CodeSystemUrl, concept.Code, concept.Display, concept.Display);

    public CodeableConcept Ours(Enum value, string? text = null) => new(Options.CodeSystemUrl, FhirVocabulary.Code(value),
        Domain.Common.DisplayWords.Of(value), text ?? Domain.Common.DisplayWords.Of(value));

    public Coding OursCoding(Enum value) => new(Options.CodeSystemUrl, FhirVocabulary.Code(value), Domain.Common.DisplayWords.Of(value));

    /// <summary>A vertebral level: SNOMED CT body structure where the concept map has one, always our level code.</summary>
    public CodeableConcept Level(SpinalLevel level)
    {
        var concept = new CodeableConcept { Text = level.ToString() };
        if (FhirVocabulary.VertebraSnomed.TryGetValue(level, out var snomed))
            concept.Coding.Add(new Coding(FhirVocabulary.Snomed, snomed, $"Vertebra {level}"));
        concept.Coding.Add(OursCoding(level));
        return concept;
    }

    public Identifier Identifier(string kind, Guid id) => new(FhirVocabulary.Rfc3986, UrlFor(kind, id));

    public static string Instant(DateTimeOffset at) => new FhirDateTime(at.ToUniversalTime()).Value!;

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A generated narrative: one paragraph per line, escaped.</summary>
    public static Narrative Narrative(IEnumerable<string> lines)
    {
        var html = new StringBuilder("<div xmlns=\"http://www.w3.org/1999/xhtml\">");
        foreach (var line in lines.Where(l => !string.IsNullOrWhiteSpace(l)))
            html.Append("<p>").Append(SecurityElement.Escape(line.Trim())).Append("</p>");
        html.Append("</div>");
        return new Narrative { Status = Hl7.Fhir.Model.Narrative.NarrativeStatus.Generated, Div = html.ToString() };
    }

    /// <summary>A name-based UUID (RFC 9562 version 5 layout over SHA-1 of the name).</summary>
    static Guid StableUuid(string name)
    {
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes("tumorboard:" + name));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
