using System.Text.RegularExpressions;

namespace TumorBoard.UnitTests.Docs;

/// <summary>
/// The pages of docs/domain as the citation check reads them: headings with their numbers ("1.3", "(b)"), the text
/// under each heading (subsections included), the numbered items and table rows in that text, and the requirement
/// ids the pages define (a table row "| DH-4 |" or a bold "**REG-10").
/// </summary>
public sealed partial class DomainDocs
{
    public sealed record Section(string? Key, int Level, string Heading, IReadOnlyList<string> Lines)
    {
        /// <summary>Top-level numbered items ("12. ...") in this section and its subsections.</summary>
        public IReadOnlySet<int> Items => Lines.Select(l => ItemLine().Match(l))
            .Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value)).ToHashSet();

        /// <summary>First cells of the table rows in this section and its subsections.</summary>
        public IReadOnlySet<string> RowCodes => Lines.Select(l => RowLine().Match(l))
            .Where(m => m.Success).Select(m => m.Groups[1].Value.Trim()).ToHashSet();

        public bool Mentions(string words) => Lines.Any(l => l.Contains(words, StringComparison.OrdinalIgnoreCase));
    }

    readonly Dictionary<string, List<Section>> sections = [];
    readonly HashSet<string> ids = [];

    /// <param name="pages">file name ("scores.md") → markdown</param>
    public DomainDocs(IReadOnlyDictionary<string, string> pages)
    {
        foreach (var (name, markdown) in pages)
        {
            var lines = markdown.ReplaceLineEndings("\n").Split('\n');
            sections[name] = Parse(lines);
            foreach (var line in lines)
                foreach (Match m in IdDefinition().Matches(line))
                    ids.Add(m.Groups["id"].Value);
        }
    }

    public static DomainDocs Load(string folder) =>
        new(Directory.GetFiles(folder, "*.md").ToDictionary(f => Path.GetFileName(f), File.ReadAllText));

    public bool HasPage(string page) => sections.ContainsKey(page);

    /// <summary>The section numbered <paramref name="key"/> ("1.3", "6", "(b)") on the page, or null.</summary>
    public Section? Find(string page, string key) =>
        sections.GetValueOrDefault(page)?.FirstOrDefault(s => s.Key == key);

    /// <summary>The first section whose heading contains <paramref name="words"/>, or null.</summary>
    public Section? FindByHeading(string page, string words) =>
        sections.GetValueOrDefault(page)?.FirstOrDefault(s => s.Heading.Contains(words, StringComparison.OrdinalIgnoreCase));

    public bool Defines(string id) => ids.Contains(id);

    static List<Section> Parse(string[] lines)
    {
        var headings = lines.Select((text, index) => (text, index, match: Heading().Match(text)))
            .Where(h => h.match.Success).ToList();
        List<Section> result = [];
        for (var i = 0; i < headings.Count; i++)
        {
            var level = headings[i].match.Groups["hashes"].Length;
            var title = headings[i].match.Groups["title"].Value.Trim();
            var end = headings.Skip(i + 1).FirstOrDefault(h => h.match.Groups["hashes"].Length <= level).index;
            if (end <= headings[i].index) end = lines.Length;
            var key = SectionKey().Match(title) is { Success: true } k ? k.Groups["key"].Value : null;
            result.Add(new Section(key, level, title, lines[(headings[i].index + 1)..end]));
        }
        return result;
    }

    [GeneratedRegex(@"^(?<hashes>#{1,6})\s+(?<title>.+)$")]
    private static partial Regex Heading();

    /// <summary>"1.3 Spinal level" → "1.3"; "6. Sources" → "6"; "(b) What users ask" → "(b)".</summary>
    [GeneratedRegex(@"^(?<key>\d+(?:\.\d+)*|\([a-z]\))\.?(?:\s|$)")]
    private static partial Regex SectionKey();

    [GeneratedRegex(@"^(\d+)\.\s")]
    private static partial Regex ItemLine();

    [GeneratedRegex(@"^\|([^|]+)\|")]
    private static partial Regex RowLine();

    [GeneratedRegex(@"(?:^\|\s*|\*\*)(?<id>(?:DH|REG)-\d+)\b")]
    private static partial Regex IdDefinition();
}
