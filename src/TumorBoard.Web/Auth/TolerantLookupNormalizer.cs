using Microsoft.AspNetCore.Identity;

namespace TumorBoard.Web.Auth;

/// <summary>
/// Identity's default normalizer (the upper-cased NFC form) throws on text that is not valid Unicode — a noncharacter
/// such as U+FFFE, an unpaired surrogate — so a sign-in, a token request or a new account with such an email was a
/// 500. Such text names no account: it is looked up upper-cased as given and finds nothing. Valid text normalizes
/// exactly as before, so the stored keys stay the same.
/// </summary>
public sealed class TolerantLookupNormalizer : ILookupNormalizer
{
    public string? NormalizeName(string? name) => Normalize(name);

    public string? NormalizeEmail(string? email) => Normalize(email);

    static string? Normalize(string? key)
    {
        if (key is null) return null;
        try { return key.Normalize().ToUpperInvariant(); }
        catch (ArgumentException) { return key.ToUpperInvariant(); }
    }
}
