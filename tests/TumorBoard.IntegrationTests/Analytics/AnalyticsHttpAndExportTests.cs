using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Features.Analytics;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;
using static TumorBoard.IntegrationTests.Analytics.AnalyticsTestData;

namespace TumorBoard.IntegrationTests.Analytics;

/// <summary>The measures over HTTP, the CSV export read back as RFC 4180, and the page with its SVG charts.</summary>
[Collection(AppCollection.Name)]
public sealed class AnalyticsHttpAndExportTests(AppFixture app) : DatabaseTest(app)
{
    string Period => $"from={Today(app).AddDays(-1):yyyy-MM-dd}&to={Today(app).AddDays(30):yyyy-MM-dd}";

    [Fact]
    public async Task The_api_answers_each_measure_with_numerator_denominator_value_definition_and_source()
    {
        await BoardAsync(app);
        var client = await app.ClientAsync(AppFixture.Clinician);

        var body = await (await client.GetAsync($"/api/v1/analytics/metrics?{Period}&periodBy=MeetingDate&versions=Latest")).ReadAsync();

        var deferral = body.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("key").GetString() == "deferral");
        deferral.GetProperty("numerator").GetInt64().ShouldBe(1);
        deferral.GetProperty("denominator").GetInt64().ShouldBe(2);
        deferral.GetProperty("value").GetDouble().ShouldBe(0.5);
        deferral.GetProperty("definition").GetString().ShouldNotBeNullOrWhiteSpace();
        deferral.GetProperty("source").GetString().ShouldBe("pathways.md §2, measure 6");
        body.GetProperty("periodBy").GetString().ShouldBe("MeetingDate");
        deferral.GetProperty("available").GetBoolean().ShouldBeTrue();

