using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using TumorBoard.Application.Common.Models;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.PatientLetters;
using TumorBoard.UnitTests.Cases;
using TumorBoard.Web.Errors;
using static TumorBoard.UnitTests.Localization.Cultures;

namespace TumorBoard.UnitTests.Localization;

/// <summary>
/// The business-rule messages (domain and application exceptions) in four languages (issue #15, section 1): RuleTexts.resx
/// keeps today's English; every key has a German, French and Italian text with the same placeholders and a source
/// comment; no throw site in Domain or Application passes an English literal any more; a few rules refused in de-CH,
/// fr-CH and it-CH read translated while <see cref="Exception.Message"/> stays English.
/// </summary>
public sealed partial class RuleTextsTests
{
    static readonly string[] Languages = ["de", "fr", "it"];

    static string ResxPath(string language) =>
        Path.Combine(RepoRoot(), "src/TumorBoard.Domain/Common", language.Length == 0 ? "RuleTexts.resx" : $"RuleTexts.{language}.resx");

    /// <summary>key -> (value, comment), read from the file itself (a ResourceManager does not carry the comments).</summary>
    static Dictionary<string, (string Value, string? Comment)> Resx(string language) =>
        XDocument.Load(ResxPath(language)).Root!.Elements("data").ToDictionary(
            d => (string)d.Attribute("name")!, d => ((string?)d.Element("value") ?? "", (string?)d.Element("comment")));

    [GeneratedRegex(@"\{(\d+)(?:[,:][^{}]*)?\}")]
    private static partial Regex Placeholder();

