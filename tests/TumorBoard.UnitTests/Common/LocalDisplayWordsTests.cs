using System.Globalization;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Scores;
using TumorBoard.Domain.Security;

namespace TumorBoard.UnitTests.Common;

/// <summary>
/// The vocabulary in German, French and Italian (DisplayWords.de/.fr/.it.resx): every key it needs is there, none more, no
/// two members of one enumeration read the same, and the culture of the request chooses the language while the stored words
/// (<see cref="DisplayWords.Of(System.Enum)"/>) stay English.
/// </summary>
public sealed class LocalDisplayWordsTests
{
    public static TheoryData<string> Languages() => ["de", "fr", "it"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_key_the_vocabulary_needs_is_translated_and_no_other(string language)
    {
        var needed = DisplayWords.TranslationKeys().ToHashSet(StringComparer.Ordinal);
        var written = DisplayWords.TranslationsOf(language);
        needed.Count.ShouldBeGreaterThan(250);
        needed.Where(k => !written.TryGetValue(k, out var w) || string.IsNullOrWhiteSpace(w)).ShouldBeEmpty();
        written.Keys.Where(k => !needed.Contains(k)).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void No_two_members_of_one_enumeration_share_their_words(string language)
    {
        var written = DisplayWords.TranslationsOf(language);
        var shared = written.Where(e => !e.Key.StartsWith("Code.") && !e.Key.StartsWith("Source.") && !e.Key.StartsWith("Input."))
            .GroupBy(e => (Enumeration: e.Key[..e.Key.IndexOf('.')], Words: e.Value.ToLowerInvariant()))
            .Where(g => g.Count() > 1)
            .Select(g => $"{string.Join(", ", g.Select(e => e.Key))} all read \"{g.Key.Words}\"")
            .ToList();
        shared.ShouldBeEmpty();
    }

    [Fact]
    public void Local_reads_the_user_s_language_and_Of_stays_English()
    {
        InCulture("de-CH", () =>
        {
            DisplayWords.Local(CaseStatus.ReadyForBoard).ShouldBe("Bereit für das Board");
            DisplayWords.Of(CaseStatus.ReadyForBoard).ShouldBe("Ready for board");
            DisplayWords.Code(NomsCodes.SurgicalConsult).ShouldBe("Surgical consultation");
            DisplayWords.LocalCode(NomsCodes.SurgicalConsult).ShouldBe("Chirurgisches Konsilium");
            DisplayWords.LocalInput("escc").ShouldBe("ESCC-Grad (Bilsky)");
            DisplayWords.LocalSource(ScoreVersions.Sins).ShouldBe("Spinal Instability Neoplastic Score (SINS), Fisher et al., Spine 2010");
            DisplayWords.Local((Urgency?)null).ShouldBe(DisplayWords.NotRecorded);
            // German nouns keep their capital inside a sentence
            DisplayWords.LocalInSentence(Discipline.RadiationOncology).ShouldBe("Radio-Onkologie");
            DisplayWords.InSentence(Discipline.RadiationOncology).ShouldBe("radiation oncology");
        });
        InCulture("fr-CH", () =>
        {
            DisplayWords.Local(CaseStatus.ReadyForBoard).ShouldBe("Prêt pour le colloque");
            DisplayWords.LocalInSentence(Discipline.RadiationOncology).ShouldBe("radio-oncologie");
        });
        InCulture("it-CH", () =>
        {
            DisplayWords.Local(CaseStatus.ReadyForBoard).ShouldBe("Pronto per il tumor board");
            DisplayWords.Local((Urgency?)Urgency.Urgent).ShouldBe("Urgente");
        });
        InCulture("en", () =>
        {
            DisplayWords.Local(CaseStatus.ReadyForBoard).ShouldBe("Ready for board");
            DisplayWords.LocalInSentence(Discipline.RadiationOncology).ShouldBe("radiation oncology");
            DisplayWords.LocalCode(NomsCodes.SurgicalConsult).ShouldBe("Surgical consultation");
        });
        InCulture("es-ES", () => DisplayWords.Local(CaseStatus.ReadyForBoard).ShouldBe("Ready for board"));
    }

    static void InCulture(string culture, Action check)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            check();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
