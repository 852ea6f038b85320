using System.Text;

namespace TumorBoard.Domain.Security;

/// <summary>Why a password is too easy to guess.</summary>
public enum PasswordWeakness
{
    /// <summary>One of the 10,000 most common passwords, or one of them with a few characters added.</summary>
    Common,
    /// <summary>A repetition, or a run along the alphabet, the digits or a keyboard row.</summary>
    Pattern,
    /// <summary>Contains the account's name, e-mail address or e-mail user name.</summary>
    PersonalInfo,
    /// <summary>Contains the application's name.</summary>
    ApplicationName,
}

/// <summary>
/// Screens a new password for what an attacker tries first (OWASP ASVS 5.0 V6.2: a list of common passwords, context-specific
/// words). Length and distinct characters are Identity's own rules; this adds what they miss. Comparisons run on
/// lower-cased, NFKC-normalised copies (and a copy with common l33t substitutions undone); the password is never changed.
/// The list: <c>common-passwords.txt</c> next to this file (source and licence in <c>common-passwords.md</c>).
/// </summary>
public static class PasswordScreen
{
    /// <summary>At most this many characters around a common password or pattern still count as "built on" it.</summary>
    public const int MaxExtraCharacters = 4;

    /// <summary>Parts of names and addresses shorter than this are not searched for (too many accidental matches).</summary>
    public const int MinWordLength = 4;

    /// <summary>Context-specific words refused in every password: the application's own names.</summary>
    public static readonly IReadOnlyList<string> ApplicationWords = ["tumorboard", "tumourboard"];

    static readonly Lazy<HashSet<string>> List = new(Load);

    /// <summary>The 10,000 most common passwords, lower case.</summary>
    public static IReadOnlySet<string> CommonPasswords => List.Value;

    static readonly string[] Sequences =
    [
        "abcdefghijklmnopqrstuvwxyz", "0123456789", "1234567890",
        "`1234567890-=", "qwertyuiop[]\\", "asdfghjkl;'", "zxcvbnm,./",   // US keyboard rows
        "qwertzuiop", "yxcvbnm", "azertyuiop", "qsdfghjklm", "wxcvbn",   // German and French rows
        "1qaz", "2wsx", "3edc", "4rfv", "5tgb", "6yhn", "7ujm",           // keyboard columns
    ];

    static readonly Dictionary<char, char> Leet = new()
    {
        ['@'] = 'a', ['4'] = 'a', ['8'] = 'b', ['(' ] = 'c', ['3'] = 'e', ['6'] = 'g', ['1'] = 'i', ['!'] = 'i', ['|'] = 'l',
        ['0'] = 'o', ['$'] = 's', ['5'] = 's', ['7'] = 't', ['+'] = 't', ['2'] = 'z',
    };

    /// <summary>
    /// Every weakness of <paramref name="password"/> (empty: none found). <paramref name="personalWords"/> are the account's
    /// display name, e-mail address and user name as stored; they are split into words here.
    /// </summary>
    public static IReadOnlyList<PasswordWeakness> Check(string password, IEnumerable<string?> personalWords)
    {
        var lower = Fold(password);
        var variants = new[] { lower, Unleet(lower) }.Distinct().ToArray();
        List<PasswordWeakness> found = [];
        if (variants.Any(IsBuiltOnCommonPassword)) found.Add(PasswordWeakness.Common);
        if (variants.Any(IsPattern)) found.Add(PasswordWeakness.Pattern);
        var squashed = variants.Select(Squash).ToArray();
        if (WordsOf(personalWords).Any(w => squashed.Any(s => s.Contains(w, StringComparison.Ordinal)))) found.Add(PasswordWeakness.PersonalInfo);
        if (ApplicationWords.Any(w => squashed.Any(s => s.Contains(w, StringComparison.Ordinal)))) found.Add(PasswordWeakness.ApplicationName);
        return found;
    }

