using System.Text.RegularExpressions;

namespace TumorBoard.UnitTests.Docs;

/// <summary>
/// One reference from the code into docs/domain, with the line it stands on. Section: <see cref="Target"/> "1.3", up to
/// <see cref="To"/>, with a <see cref="Qualifier"/> such as "A4" or "pitfalls". GeneralRule: Target "3". Item: Target
/// "12" (up to To) <see cref="Within"/> "(b)". Id: Target "4" (up to To) Within "DH".
/// </summary>
public sealed record Citation(int Line, string Text, string? Page, CitationKind Kind, string Target,
    string? To = null, string? Qualifier = null, string? Within = null);

public enum CitationKind { Section, GeneralRule, Item, Id }

/// <summary>
/// Finds the citations of docs/domain in a source file and checks them against the pages (the forms are listed in
/// docs/domain/README.md). A bare "§3.2" belongs to the page the file named last; "issue §4", "CFR §11.10" and "RFC 9110 §13.1.1" are not
/// citations of these pages.
/// </summary>
public static partial class Citations
{
    public static IReadOnlyList<Citation> Find(string source)
    {
        List<Citation> found = [];
        string? page = null;
        var lines = source.ReplaceLineEndings("\n").Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            foreach (Match m in Token().Matches(lines[n]))
            {
                var line = n + 1;
                if (m.Groups["page"].Success) page = m.Groups["page"].Value;
                else if (m.Groups["sec"].Success && !m.Groups["other"].Success)
                    found.Add(new(line, m.Value, page, CitationKind.Section, m.Groups["from"].Value,
                        m.Groups["to"].Success ? m.Groups["to"].Value : null,
                        m.Groups["qual"].Success ? m.Groups["qual"].Value : null));
                else if (m.Groups["rule"].Success)
                    found.Add(new(line, m.Value, page, CitationKind.GeneralRule, m.Groups["rn"].Value));
                else if (m.Groups["item"].Success)
                    found.Add(new(line, m.Value, "practice.md", CitationKind.Item, m.Groups["in"].Value,
                        To: m.Groups["ito"].Success ? m.Groups["ito"].Value : null, Within: $"({m.Groups["letter"].Value})"));
                else if (m.Groups["id"].Success)
                    found.Add(new(line, m.Value, "practice.md", CitationKind.Id, m.Groups["idn"].Value,
                        To: m.Groups["idto"].Success ? m.Groups["idto"].Value : null, Within: m.Groups["idk"].Value));
            }
        }
        return found;
    }

    /// <summary>Why the citation does not resolve in <paramref name="docs"/>, or null when it does.</summary>
    public static string? Problem(Citation c, DomainDocs docs)
    {
        if (c.Page is null) return "names no page: write the page before the section (\"scores.md §1.3\")";
        if (!docs.HasPage(c.Page)) return $"docs/domain has no {c.Page}";
        switch (c.Kind)
        {
            case CitationKind.Section:
                foreach (var key in Range(c.Target, c.To))
                    if (docs.Find(c.Page, key) is null) return $"{c.Page} has no section {key}";
                var section = docs.Find(c.Page, c.Target)!;
                return c.Qualifier is { } q && !HasPart(section, q) ? $"{c.Page} §{c.Target} has no \"{q}\"" : null;
            case CitationKind.GeneralRule:
                var rules = docs.FindByHeading(c.Page, "General rules");
                return rules is null ? $"{c.Page} has no general rules"
                    : rules.Items.Contains(int.Parse(c.Target)) ? null : $"{c.Page} has no general rule {c.Target}";
            case CitationKind.Item:
                var items = docs.Find(c.Page, c.Within!);
                if (items is null) return $"{c.Page} has no section {c.Within}";
                var missing = Numbers(c.Target, c.To).Where(i => !items.Items.Contains(i)).ToList();
                return missing.Count == 0 ? null : $"{c.Page} has no item {c.Within}{missing[0]}";
            default:
                var absent = Numbers(c.Target, c.To).Select(i => $"{c.Within}-{i}").FirstOrDefault(id => !docs.Defines(id));
                return absent is null ? null : $"{c.Page} defines no {absent}";
        }
    }

    /// <summary>"§3.3 A4" / "§3.1 M" / "§3.3 B3/B4": table rows (a letter alone stands for its rows A1, A2, …);
    /// "step C", "pitfalls", "ambiguities": words of the section.</summary>
    static bool HasPart(DomainDocs.Section section, string qualifier)
    {
        if (qualifier.StartsWith("step ", StringComparison.Ordinal) || !char.IsUpper(qualifier[0]))
            return section.Mentions(qualifier);
        return qualifier.Split('/').All(code => section.RowCodes.Any(row =>
            row == code || (code.Length == 1 && row.Length > 1 && row[0] == code[0] && row[1..].All(char.IsAsciiDigit))));
    }

    /// <summary>"6.1"-"6.3" → 6.1, 6.2, 6.3; "1"-"6" → 1…6; no end → the start alone.</summary>
    static IEnumerable<string> Range(string from, string? to)
    {
        if (to is null) { yield return from; yield break; }
        var (a, b) = (from.Split('.'), to.Split('.'));
        if (a.Length != b.Length || !a[..^1].SequenceEqual(b[..^1]) || int.Parse(b[^1]) < int.Parse(a[^1]))
        {
            yield return from; yield return to; yield break;
        }
        var prefix = string.Concat(a[..^1].Select(p => p + "."));
        for (var i = int.Parse(a[^1]); i <= int.Parse(b[^1]); i++) yield return prefix + i;
    }

    /// <summary>"12"-"13" → 12, 13; a reversed range → both ends.</summary>
    static IEnumerable<int> Numbers(string from, string? to)
    {
        var (a, b) = (int.Parse(from), int.Parse(to ?? from));
        return b >= a ? Enumerable.Range(a, b - a + 1) : [a, b];
    }

    [GeneratedRegex("""
        (?<page>\b(?:scores|practice|pathways)\.md\b)
        |(?<rule>\bgeneral\ rule\ (?<rn>\d+))
        |(?<sec>(?<other>\b(?:issue|CFR|RFC\s\d+)\s)?§\s?(?<from>\d+(?:\.\d+)*)(?:\s?[-–]\s?(?<to>\d+(?:\.\d+)*))?
            (?:\ (?<qual>step\ [A-Z]\b|pitfalls\b|ambiguities\b|[A-Z]\d*(?:/[A-Z]\d*)*(?![\w/])))?)
        |(?<item>\((?<letter>[a-e])\)(?<in>\d+)(?:[-–](?<ito>\d+))?)
        |(?<id>\b(?<idk>DH|REG)-(?<idn>\d+)(?:[-–](?<idto>\d+))?\b)
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Token();
}
