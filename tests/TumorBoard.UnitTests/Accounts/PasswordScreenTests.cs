using TumorBoard.Domain.Security;

namespace TumorBoard.UnitTests.Accounts;

/// <summary>What PasswordScreen refuses (issue #10 item 14, OWASP ASVS 5.0 V6.2) and what it lets through.</summary>
public sealed class PasswordScreenTests
{
    static readonly string[] Maya = ["Dr. Maya Medonc", "maya.medonc@spital.example", "maya.medonc@spital.example"];

    static IReadOnlyList<PasswordWeakness> Check(string password, string[]? personal = null) => PasswordScreen.Check(password, personal ?? Maya);

    [Fact]
    public void Ships_at_least_the_10000_most_common_passwords_in_lower_case()
    {
        PasswordScreen.CommonPasswords.Count.ShouldBeGreaterThanOrEqualTo(10_000);
        PasswordScreen.CommonPasswords.ShouldContain("password");
        PasswordScreen.CommonPasswords.ShouldContain("123456");
        PasswordScreen.CommonPasswords.ShouldAllBe(p => p == p.ToLowerInvariant() && p.Length > 0);
    }

    [Theory]
    [InlineData("password1234")]          // the issue's three
    [InlineData("123456789012")]
    [InlineData("qwertyuiopas")]
    [InlineData("Password1234!")]         // case and symbols do not help
    [InlineData("PASSWORD12345678")]
    [InlineData("P@ssw0rd2026!")]         // l33t undone
    [InlineData("dragon123456789")]       // a common password with digits after it
    [InlineData("!!2026iloveyou")]        // ... or before it
    [InlineData("iloveyou1234")]
    [InlineData("sunshine-x12")]          // a few characters inside
    [InlineData("ｐａｓｓｗｏｒｄ１２３４")]  // fullwidth letters and digits
    public void Refuses_a_common_password_and_one_built_on_it(string password) =>
        Check(password).ShouldContain(PasswordWeakness.Common);

    [Theory]
    [InlineData("qwertyqwerty")]
    [InlineData("abcdefghijkl")]
    [InlineData("zyxwvutsrqpo")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("zxcvbnm,./12")]
    [InlineData("asdfghjkl;'#")]
    [InlineData("987654321098")]
    [InlineData("ababababab12")]
    [InlineData("!1qwertyqwerty")]
    public void Refuses_repetitions_and_runs_along_the_keyboard_or_the_alphabet(string password) =>
        Check(password).ShouldContain(PasswordWeakness.Pattern);

    [Theory]
    [InlineData("Medonc-rocks-2026!")]                // a part of the display name
    [InlineData("my name is maya, ok?")]
    [InlineData("Rounds at the spital 26", false)]    // the domain is every account's: not refused on its own
    [InlineData("maya.medonc@spital.example")]        // the whole address
    [InlineData("x-MayaMedonc-x")]                    // the whole user name, squashed
    public void Refuses_the_accounts_name_or_e_mail_address(string password, bool refused = true) =>
        Check(password).Contains(PasswordWeakness.PersonalInfo).ShouldBe(refused);

    [Theory]
    [InlineData("Tumor-Board-2026!!")]
    [InlineData("my tumorboard login")]
    [InlineData("TUMOURBOARD-rules")]
    public void Refuses_the_applications_name(string password) =>
        Check(password).ShouldContain(PasswordWeakness.ApplicationName);

    [Theory]
    [InlineData("Demo-Board-2026!")]                  // the demo password
    [InlineData("Fresh-Account-Password-1")]          // the tests' passwords
    [InlineData("A-brand-new-password-9")]
    [InlineData("My-new-password-77")]
    [InlineData("Changed-by-myself-1")]
    [InlineData("Reset-by-the-admin-1")]
    [InlineData("Page-changed-pass-1")]
    [InlineData("correct horse battery staple")]
    [InlineData("violet-kettle-ramp-47")]
    public void Lets_a_passphrase_through(string password) =>
        Check(password, ["Test Person", "test-4f2a@example.test", "test-4f2a@example.test"]).ShouldBeEmpty();

    [Fact]
    public void Parts_of_names_under_four_characters_are_not_searched_for()
    {
        string[] ada = ["Ada Administrator", "admin@demo.tumorboard", "admin@demo.tumorboard"];
        Check("Ada is not in here", ada).ShouldBeEmpty();
        Check("Reset-by-the-admin-1", ada).ShouldBe([PasswordWeakness.PersonalInfo]);   // the e-mail user name is
    }

    [Fact]
    public void The_domain_of_the_e_mail_address_alone_is_not_refused_but_the_application_name_is()
    {
        Check("Spital-visits-2026", Maya).ShouldBeEmpty();
        Check("Demo-Board-2026!", ["Corinne Coordinator", "coordinator@demo.tumorboard", null!]).ShouldBeEmpty();
    }
}