    /// <summary>A common password as it is, with digits or symbols around it, or with at most a few characters added anywhere.</summary>
    static bool IsBuiltOnCommonPassword(string p)
    {
        var common = CommonPasswords;
        if (common.Contains(p)) return true;
        var core = p.Trim(p.Where(c => !char.IsLetter(c)).Distinct().ToArray());
        if (core.Length >= MinWordLength && common.Contains(core)) return true;
        // The longest common password inside p leaves at most MaxExtraCharacters over.
        var shortest = Math.Max(MinWordLength, p.Length - MaxExtraCharacters);
        for (var length = Math.Min(p.Length, 64); length >= shortest; length--)
            for (var start = 0; start + length <= p.Length; start++)
                if (common.Contains(p.Substring(start, length))) return true;
        return false;
    }

    /// <summary>A repetition ("qwertyqwerty") or runs along a sequence ("abcdefghijkl", "123456789012") with few characters over.</summary>
    static bool IsPattern(string p) => IsRepetition(p) || IsRepetition(Reverse(p)) || p.Length - RunCoverage(p) <= MaxExtraCharacters;

    static bool IsRepetition(string p)
    {
        for (var period = 1; period <= p.Length / 2; period++)
        {
            var consistent = period;
            while (consistent < p.Length && p[consistent] == p[consistent - period]) consistent++;
            if (consistent >= 2 * period && p.Length - consistent <= MaxExtraCharacters) return true;
        }
        return false;
    }

    /// <summary>How many characters of p lie in runs of three or more along one of the sequences, forwards or backwards.</summary>
    static int RunCoverage(string p)
    {
        var covered = new bool[p.Length];
        foreach (var sequence in Sequences.Concat(Sequences.Select(Reverse)))
            for (var start = 0; start < p.Length;)
            {
                var length = 0;
                var at = sequence.IndexOf(p[start]);
                while (at >= 0 && start + length < p.Length && at + length < sequence.Length && sequence[at + length] == p[start + length]) length++;
                if (length >= 3) for (var i = start; i < start + length; i++) covered[i] = true;
                start += Math.Max(1, length);
            }
        return covered.Count(c => c);
    }

    /// <summary>
    /// Words of the account's names and addresses, squashed: each whole, and each part of at least four characters. Of an
    /// e-mail address the whole address, the user name and its parts count; the domain's labels alone do not, since every
    /// account of the hospital shares them (the application's name is refused anyway).
    /// </summary>
    static IEnumerable<string> WordsOf(IEnumerable<string?> personal)
    {
        foreach (var text in personal)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            var folded = Fold(text.Trim());
            var at = folded.LastIndexOf('@');
            var name = at > 0 ? folded[..at] : folded;
            foreach (var candidate in new[] { folded, name }.Concat(name.Split(NonWordSeparators, StringSplitOptions.RemoveEmptyEntries)))
            {
                var word = Squash(candidate);
                if (word.Length >= MinWordLength) yield return word;
            }
        }
    }

    static readonly char[] NonWordSeparators = [' ', '.', '-', '_', '+', '@', ',', '\'', '(', ')', '/', '\t'];

    static string Fold(string s) => Common.UnicodeText.NormalizeOrKeep(s, NormalizationForm.FormKC).ToLowerInvariant();

    /// <summary>Letters and digits only, so "Maya.Medonc" and "maya-medonc" both read "mayamedonc".</summary>
    static string Squash(string s) => string.Concat(s.Where(char.IsLetterOrDigit));

    static string Unleet(string s) => string.Concat(s.Select(c => Leet.GetValueOrDefault(c, c)));

    static string Reverse(string s)
    {
        var chars = s.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }

    static HashSet<string> Load()
    {
        using var stream = typeof(PasswordScreen).Assembly.GetManifestResourceStream("TumorBoard.Domain.Security.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded in TumorBoard.Domain.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) set.Add(line);
        return set;
    }
}
