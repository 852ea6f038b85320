using System.Globalization;
using TumorBoard.Application.Features.Analytics;
using TumorBoard.UnitTests.Cases;

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
    [InlineData("2026-05-01", "2026-04-30", "To")]
    [InlineData("2026-05-01", "2026-05-01", "")]
    [InlineData("2016-01-01", "2026-02-18", "To")]
    [InlineData("2016-01-01", "2026-02-17", "")]
    [InlineData("1899-12-31", "2000-01-31", "From")]
    [InlineData("1900-01-01", "1900-01-31", "")]
    [InlineData("0001-01-01", null, "From")]
    [InlineData(null, "0001-01-01", "To")]
    [InlineData("9999-12-31", null, "From")]
    [InlineData(null, "9999-12-31", "To")]
    [InlineData("2031-03-10", null, "")]          // today (2026-03-10) + five years: the last day searched
    [InlineData(null, "2031-03-11", "To")]
    [InlineData("2000-01-01", null, "From")]      // up to today: more than 3700 days, and no end to put it under
    [InlineData("2016-03-10", null, "")]
    [InlineData("9999-12-31", "0001-01-01", "From,To")]   // each out of range under its own name, not also "out of order"
    public void The_period_validator_holds_each_bound_to_the_range_then_the_order_and_the_length(string? from, string? to, string fields)
    {
        var result = new AnalyticsFilterValidator(FixedClock.At2026).Validate(new AnalyticsFilter
        {
            From = from is null ? null : DateOnly.Parse(from, CultureInfo.InvariantCulture),
            To = to is null ? null : DateOnly.Parse(to, CultureInfo.InvariantCulture),
        });
        string.Join(",", result.Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal)).ShouldBe(fields);
        result.Errors.Where(e => e.ErrorMessage.Contains("between")).ShouldAllBe(e => e.ErrorMessage.Contains("1900-01-01") && e.ErrorMessage.Contains("2031-03-10"));
    }

    [Fact]
    public void Every_measure_of_the_issue_has_a_unique_key_a_source_and_its_numerator_over_its_denominator()
    {
        QualityMetrics.All.Select(m => m.Key).ShouldBeUnique();
        QualityMetrics.All.Where(m => m.Measure != 13).ShouldAllBe(m => m.Source.StartsWith("pathways.md §2, measure "));
        QualityMetrics.All.Where(m => m.Unit == global::TumorBoard.Domain.Analytics.MetricUnit.Proportion).ShouldAllBe(m => m.Definition.Contains(" / "));
        QualityMetrics.All.Select(m => m.Measure).Distinct().Order().ShouldBe([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    }

    sealed class Waiting : PendingMetric
    {
        public override string Key => "waiting";
        public override int Measure => 99;
        public override string Title => "Waiting";
        public override string Definition => "a / b";
        public override string Unavailable => "Needs data the system does not record yet.";
    }

    [Fact]
    public void Every_measure_is_counted_and_one_that_waits_for_data_runs_no_sql_and_answers_no_numbers()
    {
        QualityMetrics.All.ShouldAllBe(m => m.Unavailable == null);   // measures 10 and 13 count the fast-track clocks
        var waiting = new Waiting();
        Should.Throw<InvalidOperationException>(() => waiting.Sql(null!));
        var value = GetQualityMetrics.Pending(waiting, waiting.Unavailable);
        (value.Available, value.Numerator, value.Denominator, value.Value).ShouldBe((false, (long?)null, (long?)null, (double?)null));
    }
}