    /// <summary>The argument numbers a text uses (a format such as {0:yyyy-MM-dd} may differ between languages).</summary>
    static string Placeholders(string text) =>
        string.Join(" ", Placeholder().Matches(text).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal));

    [Fact]
    public void Every_rule_text_is_in_german_french_and_italian_with_the_same_placeholders_and_a_source()
    {
        var english = Resx("");
        english.Count.ShouldBeGreaterThan(100);
        var problems = new List<string>();
        problems.AddRange(english.Where(e => string.IsNullOrWhiteSpace(e.Value.Value)).Select(e => $"{e.Key}: empty in English"));
        problems.AddRange(english.Where(e => string.IsNullOrWhiteSpace(e.Value.Comment)).Select(e => $"{e.Key}: no comment in English"));
        foreach (var language in Languages)
        {
            var translated = Resx(language);
            foreach (var (key, (text, _)) in english)
            {
                if (!translated.TryGetValue(key, out var t) || string.IsNullOrWhiteSpace(t.Value)) problems.Add($"{key}: missing in {language}");
                else if (Placeholders(t.Value) != Placeholders(text))
                    problems.Add($"{key} ({language}): placeholders \"{Placeholders(t.Value)}\", English has \"{Placeholders(text)}\"");
                else if (string.IsNullOrWhiteSpace(t.Comment) || !t.Comment.StartsWith("Own translation", StringComparison.Ordinal))
                    problems.Add($"{key} ({language}): the comment does not name its source");
            }
            problems.AddRange(translated.Keys.Except(english.Keys).Select(k => $"{k}: in {language} but not in English"));
        }
        problems.ShouldBeEmpty();
        // The compiled resources are the files' (a key in the file that the assembly lacks would fall back to English).
        foreach (var language in Languages) RuleText.EntriesOf(language).Count.ShouldBe(english.Count);
    }

    [Fact]
    public void German_is_swiss_and_french_sets_its_high_punctuation_after_a_narrow_no_break_space()
    {
        Resx("de").Where(e => e.Value.Value.Contains('ß')).Select(e => e.Key).ShouldBeEmpty();
        Resx("fr").Where(e => Regex.IsMatch(e.Value.Value, @"[ \u00A0][:;?!]|\w[;?!]")).Select(e => e.Key).ShouldBeEmpty();
        Resx("fr").Where(e => e.Value.Value.Contains(':')).ShouldAllBe(e => Regex.IsMatch(e.Value.Value, "\u202F:") || e.Value.Value.Contains("Board:") || e.Value.Value.Contains("Analytics:"));
    }

    [GeneratedRegex(@"new\s+(?:DomainConflict|Forbidden|NotFound)Exception\(\s*\$?""")]
    private static partial Regex EnglishLiteralThrow();

    /// <summary>Literals kept on purpose, with the reason (none today).</summary>
    static readonly Dictionary<string, string> AllowedLiterals = [];

    [Fact]
    public void No_rule_in_domain_or_application_throws_an_english_literal()
    {
        var literals = (from folder in new[] { "src/TumorBoard.Domain", "src/TumorBoard.Application" }
                        from file in SourceFiles(folder)
                        let lines = File.ReadAllLines(file)
                        from i in Enumerable.Range(0, lines.Length)
                        where EnglishLiteralThrow().IsMatch(lines[i])
                        let at = $"{Path.GetRelativePath(RepoRoot(), file).Replace('\\', '/')}:{i + 1}"
                        where !AllowedLiterals.Keys.Any(at.StartsWith)
                        select $"{at}: {lines[i].Trim()}").ToList();
        literals.ShouldBeEmpty("throw with a RuleText (a RuleTexts resource) instead");
    }

    [GeneratedRegex(@"RuleText\(\s*""([^""]+)""")]
    private static partial Regex KeyUse();

    [Fact]
    public void Every_key_the_code_names_has_an_english_text()
    {
        var english = Resx("");
        var missing = (from folder in new[] { "src/TumorBoard.Domain", "src/TumorBoard.Application", "src/TumorBoard.Web" }
                       from file in SourceFiles(folder)
                       from Match m in KeyUse().Matches(File.ReadAllText(file))
                       let key = m.Groups[1].Value
                       where !key.EndsWith('.') && !english.ContainsKey(key)   // "Meeting.OnlyIf." + action: the keys below
                       select $"{Path.GetFileName(file)}: {key}").ToList();
        missing.ShouldBeEmpty();
        foreach (var action in new[] { "Changed", "GivenCases", "Started", "RecordDiscussion", "DeferCase", "RecordDecision", "Closed", "Cancelled" })
            english.ShouldContainKey("Meeting.OnlyIf." + action);
        foreach (var what in new[] { "SignedAgain", "Changed", "GivenPositions" }) english.ShouldContainKey("Decision.NotDraft." + what);
        foreach (var what in new[] { "sign", "write" }) english.ShouldContainKey("Decision.AmendmentApprovers." + what);
    }

    [Fact]
    public void An_illegal_status_change_reads_in_the_readers_language_and_stays_english_in_the_message()
    {
        var refused = Should.Throw<DomainConflictException>(() => TestCases.In(CaseStatus.Decided).MarkReady(TestCases.Actor, TestCases.Now));
        const string english = "Only a Draft case can be marked ready; this case is decided.";
        InCulture("de-CH", () =>
        {
            refused.Message.ShouldBe(english);
            ExceptionMapping.LocalMessage(refused)
                .ShouldBe("Nur ein Fall im Status «Entwurf» kann als bereit markiert werden; dieser Fall hat den Status «Entschieden».");
        });
        InCulture("fr-CH", () => ExceptionMapping.LocalMessage(refused)
            .ShouldBe("Seul un cas au statut «Brouillon» peut être marqué prêt\u202F; ce cas a le statut «décidé»."));
        InCulture("it-CH", () => ExceptionMapping.LocalMessage(refused)
            .ShouldBe("Solo un caso nello stato «Bozza» può essere segnato come pronto; questo caso ha lo stato «deciso»."));
        InCulture("en", () => ExceptionMapping.LocalMessage(refused).ShouldBe(english));
    }

    [Fact]
    public void A_withdrawal_without_a_reason_is_refused_in_italian()
    {
        var refused = Should.Throw<DomainConflictException>(() => TestCases.In(CaseStatus.Draft).Withdraw(" ", TestCases.Actor, TestCases.Now));
        refused.Message.ShouldBe("A withdrawal needs a reason.");
        InCulture("it-CH", () => ExceptionMapping.LocalMessage(refused).ShouldBe("Un ritiro richiede un motivo."));
    }

    [Fact]
    public void Not_found_and_stale_versions_name_the_record_in_the_readers_language()
    {
        var id = Guid.Parse("0b5e0e39-5e0a-4a53-8f0b-6c4a3c9f3a11");
        var notFound = NotFoundException.For("Agenda item", id);
        notFound.Message.ShouldBe($"Agenda item {id} was not found.");
        NotFoundException.For("Something else", 7).Message.ShouldBe("Something else 7 was not found.");
        var stale = new StaleVersionException("patient letter");
        stale.Message.ShouldBe("The patient letter was changed by someone else since you opened it. Reload it and apply your change again.");
        new VersionRequiredException().Message
            .ShouldBe("This change must name the version it is based on (If-Match header, or the form's version field).");
        InCulture("de-CH", () =>
        {
            ExceptionMapping.LocalMessage(notFound).ShouldBe($"Traktandum {id} wurde nicht gefunden.");
            ExceptionMapping.LocalMessage(stale)
                .ShouldBe("Der Patientenbrief wurde seit dem Öffnen von jemand anderem geändert. Laden Sie die Seite neu und wiederholen Sie Ihre Änderung.");
        });
        InCulture("fr-CH", () => ExceptionMapping.LocalMessage(notFound).ShouldBe($"Point de l'ordre du jour {id} introuvable."));
        InCulture("it-CH", () => ExceptionMapping.LocalMessage(new VersionRequiredException())
            .ShouldBe("Questa modifica deve indicare la versione su cui si basa (intestazione If-Match o campo versione del modulo)."));
    }

    [Fact]
    public void Dates_are_invariant_in_english_and_swiss_in_german_french_and_italian()
    {
        var sent = new RuleText("Letter.Sent", new DateOnly(2026, 11, 24), LetterSendMethod.HandedOver);
        InCulture("de-CH", () =>
        {
            sent.English.ShouldBe("This letter was sent on 2026-11-24 (handed over in person): it is not changed any more.");
            sent.Local().ShouldStartWith("Dieser Brief wurde am 24.11.2026 versandt (");
        });
        InCulture("fr-CH", () => sent.Local().ShouldStartWith("Cette lettre a été envoyée le 24.11.2026 ("));
        InCulture("it-CH", () => sent.Local().ShouldStartWith("Questa lettera è stata inviata il 24.11.2026 ("));
        InCulture("en", () => sent.Local().ShouldBe(sent.English));
    }

    [Fact]
    public void A_plain_message_is_shown_as_it_is()
    {
        var plain = new DomainConflictException("Something the code still says in English.");
        InCulture("de-CH", () => ExceptionMapping.LocalMessage(plain).ShouldBe(plain.Message));
        ExceptionMapping.LocalMessage(new InvalidOperationException("x")).ShouldBe("x");
    }


    static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(Path.Combine(RepoRoot(), folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

    static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TumorBoard.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No TumorBoard.sln above {AppContext.BaseDirectory}.");
    }
}
