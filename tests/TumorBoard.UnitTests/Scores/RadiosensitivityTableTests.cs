using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Scores;

namespace TumorBoard.UnitTests.Scores;

public class RadiosensitivityTableTests
{
    private static readonly RadiosensitivityTable Table = RadiosensitivityTable.Default;

    [Fact]
    public void The_default_table_is_embedded_and_lists_every_histology_with_a_source()
    {
        RadiosensitivityTable.DefaultJson().ShouldContain("\"entries\"");
        Table.Entries.Keys.Order().ShouldBe(Enum.GetValues<PrimaryHistology>());
        Table.Entries.Values.ShouldAllBe(e => !string.IsNullOrWhiteSpace(e.Source));
    }

    // scores.md §3.2: the three hematologic/germ-cell entries on each side are V2; seminoma only for GermCell.
    [Theory]
    [InlineData(PrimaryHistology.Lymphoma, Radiosensitivity.Sensitive)]
    [InlineData(PrimaryHistology.MultipleMyeloma, Radiosensitivity.Sensitive)]
    [InlineData(PrimaryHistology.RenalCell, Radiosensitivity.Resistant)]
    [InlineData(PrimaryHistology.Melanoma, Radiosensitivity.Resistant)]
    [InlineData(PrimaryHistology.Thyroid, Radiosensitivity.Resistant)]
    [InlineData(PrimaryHistology.Colorectal, Radiosensitivity.Resistant)]
    public void Verified_entries_carry_their_class_as_verified(PrimaryHistology histology, Radiosensitivity expected) =>
        Table.Lookup(histology).ShouldBe(Table.Lookup(histology) with { Radiosensitivity = expected, Verified = true });

    [Theory]
    [InlineData(PrimaryHistology.Breast, Radiosensitivity.Sensitive)]
    [InlineData(PrimaryHistology.Prostate, Radiosensitivity.Sensitive)]
    [InlineData(PrimaryHistology.Ovarian, Radiosensitivity.Sensitive)]
    [InlineData(PrimaryHistology.Neuroendocrine, Radiosensitivity.Sensitive)]
    [InlineData(PrimaryHistology.GermCell, Radiosensitivity.Sensitive)]
    [InlineData(PrimaryHistology.Sarcoma, Radiosensitivity.Resistant)]
    [InlineData(PrimaryHistology.Hepatocellular, Radiosensitivity.Resistant)]
    [InlineData(PrimaryHistology.LungNsclc, Radiosensitivity.Resistant)]
    public void Unverified_entries_are_never_marked_verified(PrimaryHistology histology, Radiosensitivity expected)
    {
        var entry = Table.Lookup(histology);
        entry.Radiosensitivity.ShouldBe(expected);
        entry.Verified.ShouldBeFalse();
    }

    [Theory]
    [InlineData(PrimaryHistology.SmallCellLung)] [InlineData(PrimaryHistology.Gastric)]
    [InlineData(PrimaryHistology.Oesophageal)] [InlineData(PrimaryHistology.Pancreatic)]
    [InlineData(PrimaryHistology.Bladder)] [InlineData(PrimaryHistology.Uterine)]
    [InlineData(PrimaryHistology.UnknownPrimary)] [InlineData(PrimaryHistology.Other)]
    public void Histologies_outside_the_lists_are_unknown(PrimaryHistology histology) =>
        Table.Lookup(histology).Radiosensitivity.ShouldBe(Radiosensitivity.Unknown);

    [Fact]
    public void An_override_table_is_parsed_and_unlisted_histologies_are_unknown()
    {
        var table = RadiosensitivityTable.FromJson("""
            { "version": "v9", "entries": { "Breast": { "radiosensitivity": "Sensitive", "verified": true, "source": "local" } } }
            """);
        table.Version.ShouldBe("v9");
        table.Lookup(PrimaryHistology.Breast).ShouldBe(new RadiosensitivityEntry(Radiosensitivity.Sensitive, true, "local"));
        table.Lookup(PrimaryHistology.Lymphoma).Radiosensitivity.ShouldBe(Radiosensitivity.Unknown);
    }

    [Fact]
    public void Verified_defaults_to_false_when_omitted()
    {
        RadiosensitivityTable.FromJson("""{ "entries": { "Breast": { "radiosensitivity": "Sensitive", "source": "x" } } }""")
            .Lookup(PrimaryHistology.Breast).Verified.ShouldBeFalse();
    }

    [Theory]
    [InlineData("""{ "entries": { "Kidney": { "radiosensitivity": "Resistant", "source": "x" } } }""")]
    [InlineData("""{ "entries": { "3": { "radiosensitivity": "Resistant", "source": "x" } } }""")]
    [InlineData("""{ "entries": { "Breast": { "radiosensitivity": "Maybe", "source": "x" } } }""")]
    [InlineData("""{ "entries": { "Breast": { "source": "x" } } }""")]
    [InlineData("""{ "entries": { "Breast": { "radiosensitivity": "Sensitive" } } }""")]
    [InlineData("""{ "entries": { "Breast": { "radiosensitivity": 0, "source": "x" } } }""")]
    [InlineData("not json")]
    public void A_malformed_table_is_rejected_loudly(string json) =>
        Should.Throw<FormatException>(() => RadiosensitivityTable.FromJson(json));
}
