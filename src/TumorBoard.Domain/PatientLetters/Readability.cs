using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TumorBoard.Domain.Patients;

namespace TumorBoard.Domain.PatientLetters;

/// <summary>Counts of a text: sentences, words, syllables (as <see cref="Readability.Syllables"/> counts them) and letters.</summary>
public sealed record TextCounts(int Sentences, int Words, int Syllables, int Letters)
{
    public double WordsPerSentence => Sentences == 0 ? 0 : (double)Words / Sentences;
    public double SyllablesPerWord => Words == 0 ? 0 : (double)Syllables / Words;
}

/// <summary>A readability score, the published formula it comes from and the threshold for plain text (pathways.md §4.1).</summary>
public sealed record ReadabilityScore(string Formula, double Score, double Threshold, TextCounts Counts)
{
    public bool IsPlain => Score >= Threshold;
}

/// <summary>
/// The published readability formula of each letter language (pathways.md §4.1): Flesch Reading Ease (English), Amstad
/// (German), Kandel–Moles (French), all three on Flesch's 0–100 scale where 60 and above is plain ("standard") text, and
/// Gulpease (Italian), where 60 and above is readable by someone with lower secondary schooling.
/// Counting rules (the formulas' sources count by hand; these are the documented approximations):
/// a word is a run of letters (apostrophes and hyphens inside a word join it: "l'équipe" is one word, numbers and phone
/// numbers are not words); a sentence ends at . ! ? or at the end of a unit (a paragraph, a heading or a list item:
/// each item of a list is read as a sentence of its own, as readability tools read bullet lines); syllables are groups of
/// vowel letters, with the language's silent endings (English final "e", French final "e"/"es") not counted and at
/// least one syllable per word. Gulpease counts letters, not syllables.
/// </summary>
public static partial class Readability
{
    public const double PlainThreshold = 60;

    public static ReadabilityScore Score(PatientLanguage language, IEnumerable<string> units)
    {
        var c = Count(language, units);
        return language switch
        {
            PatientLanguage.en => new("Flesch Reading Ease", 206.835 - 1.015 * c.WordsPerSentence - 84.6 * c.SyllablesPerWord, PlainThreshold, c),
            PatientLanguage.de => new("Amstad", 180 - c.WordsPerSentence - 58.5 * c.SyllablesPerWord, PlainThreshold, c),
            PatientLanguage.fr => new("Kandel–Moles", 207 - 1.015 * c.WordsPerSentence - 73.6 * c.SyllablesPerWord, PlainThreshold, c),
            PatientLanguage.it => new("Gulpease", c.Words == 0 ? 0 : 89 + (300.0 * c.Sentences - 10.0 * c.Letters) / c.Words, PlainThreshold, c),
            _ => throw new ArgumentOutOfRangeException(nameof(language)),
        };
    }

    public static TextCounts Count(PatientLanguage language, IEnumerable<string> units)
    {
        int sentences = 0, words = 0, syllables = 0, letters = 0;
        foreach (var unit in units.Where(u => !string.IsNullOrWhiteSpace(u)))
        {
            var unitWords = WordPattern().Matches(unit).Select(m => m.Value).ToList();
            if (unitWords.Count == 0) continue;
            var ends = SentenceEnd().Matches(unit.TrimEnd()).Count;
            sentences += Math.Max(1, ends + (EndsWithStop(unit) ? 0 : 1));
            words += unitWords.Count;
            foreach (var w in unitWords)
            {
                syllables += Syllables(language, w);
                letters += w.Count(char.IsLetter);
            }
        }
        return new(sentences, words, syllables, letters);
    }

    static bool EndsWithStop(string unit) => unit.TrimEnd().TrimEnd('"', '»', '“', '”', ')').EndsWith('.')
        || unit.TrimEnd().EndsWith('!') || unit.TrimEnd().EndsWith('?');

    /// <summary>Syllables of one word by the vowel-group rule of its language (see the class summary).</summary>
    public static int Syllables(PatientLanguage language, string word)
    {
        var w = word.ToLower(CultureInfo.InvariantCulture).Normalize(NormalizationForm.FormC);
        var parts = w.Split(['-', '\'', '’'], StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 1 ? parts.Sum(p => Syllables(language, p)) : Math.Max(1, Groups(language, w));
    }

    static int Groups(PatientLanguage language, string w)
    {
        var vowels = language switch
        {
            PatientLanguage.en => "aeiouy",
            PatientLanguage.de => "aeiouyäöü",
            PatientLanguage.fr => "aeiouyàâäéèêëîïôöùûüœæ",
            _ => "aeiouàèéìíòóùú",
        };
        var groups = 0;
        var inGroup = false;
        foreach (var ch in w)
        {
            var isVowel = vowels.Contains(ch);
            if (isVowel && !inGroup) groups++;
            inGroup = isVowel;
        }
        if (groups > 1 && language == PatientLanguage.en && w.EndsWith('e') && !w.EndsWith("le") && !w.EndsWith("ee")) groups--;
        if (groups > 1 && language == PatientLanguage.fr && (w.EndsWith('e') || w.EndsWith("es")) && !IsVowel(w, ^(w.EndsWith('e') ? 2 : 3), vowels)) groups--;
        return groups;
    }

    static bool IsVowel(string w, Index i, string vowels) => w.Length >= i.GetOffset(w.Length) + 1 && i.GetOffset(w.Length) >= 0 && vowels.Contains(w[i]);

    [GeneratedRegex(@"\p{L}+(?:['’\-]\p{L}+)*")]
    private static partial Regex WordPattern();

    /// <summary>A sentence end inside a unit: . ! ? followed by a space (or the end); "z. B."-style abbreviations are not used in the letters.</summary>
    [GeneratedRegex(@"[.!?]+(?=\s|$)")]
    private static partial Regex SentenceEnd();
}
