using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Http.BadInput;

/// <summary>Issue #10 item 4: text PostgreSQL cannot store, or that does not belong in the field, is a 400 naming the field.</summary>
public sealed class BadTextTests(AppFixture app) : BadInputTest(app)
{
    /// <summary>The free-text fields (textareas) in which tabs and line breaks are allowed; every other text is one line.</summary>
    static readonly HashSet<string> MultiLine =
    [
        "clinicalQuestion", "patientPreferences", "currentSystemicTherapy", "reason", "lateAdditionReason", "text", "reasonText",
        "note", "rationale", "systemicTherapyText", "fitnessReason", "overrideReason", "content.informationNeededDetails",
        "content.rationale", "content.discordanceText", "content.patientPreferences", "content.patientPreferencesNotAvailableReason",
        "content.plan[0].details", "why",   // the patient letter's "why" (EditPatientLetter)
        // a case PUT takes the clinical fields nested in "details" too (as GET answers the case)
        "details.clinicalQuestion", "details.patientPreferences", "details.currentSystemicTherapy",
    ];

    IEnumerable<(ApiOperation Op, BodyField Field)> TextFields() =>
        Operations.SelectMany(op => op.BodyFields.Where(f => f.Kind == FieldKind.Text).Select(f => (op, f)));

    async Task<(List<string> Failures, int Count)> EveryTextFieldAsync(string value, Func<BodyField, bool> refused)
    {
        var client = await ClientAsync();
        List<string> failures = [];
        var count = 0;
        foreach (var (op, field) in TextFields())
        {
            count++;
            using var response = await ApiSurface.SendAsync(client, op, op.Body(field, value));
            if (refused(field))
            {
                if (await NamesFieldAsync(response, op, field.Key, only: true) is { Length: > 0 } problem)
                    failures.Add($"{op} {field.Key} = {JsonSerializer.Serialize(value)}: {problem}");
            }
            else if ((int)response.StatusCode >= 500 || (await MessagesAsync(response, field.Key)).Any(m => m.Contains("control character")))
                failures.Add($"{op} {field.Key} = {JsonSerializer.Serialize(value)}: refused in a multi-line field ({(int)response.StatusCode})");
        }
        return (failures, count);
    }

    [Fact]
    public async Task Refuses_a_NUL_in_every_text_field_of_every_operation_and_writes_nothing()
    {
        var before = await ApiSurface.FingerprintAsync(App);
        var (failures, count) = await EveryTextFieldAsync("before\u0000after", _ => true);
        ShouldAllPass(failures, count);
        TextFields().Count().ShouldBeGreaterThanOrEqualTo(43);   // the issue counted 43 stored text fields
        (await ApiSurface.FingerprintAsync(App)).ShouldBe(before);
    }

    [Theory]
    [InlineData("bell\u0007")]
    [InlineData("escape\u001b[31m")]
    [InlineData("delete\u007f")]
    [InlineData("next line\u0085")]
    [InlineData("\u0001start")]
    public async Task Refuses_other_control_characters_in_every_text_field(string value)
    {
        var before = await ApiSurface.FingerprintAsync(App);
        var (failures, count) = await EveryTextFieldAsync(value, _ => true);
        ShouldAllPass(failures, count);
        (await ApiSurface.FingerprintAsync(App)).ShouldBe(before);
    }

    [Fact]
    public async Task Allows_tabs_and_line_breaks_in_free_text_only()
    {
        var (failures, count) = await EveryTextFieldAsync("line one\r\nline two\n\tindented", f => !MultiLine.Contains(f.Key));
        ShouldAllPass(failures, count);
        TextFields().Select(t => t.Field.Key).Distinct().Count(MultiLine.Contains).ShouldBe(MultiLine.Count);
    }

    [Fact]
    public async Task Refuses_an_unpaired_surrogate_in_every_text_field()
    {
        var client = await ClientAsync();
        List<string> failures = [];
        var count = 0;
        foreach (var (op, field) in TextFields())
        {
            count++;
            // Escaped in the JSON: a lone surrogate cannot be sent as UTF-8 at all.
            var json = op.Body(field, "MARKER").Replace("MARKER", "half \\uD800 a pair");
            using var response = await ApiSurface.SendAsync(client, op, json);
            if (await NamesFieldAsync(response, op, field.Key, only: true) is { Length: > 0 } problem) failures.Add($"{op} {field.Key}: {problem}");
        }
        ShouldAllPass(failures, count);
    }

    [Fact]
    public async Task Refuses_control_characters_in_every_text_filter_of_the_query_string()
    {
        var before = await ApiSurface.FingerprintAsync(App);
        var client = await ClientAsync();
        List<string> failures = [];
        var count = 0;
        foreach (var op in Operations)
            foreach (var parameter in op.Query.Where(q => (q.IsList ? q.Type.GetElementType() : q.Type) == typeof(string)))
                foreach (var value in new[] { "a\u0000b", "a\nb", "a\u001bb" })
                {
                    count++;
                    using var response = await ApiSurface.SendAsync(client, op, null, $"{parameter.Name}={Uri.EscapeDataString(value)}");
                    var key = JsonNamingPolicy.CamelCase.ConvertName(parameter.Name);
                    if (await NamesFieldAsync(response, key, only: true) is { Length: > 0 } problem)
                        failures.Add($"{op} ?{parameter.Name}={JsonSerializer.Serialize(value)}: {problem}");
                }
        ShouldAllPass(failures, count);
        (await ApiSurface.FingerprintAsync(App)).ShouldBe(before);
    }

    [Fact]
    public async Task Stores_and_returns_free_text_with_line_breaks_and_tabs()
    {
        var client = await ClientAsync();
        var (_, caseId) = await Api.CaseAsync(App);
        var etag = await Api.CurrentETagAsync(client, $"/api/v1/cases/{caseId}");
        using var response = await client.SendAsync(Api.Request(HttpMethod.Post, $"/api/v1/cases/{caseId}/withdraw",
            new { reason = "Patient moved.\r\n\tFollow-up elsewhere." }, etag));
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await App.QueryDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.WithdrawalReason).SingleAsync()))
            .ShouldBe("Patient moved.\r\n\tFollow-up elsewhere.");
    }
}
