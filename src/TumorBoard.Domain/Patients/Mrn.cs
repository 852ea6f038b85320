using System.Globalization;
using System.Text;

namespace TumorBoard.Domain.Patients;

/// <summary>
/// The medical record number in its one canonical form, which is what is stored, shown, searched and kept unique (issue #10
/// item 13): look-alikes of a registered MRN (an invisible character, a no-break space, fullwidth digits, a Cyrillic О,
/// lower case) are the same MRN, not a new patient. Hospital MRNs are plain ASCII, so after normalising only the letters
/// A–Z, the digits 0–9 and <c>-</c> <c>/</c> <c>.</c> are admitted, and anything else is refused with a message naming it
/// rather than guessed at.
/// </summary>
public static class Mrn
{
    public const int MaxLength = 32;

    /// <summary>The characters a normalised MRN is made of (also the database's check constraint).</summary>
    public const string AllowedPattern = "^[A-Z0-9][A-Z0-9./-]*$";

    /// <summary>
    /// Canonical form: format characters (Unicode Cf: zero-width space and joiners, word joiner, BOM, soft hyphen, bidi
    /// marks) removed; NFKC (fullwidth and other compatibility forms to ASCII, no-break spaces to spaces); every dash to
    /// <c>-</c>; white space trimmed at both ends; upper case; Cyrillic and Greek capitals that look like Latin ones mapped to
    /// them. White space inside is kept, and refused by <see cref="Problem"/>: "A 12" and "A12" may be different records.
    /// </summary>
    public static string Normalize(string? entered)
    {
        if (string.IsNullOrEmpty(entered)) return "";
        var visible = new StringBuilder(entered.Length);
        foreach (var c in entered)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format) visible.Append(c);
        var folded = Common.UnicodeText.NormalizeOrKeep(visible.ToString(), NormalizationForm.FormKC);
        var result = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            var dash = CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation || c == '\u2212';
            result.Append(dash ? '-' : c);
        }
        var upper = result.ToString().Trim().ToUpperInvariant();
        var latin = new StringBuilder(upper.Length);
        foreach (var c in upper) latin.Append(LookAlikes.GetValueOrDefault(c, c));
        return latin.ToString();
    }

    /// <summary>Why a normalised MRN cannot be one (null when it can): empty, too long, or a character outside A–Z 0–9 - / .</summary>
    public static string? Problem(string normalized)
    {
        if (normalized.Length == 0) return "Enter the medical record number.";
        if (normalized.Length > MaxLength) return $"The medical record number has at most {MaxLength} characters.";
        var bad = normalized.FirstOrDefault(c => !IsAllowed(c));
        if (bad != default)
            return $"The medical record number may contain only the letters A–Z, the digits 0–9 and - / . ({Describe(bad)} is not allowed).";
        if (!char.IsAsciiLetterOrDigit(normalized[0])) return "The medical record number starts with a letter or a digit.";
        return null;
    }

    static bool IsAllowed(char c) => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is '-' or '/' or '.';

    static string Describe(char c) => c switch
    {
        ' ' => "a space",
        _ when char.IsWhiteSpace(c) || char.IsControl(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c)
            is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse => $"U+{(int)c:X4}",
        _ => $"\"{c}\" (U+{(int)c:X4})",
    };

    /// <summary>Cyrillic and Greek capitals drawn like Latin ones (after upper-casing, so lower-case ones are covered too).</summary>
    static readonly Dictionary<char, char> LookAlikes = new()
    {
        // Cyrillic
        ['А'] = 'A', ['В'] = 'B', ['С'] = 'C', ['Е'] = 'E', ['Н'] = 'H', ['І'] = 'I', ['Ј'] = 'J', ['К'] = 'K', ['М'] = 'M',
        ['О'] = 'O', ['Р'] = 'P', ['Ѕ'] = 'S', ['Т'] = 'T', ['Х'] = 'X', ['У'] = 'Y', ['Ԛ'] = 'Q', ['Ԝ'] = 'W', ['Ү'] = 'Y',
        // Greek
        ['Α'] = 'A', ['Β'] = 'B', ['Ε'] = 'E', ['Ζ'] = 'Z', ['Η'] = 'H', ['Ι'] = 'I', ['Κ'] = 'K', ['Μ'] = 'M', ['Ν'] = 'N',
        ['Ο'] = 'O', ['Ρ'] = 'P', ['Τ'] = 'T', ['Υ'] = 'Y', ['Χ'] = 'X',
    };

    /// <summary>Every look-alike letter mapped, for the migration that normalises stored MRNs the same way in SQL.</summary>
    public static IReadOnlyDictionary<char, char> LookAlikeLetters => LookAlikes;
}
