using System.Text;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Patients;
using TumorBoard.Domain.Security;

namespace TumorBoard.UnitTests.Common;

/// <summary>Text that .NET cannot normalise (noncharacters) is judged by the field's own rule instead of throwing.</summary>
public sealed class UnicodeTextTests
{
    [Theory]
    [InlineData(0xFFFE)]
    [InlineData(0xFFFF)]
    [InlineData(0xFDD0)]
    public void An_mrn_with_a_noncharacter_is_named_and_refused_not_thrown(int codePoint)
    {
        var entered = "DEMO-1001" + (char)codePoint;
        var normalized = Mrn.Normalize(entered);
        Mrn.Problem(normalized).ShouldNotBeNull().ShouldContain($"U+{codePoint:X4}");
    }

    [Fact]
    public void A_password_checked_against_an_email_with_a_noncharacter_is_screened_not_thrown()
    {
        Should.NotThrow(() => PasswordScreen.Check("Glacier-Compass-Tide-41", ["new\uFFFE@example.org", "New Account"]));
        PasswordScreen.Check("Glacier-Compass-Tide-41", ["new\uFFFE@example.org"]).ShouldBeEmpty();
    }

    [Fact]
    public void Normalisable_text_is_normalised()
    {
        UnicodeText.NormalizeOrKeep("\uFF21", NormalizationForm.FormKC).ShouldBe("A");
        UnicodeText.NormalizeOrKeep("A\uFFFE", NormalizationForm.FormKC).ShouldBe("A\uFFFE");
    }
}
