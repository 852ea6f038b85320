using TumorBoard.Domain.Common;
using TumorBoard.Domain.Patients;
using TumorBoard.UnitTests.Cases;

namespace TumorBoard.UnitTests.Patients;

/// <summary>The MRN's canonical form (issue #10 item 13): look-alikes are the same MRN; other characters are named and refused.</summary>
public sealed class MrnTests
{
    public static TheoryData<string, string> LookAlikes() => new()
    {
        { "DEMO-1001\u200B", "zero-width space after" },
        { "\u200BDEMO-1001", "zero-width space before" },
        { "DEMO\u200C-10\u200D01", "zero-width (non-)joiners inside" },
        { "DEMO-1001\u2060", "word joiner" },
        { "\uFEFFDEMO-1001", "byte order mark" },
        { "DE\u00ADMO-1001", "soft hyphen" },
        { "\u200EDEMO-1001\u200F", "direction marks" },
        { "DEMO-1001\u00A0", "no-break space after" },
        { "\u00A0DEMO-1001", "no-break space before" },
        { " \tDEMO-1001\u3000\n", "spaces, tab, ideographic space, newline" },
        { "DEM\u041E-1001", "Cyrillic capital O" },
        { "D\u0415MO-1001", "Cyrillic capital Ie" },
        { "d\u0435mo-1001", "Cyrillic small ie, lower case" },
        { "\u0392\u0395\u039C\u039F-1001".Replace("\u0392", "D"), "Greek capital Epsilon, Mu, Omicron" },
        { "DEMO-\uFF11\uFF10\uFF10\uFF11", "fullwidth digits" },
        { "\uFF24\uFF25\uFF2D\uFF2F\uFF0D\uFF11\uFF10\uFF10\uFF11", "all fullwidth" },
        { "demo-1001", "lower case" },
        { "Demo-1001", "mixed case" },
        { "DEMO\u20111001", "non-breaking hyphen" },
        { "DEMO\u20131001", "en dash" },
        { "DEMO\u22121001", "minus sign" },
    };

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public void A_look_alike_normalises_to_the_registered_mrn(string entered, string what)
    {
        Mrn.Normalize(entered).ShouldBe("DEMO-1001", what);
        Mrn.Problem(Mrn.Normalize(entered)).ShouldBeNull(what);
    }

    [Theory]
    [InlineData("DEMO 1001", "a space is not allowed")]
    [InlineData("DEMO\u00A01001", "a space is not allowed")]
    [InlineData("D\u00C9MO-1001", "\"\u00C9\" (U+00C9) is not allowed")]
    [InlineData("DEMO_1001", "\"_\" (U+005F) is not allowed")]
    [InlineData("DEMO-1001\u0301", "U+0301 is not allowed")]
    [InlineData("DEMO-\u0661\u0660\u0660\u0661", "\"\u0661\" (U+0661) is not allowed")]
    [InlineData("DEMO-\u0416", "\"\u0416\" (U+0416) is not allowed")]
    [InlineData("-DEMO", "starts with a letter or a digit")]
    [InlineData("123456789012345678901234567890123", "at most 32 characters")]
    [InlineData("", "Enter the medical record number.")]
    [InlineData("\u200B\u00A0 ", "Enter the medical record number.")]
    public void Anything_else_is_refused_with_a_message_naming_it(string entered, string message) =>
        Mrn.Problem(Mrn.Normalize(entered)).ShouldNotBeNull().ShouldContain(message);

    [Theory]
    [InlineData("A")]
    [InlineData("0042")]
    [InlineData("KSSG/2024.117-A")]
    [InlineData("12345678901234567890123456789012")]
    public void Plain_mrns_are_kept_as_they_are(string mrn)
    {
        Mrn.Normalize(mrn).ShouldBe(mrn);
        Mrn.Problem(mrn).ShouldBeNull();
    }

    [Fact]
    public void Normalising_twice_changes_nothing_more()
    {
        foreach (var (entered, _) in LookAlikes().Select(r => ((string)r[0], (string)r[1])))
            Mrn.Normalize(Mrn.Normalize(entered)).ShouldBe(Mrn.Normalize(entered));
    }

    [Fact]
    public void A_patient_keeps_the_canonical_form_and_refuses_one_that_cannot_be_an_mrn()
    {
        Patient.Register(" d\u0435mo-1001\u200B", "Muster", "Anna", new DateOnly(1961, 4, 12), Sex.Female, Guid.NewGuid(), TestCases.Now, FixedClock.Today)
            .Mrn.ShouldBe("DEMO-1001");
        Should.Throw<DomainConflictException>(() =>
            Patient.Register("DEMO 1001", "Muster", "Anna", new DateOnly(1961, 4, 12), Sex.Female, Guid.NewGuid(), TestCases.Now, FixedClock.Today))
            .Message.ShouldContain("a space is not allowed");
    }
}