        var breaches = body.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("key").GetString() == "fast-track-breaches");
        breaches.GetProperty("measure").GetInt32().ShouldBe(13);
        breaches.GetProperty("available").GetBoolean().ShouldBeTrue();
        breaches.GetProperty("unavailableReason").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        breaches.GetProperty("denominator").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Number);
    }

    [Theory]
    [InlineData("from=2026-05-02&to=2026-05-01", "to")]
    [InlineData("urgency=Someday", "urgency")]
    [InlineData("versions=Some", "versions")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=0001-01-01", "to")]          // the default start (a year before) would not exist: refused before any arithmetic
    [InlineData("to=1899-12-31", "to")]
    [InlineData("from=9999-12-31", "from")]
    [InlineData("from=0001-01-01", "from")]
    [InlineData("to=9999-12-31", "to")]
    [InlineData("from=1900-01-01", "from")]      // up to today: far more than the longest period, and no end to name
    [InlineData("from=2000-01-01&to=2026-01-01", "to")]
    [InlineData("from=9999-12-31&to=0001-01-01", "from,to")]
    public async Task A_bad_filter_is_a_400_problem_naming_the_field(string query, string fields)
    {
        var client = await app.ClientAsync(AppFixture.Coordinator);
        foreach (var url in new[] { $"/api/v1/analytics/metrics?{query}", $"/api/v1/analytics/export.csv?kind=decisions&{query}" })
        {
            var problem = await (await client.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            problem.ErrorKeys().Order(StringComparer.Ordinal).ToArray().ShouldBe(fields.Split(','), customMessage: url);
        }
    }

    [Fact]
    public async Task A_date_out_of_range_is_refused_with_the_range_in_the_message()
    {
        var client = await app.ClientAsync(AppFixture.Coordinator);
        var problem = await (await client.GetAsync("/api/v1/analytics/metrics?to=0001-01-01")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("to")[0].GetString().ShouldNotBeNull().ShouldContain("between 1900-01-01 and ");
    }

    [Theory]
    [InlineData("", "kind")]
    [InlineData("?kind=Decisions", "kind")]      // the names are the issue's: decisions, steps, attendance
    [InlineData("?kind=everything", "kind")]
    [InlineData("?kind=1", "kind")]
    public async Task An_export_without_a_known_kind_is_a_400_problem_naming_kind(string query, string field)
    {
        var client = await app.ClientAsync(AppFixture.Coordinator);
        var problem = await (await client.GetAsync("/api/v1/analytics/export.csv" + query)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorKeys().ShouldBe([field]);
        (await app.QueryDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == ExportAnalytics.AuditEntityType))).ShouldBe(0);
    }

    [Fact]
    public async Task The_decisions_csv_is_rfc_4180_with_pseudonymised_cases_and_is_audited()
    {
        var built = await BoardAsync(app);
        var client = await app.ClientAsync(AppFixture.Clinician);

        using var response = await client.GetAsync($"/api/v1/analytics/export.csv?kind=decisions&{Period}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = new UTF8Encoding(false, true).GetString(bytes);
        text.ShouldEndWith("\r\n");
        text.Replace("\r\n", "").ShouldNotContain("\n");
        var rows = CsvReader.Parse(text);
        rows[0].ShouldBe(["case_pseudonym", "decision_number", "status", "outcome", "meeting_starts_at", "signed_at", "amendment",
            "noms_concordance", "discordance_reason", "plan_steps", "histology", "urgency"]);
        var row = rows.Skip(1).ShouldHaveSingleItem();
        row[0].ShouldBe(new AnalyticsOptions { PseudonymKey = TumorBoardApp.PseudonymKey }.Pseudonym(built.Board.CaseId));
        text.ShouldNotContain(built.Board.CaseId.ToString());
        var mrn = await app.QueryDbAsync(db => db.Cases.Where(c => c.Id == built.Board.CaseId)
            .Join(db.Patients, c => c.PatientId, p => p.Id, (c, p) => p.Mrn).SingleAsync());
        text.ShouldNotContain(mrn);
        row[5].ShouldMatch(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$");
        (row[1], row[2], row[6], row[7], row[9]).ShouldBe(("1", "Signed", "false", "Concordant", "2"));

        var audit = await app.QueryDbAsync(db => db.AuditEntries.Where(e => e.EntityType == ExportAnalytics.AuditEntityType).ToListAsync());
        audit.ShouldHaveSingleItem().Changes.ShouldContain("\"identified\":false");
    }

    [Fact]
    public async Task Only_a_coordinator_exports_identified_steps_and_that_export_names_the_mrn()
    {
        var built = await BoardAsync(app);
        var clinician = await app.ClientAsync(AppFixture.Clinician);
        (await clinician.GetAsync($"/api/v1/analytics/export.csv?kind=steps&identified=true&{Period}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var coordinator = await app.ClientAsync(AppFixture.Coordinator);
        var rows = CsvReader.Parse(await coordinator.GetStringAsync($"/api/v1/analytics/export.csv?kind=steps&identified=true&{Period}"));

        rows[0][..3].ShouldBe(["case_id", "mrn", "decision_number"]);
        rows.Skip(1).Select(r => (r[0], r[3], r[7])).ShouldBe([(built.Board.CaseId.ToString(), "1", "Implemented"), (built.Board.CaseId.ToString(), "2", "Unknown")]);
        var audit = await app.QueryDbAsync(db => db.AuditEntries.Where(e => e.EntityType == ExportAnalytics.AuditEntityType).ToListAsync());
        audit.ShouldHaveSingleItem().Changes.ShouldContain("\"identified\":true");
    }

    [Fact]
    public async Task The_attendance_csv_has_one_row_per_member_present()
    {
        await BoardAsync(app);
        var client = await app.ClientAsync(AppFixture.Coordinator);
        var rows = CsvReader.Parse(await client.GetStringAsync($"/api/v1/analytics/export.csv?kind=attendance&{Period}"));
        rows[0].ShouldBe(["meeting_id", "meeting_starts_at", "member", "discipline"]);
        rows.Skip(1).Select(r => r[3]).Order().ShouldBe(["MedicalOncology", "Neurosurgery", "RadiationOncology"]);
    }

    [Fact]
    public async Task The_page_shows_the_measures_and_charts_with_title_description_and_data()
    {
        await BoardAsync(app);
        var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);

        var html = await client.GetStringAsync($"/Analytics?From={Today(app).AddDays(-1):yyyy-MM-dd}&To={Today(app).AddDays(30):yyyy-MM-dd}");

        html.ShouldContain("id=\"measure-deferral\"");
        foreach (var chart in new[] { "chart-decisions", "chart-time-to-decision", "chart-concordance", "chart-implementation", "chart-attendance" })
        {
            html.ShouldContain($"<svg id=\"{chart}\"");
            html.ShouldContain($"<title id=\"{chart}-title\">");
            html.ShouldContain($"<desc id=\"{chart}-desc\">");
        }
        html.ShouldContain("<title>Medical oncology: 100 %</title>");   // the bar's data, as its table says
        html.ShouldContain("handler=Export&amp;kind=decisions");
        html.ShouldContain("<tr id=\"measure-fast-track-breaches\">");
        html.ShouldNotContain("Not available yet.");
        html.ShouldNotContain("§");   // the API's sources are internal references: the page words them, it does not cite them
    }

    [Fact]
    public async Task The_page_download_is_the_same_csv()
    {
        await BoardAsync(app);
        var client = await PageClient.SignedInAsync(app, AppFixture.Clinician);
        using var response = await client.GetAsync($"/Analytics?handler=Export&kind=decisions&From={Today(app).AddDays(-1):yyyy-MM-dd}&To={Today(app).AddDays(30):yyyy-MM-dd}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        CsvReader.Parse(await response.Content.ReadAsStringAsync()).Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_page_puts_a_bad_period_under_its_field_and_refuses_an_administrator()
    {
        var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var html = await client.GetStringAsync("/Analytics?From=2026-05-02&To=2026-05-01");
        html.ShouldContain("The end of the period must not be before its start.");
        html.ShouldNotContain("id=\"measures\"");

        var admin = await PageClient.SignedInAsync(app, AppFixture.Admin);
        (await admin.GetAsync("/Analytics")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }
}

/// <summary>An RFC 4180 reader for the tests: quoted fields, doubled quotes, CRLF records.</summary>
public static class CsvReader
{
    public static List<string[]> Parse(string text)
    {
        List<string[]> rows = [];
        List<string> row = [];
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString()); field.Clear();
                rows.Add([.. row]); row.Clear();
                i++;
            }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) throw new FormatException("The last record does not end with CRLF.");
        return rows;
    }
}
