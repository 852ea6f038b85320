using System.Globalization;
using System.Resources;
using TumorBoard.Domain.Patients;

namespace TumorBoard.Application.Features.PatientLetters;

/// <summary>
/// The patient letter's words in the patient's language (pathways.md §4): LetterTexts.resx (English, the neutral
/// resources) and LetterTexts.de/.fr/.it.resx, read by key. The glossary keys are "{Enumeration}_{Member}" for every plan
/// step kind, timing, intent, outcome and information needed; each entry's comment names its source. The UI localisation
/// will read its own resources through the same ResourceManager mechanism.
/// </summary>
public static class LetterTexts
{
    static readonly ResourceManager Resources =
        new("TumorBoard.Application.Features.PatientLetters.LetterTexts", typeof(LetterTexts).Assembly);

    /// <summary>The resources' culture for a language (English is the neutral set).</summary>
    public static CultureInfo ResourceCulture(PatientLanguage language) =>
        language == PatientLanguage.en ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(language.ToString());

    /// <summary>The culture the letter's dates are written in (de-CH, fr-CH, it-CH, en-GB).</summary>
    public static CultureInfo DateCulture(PatientLanguage language) => CultureInfo.GetCultureInfo(Get("Culture", language));

    public static string Get(string key, PatientLanguage language) =>
        Find(key, language) ?? throw new InvalidOperationException($"The patient letter has no text \"{key}\" in {language}.");

    /// <summary>The text as written for exactly this language, without falling back to English (the completeness test).</summary>
    public static string? Find(string key, PatientLanguage language) =>
        Resources.GetResourceSet(ResourceCulture(language), createIfNotExists: true, tryParents: false)?.GetString(key);

    public static string Of(Enum member, PatientLanguage language) => Get($"{member.GetType().Name}_{member}", language);

    public static string Format(string key, PatientLanguage language, params object[] args) =>
        string.Format(DateCulture(language), Get(key, language), args);

    public static string Date(DateOnly day, PatientLanguage language) =>
        day.ToString(Get("DateFormat", language), DateCulture(language));
}
