using FluentValidation;

namespace TumorBoard.Application.Common.Validation;

/// <summary>
/// What text the board stores: no control characters (C0, DEL, C1) in a single-line field; in multi-line free text only
/// tab, line feed and carriage return among them; and never an unpaired UTF-16 surrogate (not encodable as UTF-8, so
/// PostgreSQL could not store it). NUL in particular is refused by PostgreSQL in text and jsonb alike.
/// </summary>
public static class TextRules
{
    /// <summary>The message for the first character that does not belong in such a field, or null when the text is fine.</summary>
    public static string? Problem(string? text, bool multiLine)
    {
        if (string.IsNullOrEmpty(text)) return null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
                return $"The text contains an invalid character (an unpaired surrogate U+{(int)c:X4} at position {i + 1}).";
            if (!char.IsControl(c) || (multiLine && c is '\t' or '\n' or '\r')) continue;
            return multiLine
                ? $"The text contains a control character (U+{(int)c:X4} at position {i + 1}): only tabs and line breaks are allowed."
                : $"The text contains a control character (U+{(int)c:X4} at position {i + 1}): this field is one line of plain text.";
        }
        return null;
    }

    /// <summary>Throws a validation failure on <paramref name="field"/> when its text does not pass (for inputs outside the pipeline).</summary>
    public static void Require(string field, string? text, bool multiLine = false)
    {
        if (Problem(text, multiLine) is { } problem)
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(field, problem) { AttemptedValue = text }]);
    }
}
