using System.Globalization;
using System.Resources;
using FluentValidation;

namespace TumorBoard.Application.Common.Validation;

/// <summary>
/// The validators' own messages in the caller's language (issue #15, section 1): ValidationTexts.resx (English, the neutral
/// resources) and ValidationTexts.de/.fr/.it.resx (neutral languages, so de-CH falls back to de), read by key in
/// <see cref="CultureInfo.CurrentUICulture"/> when a rule fails, not when the validator is built. FluentValidation's own
/// default messages follow the same culture through its LanguageManager. Texts with arguments are composite format
/// strings ({0}, {1}); arguments are formatted in <see cref="CultureInfo.CurrentCulture"/> unless the caller formats them.
/// </summary>
public static class ValidationTexts
{
    public const string BaseName = "TumorBoard.Application.Common.Validation.ValidationTexts";

    public static readonly ResourceManager Resources = new(BaseName, typeof(ValidationTexts).Assembly);

    public static string Get(string key) =>
        Resources.GetString(key, CultureInfo.CurrentUICulture)
        ?? throw new InvalidOperationException($"The validation messages have no text \"{key}\".");

    /// <summary>The subject a shared rule names (<see cref="ClinicalDates"/>): a key's text, or the words given if they are no key.</summary>
    public static string Subject(string keyOrWords) => Resources.GetString(keyOrWords, CultureInfo.CurrentUICulture) ?? keyOrWords;

    public static string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, Get(key), args);

    /// <summary>The rule's message: the text <paramref name="key"/> in the culture of the request being validated.</summary>
    public static IRuleBuilderOptions<T, TProperty> WithText<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, string key) =>
        rule.WithMessage(_ => Get(key));

    /// <summary>The rule's message: the format text <paramref name="key"/> with the arguments computed when the rule fails.</summary>
    public static IRuleBuilderOptions<T, TProperty> WithText<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, string key,
        Func<T, object?[]> args) =>
        rule.WithMessage(x => Format(key, args(x)));

    /// <summary>The rule's message: the format text <paramref name="key"/> with fixed arguments.</summary>
    public static IRuleBuilderOptions<T, TProperty> WithText<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, string key,
        params object?[] args) =>
        rule.WithMessage(_ => Format(key, args));
}
