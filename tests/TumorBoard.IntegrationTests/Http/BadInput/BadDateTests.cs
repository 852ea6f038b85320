using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.IntegrationTests.Meetings;

namespace TumorBoard.IntegrationTests.Http.BadInput;

/// <summary>Issue #10 item 7: every date a client sends is held to a clinical range, stated in the message.</summary>
public sealed partial class BadDateTests(AppFixture app) : BadInputTest(app)
{
    IEnumerable<(ApiOperation Op, BodyField Field)> Dates() =>
        Operations.SelectMany(op => op.BodyFields.Where(f => f.Kind is FieldKind.Date or FieldKind.Instant).Select(f => (op, f)));

    /// <summary>A message that says what is allowed: a day, "future"/"past", or a number of years.</summary>
    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}|future|past|years")]
    private static partial Regex StatesRange();

    [Theory]
    [InlineData("9999-12-31", "9999-12-31T23:00:00Z")]
    [InlineData("1899-12-31", "1899-12-31T23:00:00Z")]
    [InlineData("0001-01-01", "0001-01-01T00:00:00Z")]
    [InlineData("2200-01-01", "2200-01-01T08:00:00+01:00")]
    public async Task Refuses_a_date_out_of_range_in_every_body_naming_the_field_and_the_range(string day, string instant)
    {
        var before = await ApiSurface.FingerprintAsync(App);
        var client = await ClientAsync();
        List<string> failures = [];
        foreach (var (op, field) in Dates())
        {
            var value = field.Kind == FieldKind.Date ? day : instant;
            using var response = await ApiSurface.SendAsync(client, op, op.Body(field, value));
            if (await NamesFieldAsync(response, field.Key) is { Length: > 0 } problem) failures.Add($"{op} {field.Key} = {value}: {problem}");
            else if (!(await MessagesAsync(response, field.Key)).Any(StatesRange().IsMatch))
                failures.Add($"{op} {field.Key} = {value}: the message states no range: {string.Join(" ", await MessagesAsync(response, field.Key))}");
        }
        ShouldAllPass(failures, Dates().Count());
        Dates().Select(d => d.Field.Key).Distinct().Count().ShouldBeGreaterThanOrEqualTo(8);
        (await ApiSurface.FingerprintAsync(App)).ShouldBe(before);
    }

    [Theory]
    [InlineData("10000-01-01", "9999-12-31T23:00:00-05:00")]
    [InlineData("2026-02-30", "2026-13-01T00:00:00Z")]
    [InlineData("yesterday", "now")]
    public async Task Refuses_a_date_that_is_no_date_in_every_body_naming_the_field(string day, string instant)
    {
        var client = await ClientAsync();
        List<string> failures = [];
        foreach (var (op, field) in Dates())
        {
            var value = field.Kind == FieldKind.Date ? day : instant;
            using var response = await ApiSurface.SendAsync(client, op, op.Body(field, value));
            if (await NamesFieldAsync(response, field.Key, only: true) is { Length: > 0 } problem) failures.Add($"{op} {field.Key} = {value}: {problem}");
        }
        ShouldAllPass(failures, Dates().Count());
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("1899-12-31")]
    [InlineData("0001-01-01")]
    [InlineData("not-a-day")]
    [InlineData("2026-02-30")]
    public async Task Refuses_a_date_out_of_range_in_every_query_filter_naming_the_parameter(string day)
    {
        var client = await ClientAsync();
        List<string> failures = [];
        var filters = Operations.SelectMany(op => op.Query
            .Where(q => (Nullable.GetUnderlyingType(q.Type) ?? q.Type) is var t && (t == typeof(DateOnly) || t == typeof(DateTimeOffset)))
            .Select(q => (op, q))).ToList();
        foreach (var (op, q) in filters)
        {
            var value = (Nullable.GetUnderlyingType(q.Type) ?? q.Type) == typeof(DateOnly) || !DateOnly.TryParse(day, out _) ? day : day + "T23:00:00Z";
            using var response = await ApiSurface.SendAsync(client, op, null, $"{q.Name}={Uri.EscapeDataString(value)}");
            var key = JsonNamingPolicy.CamelCase.ConvertName(q.Name);
            if (await NamesFieldAsync(response, key, only: true) is { Length: > 0 } problem) failures.Add($"{op} ?{q.Name}={value}: {problem}");
        }
        ShouldAllPass(failures, filters.Count);
        filters.Count.ShouldBeGreaterThanOrEqualTo(5);   // meetings from, audit from/to, history from/to
    }

    [Fact]
    public async Task Refuses_a_weekly_series_that_would_run_past_the_planning_horizon()
    {
        var client = await App.ClientAsync(AppFixture.Coordinator);
        var plan = await MeetingTestData.PlanAsync(App) with { StartsAt = DateTimeOffset.UtcNow.AddYears(2).AddDays(-30), WeeklyOccurrences = 52 };
        using var response = await client.PostAsync("/api/v1/meetings", Api.Body(plan));
        (await NamesFieldAsync(response, "weeklyOccurrences", only: true)).ShouldBeEmpty();
        (await MessagesAsync(response, "weeklyOccurrences")).ShouldHaveSingleItem().ShouldContain("2 years");

        using var farOff = await client.PostAsync("/api/v1/meetings", Api.Body(plan with { StartsAt = new DateTimeOffset(9999, 12, 31, 23, 0, 0, TimeSpan.Zero) }));
        (await NamesFieldAsync(farOff, "startsAt", only: true)).ShouldBeEmpty();
        (await App.QueryDbAsync(db => db.Meetings.CountAsync())).ShouldBe(0);

        using var fine = await client.PostAsync("/api/v1/meetings", Api.Body(plan with { WeeklyOccurrences = 4 }));
        fine.StatusCode.ShouldBe(HttpStatusCode.Created, await fine.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Refuses_a_submission_cut_off_more_than_a_year_before_the_start()
    {
        var plan = await MeetingTestData.PlanAsync(App);
        using var response = await (await App.ClientAsync(AppFixture.Coordinator)).PostAsync("/api/v1/meetings",
            Api.Body(plan with { SubmissionCutoff = plan.StartsAt!.Value.AddDays(-400) }));
        (await NamesFieldAsync(response, "submissionCutoff", only: true)).ShouldBeEmpty();
        (await MessagesAsync(response, "submissionCutoff")).ShouldHaveSingleItem().ShouldContain("365 days");
    }

    [Fact]
    public async Task Takes_times_with_any_offset_and_keeps_them_in_UTC()
    {
        var client = await App.ClientAsync(AppFixture.Coordinator);
        var plan = await MeetingTestData.PlanAsync(App);
        var local = plan.StartsAt!.Value.ToOffset(TimeSpan.FromHours(14));
        using var created = await client.PostAsync("/api/v1/meetings", Api.Body(plan with { StartsAt = local, SubmissionCutoff = local.AddHours(-30) }));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var stored = await App.QueryDbAsync(db => db.Meetings.Select(m => new { m.StartsAt, m.SubmissionCutoff }).SingleAsync());
        stored.StartsAt.ShouldBe(local, TimeSpan.FromMilliseconds(1));   // PostgreSQL keeps microseconds
        stored.StartsAt.Offset.ShouldBe(TimeSpan.Zero);
        stored.SubmissionCutoff.ShouldBe(local.AddHours(-30), TimeSpan.FromMilliseconds(1));

        using var listed = await client.GetAsync("/api/v1/meetings?from=" + Uri.EscapeDataString(local.AddDays(-1).ToString("O")));
        listed.StatusCode.ShouldBe(HttpStatusCode.OK, await listed.Content.ReadAsStringAsync());
        (await listed.ReadAsync()).GetProperty("totalCount").GetInt32().ShouldBe(1);
    }
}
