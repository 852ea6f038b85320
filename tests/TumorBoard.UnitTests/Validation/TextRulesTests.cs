using TumorBoard.Application.Common.Validation;

namespace TumorBoard.UnitTests.Validation;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("Müller-Lüdenscheidt")]
    [InlineData("T4–T6, 8 Gy × 1")]
    [InlineData("Crème brûlée 🦴 (a pair of surrogates)")]
    [InlineData("")]
    [InlineData(null)]
    public void Accepts_plain_text_of_any_script_in_every_field(string? text)
    {
        TextRules.Problem(text, multiLine: false).ShouldBeNull();
        TextRules.Problem(text, multiLine: true).ShouldBeNull();
    }

    [Theory]
    [InlineData("line one\nline two")]
    [InlineData("line one\r\nline two")]
    [InlineData("column\tcolumn")]
    public void Accepts_tabs_and_line_breaks_only_in_multi_line_text(string text)
    {
        TextRules.Problem(text, multiLine: true).ShouldBeNull();
        TextRules.Problem(text, multiLine: false).ShouldNotBeNull().ShouldContain("one line");
    }

    [Theory]
    [InlineData("a\u0000b", "U+0000", 2)]
    [InlineData("\u0007bell", "U+0007", 1)]
    [InlineData("esc\u001b[0m", "U+001B", 4)]
    [InlineData("del\u007f", "U+007F", 4)]
    [InlineData("nel\u0085", "U+0085", 4)]
    [InlineData("vt\u000b", "U+000B", 3)]
    [InlineData("ff\u000c", "U+000C", 3)]
    public void Refuses_every_other_control_character_in_every_field_naming_it_and_its_position(string text, string codePoint, int position)
    {
        foreach (var multiLine in new[] { false, true })
        {
            var problem = TextRules.Problem(text, multiLine).ShouldNotBeNull();
            problem.ShouldContain(codePoint);
            problem.ShouldContain($"position {position}");
        }
    }

    /// <summary>Built at run time: a lone surrogate does not survive as an attribute argument (test discovery replaces it).</summary>
    [Fact]
    public void Refuses_an_unpaired_surrogate_which_utf8_cannot_carry()
    {
        (string Text, string CodePoint)[] cases =
        [
            ("half " + (char)0xD800 + " a pair", "U+D800"),
            ((char)0xDC00 + " first", "U+DC00"),
            ("at the end " + (char)0xD83E, "U+D83E"),
            ("reversed " + (char)0xDD34 + (char)0xD83E, "U+DD34"),
        ];
        foreach (var (text, codePoint) in cases)
        {
            TextRules.Problem(text, multiLine: true).ShouldNotBeNull().ShouldContain(codePoint);
            TextRules.Problem(text, multiLine: false).ShouldNotBeNull().ShouldContain("unpaired surrogate");
        }
    }

    [Fact]
    public void Require_throws_a_validation_failure_on_the_named_field()
    {
        var failure = Should.Throw<FluentValidation.ValidationException>(() => TextRules.Require("Email", "a\u0000@b.c"));
        failure.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("Email");
        Should.NotThrow(() => TextRules.Require("Email", "a@b.c"));
    }
}
