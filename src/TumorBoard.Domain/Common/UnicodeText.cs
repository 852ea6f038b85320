using System.Text;

namespace TumorBoard.Domain.Common;

/// <summary>Unicode normalisation that never throws on what a client sent.</summary>
public static class UnicodeText
{
    /// <summary>
    /// <see cref="string.Normalize(NormalizationForm)"/> refuses text holding a code point it cannot normalise (for example
    /// the noncharacter U+FFFE) with an <see cref="ArgumentException"/>. Such text is returned as it is: the caller's own
    /// rule (an MRN admits only A–Z 0–9 - / .; a password is compared as entered) then decides, and no request ends in a 500.
    /// </summary>
    public static string NormalizeOrKeep(string text, NormalizationForm form)
    {
        try { return text.Normalize(form); }
        catch (ArgumentException) { return text; }
    }
}
