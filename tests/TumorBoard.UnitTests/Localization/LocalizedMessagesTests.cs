using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using FluentValidation;
using TumorBoard.Application.Common.Validation;
using TumorBoard.Application.Features.Cases;
using TumorBoard.UnitTests.Cases;
using TumorBoard.Web.Errors;
using static TumorBoard.UnitTests.Localization.Cultures;

namespace TumorBoard.UnitTests.Localization;

/// <summary>
/// The validators' messages and the problem titles in four languages (issue #15, section 1): every neutral (English) text has a
/// non-empty German, French and Italian text with the same placeholders; every key the code names exists; no validator
/// in Application writes an English literal any more; a few validators answer in de-CH and fr-CH.
/// </summary>
public sealed partial class LocalizedMessagesTests
{
    static readonly string[] Languages = ["de", "fr", "it"];

    public static TheoryData<string> ResourceSets => [ValidationTexts.BaseName, ProblemTexts.BaseName];

    static ResourceManager Manager(string baseName) =>
        baseName == ValidationTexts.BaseName ? ValidationTexts.Resources : ProblemTexts.Resources;

    static Dictionary<string, string> Entries(string baseName, CultureInfo culture) =>
        Manager(baseName).GetResourceSet(culture, createIfNotExists: true, tryParents: false)?.Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => e.Value as string ?? "") ?? [];

    [GeneratedRegex(@"\{[^{}]+\}")]
    private static partial Regex Placeholder();

    static string Placeholders(string text) =>
        string.Join(" ", Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(ResourceSets))]
    public void Every_text_is_in_german_french_and_italian_with_the_same_placeholders(string baseName)
    {
        var neutral = Entries(baseName, CultureInfo.InvariantCulture);
        neutral.Count.ShouldBeGreaterThan(20);
        var problems = new List<string>();
        foreach (var language in Languages)
        {
            var translated = Entries(baseName, CultureInfo.GetCultureInfo(language));
            foreach (var (key, english) in neutral)
            {
                if (string.IsNullOrWhiteSpace(english)) problems.Add($"{key}: empty in English");
                if (!translated.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text))
                    problems.Add($"{key}: missing in {language}");
                else if (Placeholders(text) != Placeholders(english))
                    problems.Add($"{key} ({language}): placeholders \"{Placeholders(text)}\", English has \"{Placeholders(english)}\"");
            }
            problems.AddRange(translated.Keys.Except(neutral.Keys).Select(k => $"{k}: in {language} but not in English"));
        }
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void German_texts_are_written_the_swiss_way_without_sharp_s()
    {
        var sharp = from baseName in new[] { ValidationTexts.BaseName, ProblemTexts.BaseName }
                    from e in Entries(baseName, CultureInfo.GetCultureInfo("de"))
                    where e.Value.Contains('ß')
                    select e.Key;
        sharp.ShouldBeEmpty();
    }

    [GeneratedRegex(@"(?:WithText|ValidationTexts\.(?:Get|Format|Subject))\(""([^""]+)""|(?:PastClinicalDate|BoardInstant|WithinPlanningHorizon)\(clock, ""([^""]+)""")]
    private static partial Regex ValidationKeyUse();

    [GeneratedRegex(@"ProblemTexts\.(?:Get|Find|Format)\(""([^""]+)""\s*[,)]")]
    private static partial Regex ProblemKeyUse();

    [Fact]
    public void Every_key_the_code_names_has_an_english_text()
    {
        var validation = Entries(ValidationTexts.BaseName, CultureInfo.InvariantCulture);
        var problem = Entries(ProblemTexts.BaseName, CultureInfo.InvariantCulture);
        var missing = new List<string>();
        foreach (var file in SourceFiles("src/TumorBoard.Application"))
            foreach (Match m in ValidationKeyUse().Matches(File.ReadAllText(file)))
            {
                var key = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
                if (!validation.ContainsKey(key)) missing.Add($"{Path.GetFileName(file)}: {key}");
            }
        foreach (var file in SourceFiles("src/TumorBoard.Web"))
            foreach (Match m in ProblemKeyUse().Matches(File.ReadAllText(file)))
                if (!problem.ContainsKey(m.Groups[1].Value)) missing.Add($"{Path.GetFileName(file)}: {m.Groups[1].Value}");
        missing.ShouldBeEmpty();
        ExceptionMapping.UniqueConflicts.Keys.Where(k => !problem.ContainsKey("Unique_" + k)).ShouldBeEmpty();
    }

    [GeneratedRegex(@"WithMessage\(\$?""")]
    private static partial Regex EnglishLiteralMessage();

    [Fact]
    public void No_validator_in_application_writes_an_english_literal_message()
    {
        var literals = (from file in SourceFiles("src/TumorBoard.Application")
                        let lines = File.ReadAllLines(file)
                        from i in Enumerable.Range(0, lines.Length)
                        where EnglishLiteralMessage().IsMatch(lines[i])
                        select $"{Path.GetRelativePath(RepoRoot(), file)}:{i + 1}: {lines[i].Trim()}").ToList();
        literals.ShouldBeEmpty("use .WithText(key) with a ValidationTexts resource instead");
    }

    [Fact]
    public void Problem_texts_keep_their_english_words_and_translate_the_frameworks_titles()
    {
        InCulture("en", () =>
        {
            ProblemTexts.Get("Title_Invalid").ShouldBe("The request is invalid");
            ProblemTexts.Translate("Not Found").ShouldBe("Not Found");
        });
        InCulture("de-CH", () =>
        {
            ProblemTexts.Get("Title_Invalid").ShouldBe("Die Anfrage ist ungültig");
            ProblemTexts.Translate("Not Found").ShouldBe("Nicht gefunden");
            ProblemTexts.Translate("Method Not Allowed").ShouldBe("Methode nicht erlaubt");
            ProblemTexts.Translate("a domain message").ShouldBe("a domain message");
        });
        InCulture("fr-CH", () => ProblemTexts.Translate("Unsupported Media Type").ShouldBe("Type de média non pris en charge"));
    }

    [Fact]
    public void A_case_withdrawn_without_a_reason_is_refused_in_the_callers_language()
    {
        var validator = new WithdrawCase.Validator();
        var command = new WithdrawCase.Command { CaseId = Guid.NewGuid(), Reason = "" };
        string Message() => validator.Validate(command).Errors.ShouldHaveSingleItem().ErrorMessage;

        InCulture("en", () => Message().ShouldBe("Give the reason for withdrawing the case."));
        InCulture("de-CH", () => Message().ShouldBe("Geben Sie den Grund für den Rückzug des Falls an."));
        InCulture("fr-CH", () => Message().ShouldBe("Indiquez le motif du retrait du cas."));
        InCulture("it-CH", () => Message().ShouldBe("Indichi il motivo del ritiro del caso."));
    }

    [Fact]
    public void A_case_with_a_future_diagnosis_and_a_bare_karnofsky_is_refused_in_german_and_french()
    {
        var validator = new RegisterCase.Validator(FixedClock.At2026);
        var command = new RegisterCase.Command
        {
            PatientId = Guid.NewGuid(), Histology = Domain.Clinical.PrimaryHistology.Prostate, Urgency = Domain.Cases.Urgency.Routine,
            DiagnosisDate = FixedClock.Today.AddDays(1), Karnofsky = 55, ClinicalQuestion = "Radiotherapy alone?",
        };
        Dictionary<string, string> Messages() =>
            validator.Validate(command).Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage);

        InCulture("en", () =>
        {
            Messages()["DiagnosisDate"].ShouldBe("The date of diagnosis must be between 1900-01-01 and today.");
            Messages()["Karnofsky"].ShouldBe("Karnofsky is 10 to 100 in steps of 10.");
        });
        InCulture("de-CH", () =>
        {
            Messages()["DiagnosisDate"].ShouldBe("Das Diagnosedatum muss zwischen 1900-01-01 und heute liegen.");
            Messages()["Karnofsky"].ShouldBe("Karnofsky ist 10 bis 100 in Zehnerschritten.");
        });
        InCulture("fr-CH", () =>
        {
            Messages()["DiagnosisDate"].ShouldBe("La date du diagnostic doit se situer entre le 1900-01-01 et aujourd'hui.");
            Messages()["Karnofsky"].ShouldBe("Le Karnofsky est de 10 à 100 par paliers de 10.");
        });
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
