using System.Globalization;
using TumorBoard.Application.Features.Analytics;

namespace TumorBoard.UnitTests.Analytics;

/// <summary>RFC 4180 fields in the invariant culture (pathways.md §2 "CSV export").</summary>
public sealed class CsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"no\"", "\"say \"\"no\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("line\nfeed", "\"line\nfeed\"")]
    [InlineData("", "")]
    public void Quotes_a_field_only_when_it_must_and_doubles_its_quotes(string value, string expected) =>
        Csv.Field(value).ShouldBe(expected);

    [Fact]
    public void Writes_numbers_and_instants_the_same_in_every_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-CH");
            Csv.Field(1234567.5m).ShouldBe("1234567.5");
            Csv.Field(12345).ShouldBe("12345");
            Csv.Field(new DateTimeOffset(2026, 3, 1, 9, 5, 0, TimeSpan.FromHours(1))).ShouldBe("2026-03-01T08:05:00Z");
            Csv.Field(new DateOnly(2026, 3, 1)).ShouldBe("2026-03-01");
            Csv.Field(true).ShouldBe("true");
        }
        finally { CultureInfo.CurrentCulture = before; }
    }

    [Fact]
    public void A_pseudonym_is_keyed_stable_and_not_the_id()
    {
        var id = Guid.Parse("0190f1f0-0000-7000-8000-000000000001");
        var a = new AnalyticsOptions { PseudonymKey = new string('a', 32) };
        var b = new AnalyticsOptions { PseudonymKey = new string('b', 32) };
        a.Pseudonym(id).ShouldBe(a.Pseudonym(id));
        a.Pseudonym(id).ShouldNotBe(b.Pseudonym(id));
        a.Pseudonym(id).ShouldMatch("^[0-9a-f]{32}$");
        a.Pseudonym(id).ShouldNotContain(id.ToString("N")[..8]);
    }

    [Theory]
    [InlineData("2026-05-01", "2026-04-30", false)]
    [InlineData("2026-05-01", "2026-05-01", true)]
    [InlineData("2016-01-01", "2026-02-18", false)]
    [InlineData("2016-01-01", "2026-02-17", true)]
    [InlineData("1999-12-31", "2000-01-31", false)]
    public void The_period_validator_keeps_the_period_in_order_and_bounded(string from, string to, bool valid) =>
        new AnalyticsFilterValidator().Validate(new AnalyticsFilter { From = DateOnly.Parse(from), To = DateOnly.Parse(to) })
            .IsValid.ShouldBe(valid);

    [Fact]
    public void Every_measure_has_a_unique_key_and_a_source_in_pathways_section_2()
    {
        QualityMetrics.All.Select(m => m.Key).ShouldBeUnique();
        QualityMetrics.All.ShouldAllBe(m => m.Source.StartsWith("pathways.md §2, measure "));
        QualityMetrics.All.Where(m => m.Unit == global::TumorBoard.Domain.Analytics.MetricUnit.Proportion).ShouldAllBe(m => m.Definition.Contains(" / "));
        QualityMetrics.All.Select(m => m.Measure).Distinct().Order().ShouldBe([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    }
}
