using TumorBoard.Domain.PatientLetters;
using TumorBoard.Domain.Patients;

namespace TumorBoard.UnitTests.PatientLetters;

/// <summary>The counting rules and the four published formulas (pathways.md §4.1), on texts counted by hand.</summary>
public sealed class ReadabilityTests
{
    [Theory]
    [InlineData(PatientLanguage.en, "cat", 1)]
    [InlineData(PatientLanguage.en, "make", 1)]        // silent final e
    [InlineData(PatientLanguage.en, "table", 2)]       // -le keeps its syllable
    [InlineData(PatientLanguage.en, "radiotherapy", 5)]
    [InlineData(PatientLanguage.en, "the", 1)]
    [InlineData(PatientLanguage.de, "Wirbelsäule", 4)]
    [InlineData(PatientLanguage.de, "Bestrahlung", 3)]
    [InlineData(PatientLanguage.de, "heute", 2)]       // "eu" is one vowel group
    [InlineData(PatientLanguage.fr, "colonne", 2)]     // mute final e
    [InlineData(PatientLanguage.fr, "médecins", 3)]
    [InlineData(PatientLanguage.fr, "l'équipe", 3)]    // elision: l + é-qui-pe → 1 + 2
    [InlineData(PatientLanguage.fr, "le", 1)]          // a one-group word keeps it
    [InlineData(PatientLanguage.it, "colonna", 3)]
    public void Counts_syllables_by_vowel_groups_with_the_languages_silent_endings(PatientLanguage language, string word, int syllables) =>
        Readability.Syllables(language, word).ShouldBe(syllables);

    [Fact]
    public void Counts_sentences_words_and_letters_with_list_items_as_sentences_and_numbers_not_as_words()
    {
        var c = Readability.Count(PatientLanguage.en, ["The cat sat. The dog ran!", "call 0800 123 456", "weak legs"]);
        c.Sentences.ShouldBe(4);
        c.Words.ShouldBe(9);
        c.Letters.ShouldBe(30);
    }

    [Fact]
    public void Applies_Flesch_for_English()
    {
        // 2 sentences, 9 words, 10 syllables ("a-way"), 26 letters: 206.835 − 1.015 × 4.5 − 84.6 × 10/9
        var s = Readability.Score(PatientLanguage.en, ["The cat sat on the mat.", "It ran away."]);
        s.Counts.ShouldBe(new TextCounts(2, 9, 10, 26));
        s.Score.ShouldBe(206.835 - 1.015 * 4.5 - 84.6 * (10.0 / 9), 1e-9);
        s.Formula.ShouldBe("Flesch Reading Ease");
    }

    [Fact]
    public void Applies_Amstad_for_German_Kandel_Moles_for_French_and_Gulpease_for_Italian()
    {
        var de = Readability.Score(PatientLanguage.de, ["Wir raten Ihnen zu einer Operation."]);
        de.Score.ShouldBe(180 - de.Counts.WordsPerSentence - 58.5 * de.Counts.SyllablesPerWord, 1e-9);
        de.Counts.ShouldBe(new TextCounts(1, 6, 12, 29));   // wir ra-ten ih-nen zu ei-ner o-pe-ra-tion
        var fr = Readability.Score(PatientLanguage.fr, ["Nous recommandons une opération."]);
        fr.Score.ShouldBe(207 - 1.015 * fr.Counts.WordsPerSentence - 73.6 * fr.Counts.SyllablesPerWord, 1e-9);
        fr.Counts.ShouldBe(new TextCounts(1, 4, 10, 28));   // nous re-com-man-dons une o-pé-ra-tion
        var it = Readability.Score(PatientLanguage.it, ["Consigliamo questi passi."]);
        it.Counts.ShouldBe(new TextCounts(1, 3, 8, 22));   // con-si-glia-mo que-sti pas-si
        it.Score.ShouldBe(89 + (300.0 * 1 - 10.0 * 22) / 3, 1e-9);
    }

    [Theory]
    [InlineData(59.99, false)]
    [InlineData(60.0, true)]
    [InlineData(75.0, true)]
    public void Sixty_is_the_plain_text_threshold_of_every_formula(double score, bool plain) =>
        new ReadabilityScore("x", score, Readability.PlainThreshold, new TextCounts(1, 1, 1, 1)).IsPlain.ShouldBe(plain);

    [Fact]
    public void Long_words_in_long_sentences_score_below_the_threshold()
    {
        var jargon = "Interdisciplinary consensus recommended posterior instrumented stabilisation with decompressive laminectomy preceding stereotactic radiotherapy considering radioresistant histology.";
        Readability.Score(PatientLanguage.en, [jargon]).IsPlain.ShouldBeFalse();
    }
}
