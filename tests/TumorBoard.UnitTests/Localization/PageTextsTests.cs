using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace TumorBoard.UnitTests.Localization;

/// <summary>
/// The pages' own words (<c>src/TumorBoard.Web/Texts/Ui*.resx</c>, issue #15 part 1): every English text has a non-empty
/// German, French and Italian text with the same placeholders and a comment naming its source; every key a page or page
/// model names (<c>T["…"]</c>) exists, so no page silently falls back to its English key; German is written the Swiss way
/// (no ß) and French puts a (narrow) no-break space before its high punctuation, as Swiss French typography does.
/// </summary>
public sealed partial class PageTextsTests
{
    static readonly string[] Languages = ["de", "fr", "it"];

    static string Texts => Path.Combine(RepoRoot(), "src", "TumorBoard.Web", "Texts");

    sealed record Entry(string Value, string? Comment);

    static Dictionary<string, Entry> Entries(string language)
    {
        var file = Path.Combine(Texts, language.Length == 0 ? "Ui.resx" : $"Ui.{language}.resx");
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var duplicates = new List<string>();
        foreach (var data in XDocument.Load(file).Root!.Elements("data"))
        {
            var key = (string)data.Attribute("name")!;
            if (!entries.TryAdd(key, new Entry((string?)data.Element("value") ?? "", (string?)data.Element("comment"))))
                duplicates.Add(key);
        }
        duplicates.ShouldBeEmpty($"{Path.GetFileName(file)} names these keys twice");
        // The resource compiler keeps one of two keys that differ only by case: "Not recorded" and "Not Recorded" would
        // silently read the same text.
        entries.Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g))
            .ShouldBeEmpty($"{Path.GetFileName(file)} has keys that differ only by case");
        return entries;
    }

    [GeneratedRegex(@"\{[^{}]+\}")]
    private static partial Regex Placeholder();

    /// <summary>A key's English text: the key itself, or the part before "|" when the same English words need a second
    /// translation ("signed|in a sentence": German keeps nouns capitalised, an adjective is not) — the resource compiler
    /// keeps only one of two keys that differ by case alone.</summary>
    static string EnglishOf(string key) => key.Split('|')[0];

    static string Placeholders(string text) =>
        string.Join(" ", Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal));

    [Fact]
    public void Every_page_text_is_in_german_french_and_italian_with_the_same_placeholders_and_a_source()
    {
        var english = Entries("");
        english.Count.ShouldBeGreaterThan(50);
        var problems = new List<string>();
        foreach (var (key, entry) in english)
            if (entry.Value != EnglishOf(key))
                problems.Add($"{key}: the English text must be its key (Ui.resx is keyed by the English words, \"|context\" aside)");
        foreach (var language in Languages)
        {
            var translated = Entries(language);
            foreach (var key in english.Keys)
            {
                if (!translated.TryGetValue(key, out var entry) || string.IsNullOrWhiteSpace(entry.Value))
                    problems.Add($"{key}: missing in {language}");
                else
                {
                    if (Placeholders(entry.Value) != Placeholders(EnglishOf(key)))
                        problems.Add($"{key} ({language}): placeholders \"{Placeholders(entry.Value)}\", English has \"{Placeholders(EnglishOf(key))}\"");
                    if (string.IsNullOrWhiteSpace(entry.Comment))
                        problems.Add($"{key} ({language}): no comment naming the translation's source");
                }
            }
            problems.AddRange(translated.Keys.Except(english.Keys).Select(k => $"{k}: in {language} but not in English"));
        }
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void German_page_texts_are_written_the_swiss_way_without_sharp_s()
    {
        Entries("de").Where(e => e.Value.Value.Contains('ß')).Select(e => e.Key).ShouldBeEmpty();
    }

    /// <summary>French (and so Swiss French) typography: a narrow no-break space (U+202F) or a no-break space (U+00A0)
    /// before « : ; ? ! », never an ordinary space and never nothing (placeholders and times such as 08:00 aside).</summary>
    [Fact]
    public void French_page_texts_put_a_no_break_space_before_high_punctuation()
    {
        var wrong = from e in Entries("fr")
                    let text = Placeholder().Replace(e.Value.Value, "x")
                    where FrenchPunctuationWithoutNoBreakSpace().IsMatch(text)
                    select e.Key;
        wrong.ShouldBeEmpty("write \\u202F (narrow no-break space) before : ; ? ! in French");
    }

    [GeneratedRegex(@"(?<![\u202F\u00A0\d])[:;?!](?![\d/])|(?<=\S) [:;?!]")]
    private static partial Regex FrenchPunctuationWithoutNoBreakSpace();

    /// <summary><c>T["…"]</c> and <c>T["…", args]</c> in views and page models, with a literal key.</summary>
    [GeneratedRegex(@"\bT\[\s*""((?:[^""\\]|\\.)*)""\s*[,\]]")]
    private static partial Regex KeyUse();

    [Fact]
    public void Every_key_a_page_names_has_a_text()
    {
        var english = Entries("");
        var web = Path.Combine(RepoRoot(), "src", "TumorBoard.Web");
        var missing = (from file in Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
                       where (file.EndsWith(".cshtml", StringComparison.Ordinal) || file.EndsWith(".cs", StringComparison.Ordinal))
                             && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                             && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                       from Match m in KeyUse().Matches(File.ReadAllText(file))
                       let key = Regex.Unescape(m.Groups[1].Value)
                       where key != "…" && !english.ContainsKey(key)   // "…" is the doc comments' placeholder
                       select $"{Path.GetRelativePath(web, file)}: {key}").Distinct().ToList();
        missing.ShouldBeEmpty("add the key to Ui.resx and its German, French and Italian texts");
    }

    /// <summary>Words a page looks up by value rather than by a literal key: the case history's event kinds and the audit
    /// page's record types.</summary>
    [Fact]
    public void Every_history_event_kind_and_audited_record_type_has_a_page_text()
    {
        var english = Entries("");
        var missing = Enum.GetValues<TumorBoard.Application.Features.CaseHistory.HistoryEventKind>()
            .Select(TumorBoard.Web.Pages.Cases.HistoryModel.Kind)
            .Concat(new[] { "TumorBoardCase", "Assessment", "BoardDecision", "Meeting", "AgendaItem", "Patient", "AppUser",
                    "PatientLetter", "ReportDispatch", "AuditCheckpoint" }.Select(TumorBoard.Web.Pages.Admin.Audit.IndexModel.EntityWords))
            .Where(words => !english.ContainsKey(words)).ToList();
        missing.ShouldBeEmpty();
    }

    static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TumorBoard.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No TumorBoard.sln above {AppContext.BaseDirectory}.");
    }
}
