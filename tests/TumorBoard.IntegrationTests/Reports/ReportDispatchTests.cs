using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TumorBoard.Application.Common.Models;
using Microsoft.Extensions.Time.Testing;
using TumorBoard.Application.Features.Analytics;
using TumorBoard.Application.Features.Reports;
using TumorBoard.Domain.Decisions;
using TumorBoard.IntegrationTests.Analytics;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;
using static TumorBoard.IntegrationTests.Decisions.DecisionTestData;

namespace TumorBoard.IntegrationTests.Reports;

/// <summary>
/// Issue #14 part 2, measure 11: the decision report recorded as sent to the referrer (API, report page, refusals, the
/// audit row) and the measure counting the first dispatch of each signed version within one working day.
/// </summary>
[Collection(DecisionsDatabase.Name)]
public sealed class ReportDispatchTests(AppFixture app) : DatabaseTest(app)
{
    static string Dispatches(Guid decisionId) => $"/api/v1/decisions/{decisionId}/report-dispatches";

    async Task<(HttpResponseMessage Response, JsonElement Body)> SendAsync(string? email, HttpMethod method, string url, object? body = null)
    {
        using var client = await app.ClientAsync(email);
        var response = await client.SendAsync(Api.Request(method, url, body));
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement);
    }

    Task<int> CountAsync() => app.QueryDbAsync(db => db.ReportDispatches.CountAsync());

    static GetQualityMetrics.Query Metrics(AppFixture app) => AnalyticsTestData.Around(app);

    [Fact]
    public async Task A_signed_version_is_recorded_as_sent_to_the_referring_clinician_audited_and_counted_within_one_working_day()
    {
        var (_, signed) = await SignedAsync(app);
        (await app.Send(AppFixture.Coordinator, Metrics(app))).Fraction("report-sent").ShouldBe("0/1");   // not sent yet: counts against

        var (created, body) = await SendAsync(AppFixture.Coordinator, HttpMethod.Post, Dispatches(signed.Id),
            new { channel = "SecureEmail", note = "HIN mail with the PDF." });

        created.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        var id = body.GetProperty("id").GetGuid();
        created.Headers.Location!.ToString().ShouldBe($"{Dispatches(signed.Id)}/{id}");
        body.GetProperty("channel").GetString().ShouldBe("SecureEmail");
        body.GetProperty("recipient").GetString().ShouldBe("Dr. Referrer");   // the case's referring clinician by default
        body.GetProperty("decisionHash").GetString().ShouldBe(signed.View.Signature!.ContentHash);
        body.GetProperty("decisionNumber").GetInt32().ShouldBe(1);
        body.GetProperty("note").GetString().ShouldBe("HIN mail with the PDF.");
        body.GetProperty("sentAt").GetDateTimeOffset().ShouldBeInRange(signed.View.Signature.SignedAt, DateTimeOffset.UtcNow.AddSeconds(5));
        body.GetProperty("recordedByName").GetString().ShouldNotBeNullOrWhiteSpace();

        var (read, one) = await SendAsync(AppFixture.Clinician, HttpMethod.Get, created.Headers.Location.ToString());
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        one.GetProperty("id").GetGuid().ShouldBe(id);
        var (listed, list) = await SendAsync(AppFixture.MedOnc, HttpMethod.Get, Dispatches(signed.Id));
        listed.StatusCode.ShouldBe(HttpStatusCode.OK);
        list.EnumerateArray().Select(x => x.GetProperty("id").GetGuid()).ShouldBe([id]);
        (await SendAsync(AppFixture.Clinician, HttpMethod.Get, $"{Dispatches(signed.Id)}/{Guid.NewGuid()}")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var audit = await app.QueryDbAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(ReportDispatch)).ToListAsync());
        var entry = audit.ShouldHaveSingleItem();
        (entry.EntityId, entry.Operation, entry.Action).ShouldBe((id.ToString(), "Added", "RecordReportDispatch"));
        entry.Changes.ShouldContain("SecureEmail");

        var sent = (await app.Send(AppFixture.Coordinator, Metrics(app))).Metric("report-sent");
        (sent.Numerator, sent.Denominator).ShouldBe(((long?)1, 1L));
        (sent.Median ?? 99).ShouldBeLessThan(0.1);
        sent.Title.ShouldBe("Report sent to the referrer within one working day");
    }

    [Fact]
    public async Task Only_the_first_dispatch_counts_and_one_four_days_after_the_signature_is_late()
    {
        var (_, signed) = await SignedAsync(app);
        var signedAt = signed.View.Signature!.SignedAt;
        await using var later = new FrozenApp(app, new FakeTimeProvider(signedAt.AddDays(4)));
        var late = await later.SendAsync(AppFixture.Clinician, new RecordReportDispatch.Command { DecisionId = signed.Id, Channel = ReportChannel.Post });
        late.SentAt.ShouldBe(signedAt.AddDays(4));   // now, on the frozen clock
        await later.SendAsync(AppFixture.Coordinator, new RecordReportDispatch.Command
        {
            DecisionId = signed.Id, Channel = ReportChannel.Fax, Recipient = "Kantonsspital, oncology office", Note = "Again by fax: the letter did not arrive.",
        });

        var sent = (await app.Send(AppFixture.Coordinator, Metrics(app))).Metric("report-sent");
        (sent.Numerator, sent.Denominator).ShouldBe(((long?)0, 1L));
        sent.Median!.Value.ShouldBe(96, 0.01);   // the first dispatch, four days on

        var page = await (await PageClient.SignedInAsync(app, AppFixture.MedOnc)).GetStringAsync($"/Decisions/{signed.Id}/Report");
        page.ShouldContain("(after the deadline)");
        page.ShouldContain("Kantonsspital, oncology office");
        page.ShouldNotContain("id=\"dispatch-form\"");   // a specialist reads the dispatches; coordinators and clinicians record them
    }

    [Fact]
    public async Task A_draft_an_unknown_channel_a_time_out_of_range_or_before_the_signature_and_a_missing_referrer_are_refused_and_nothing_is_written()
    {
        var board = await BoardAsync(app);
        var draft = await RecordAsync(app, board);
        var (conflict, problem) = await SendAsync(AppFixture.Coordinator, HttpMethod.Post, Dispatches(draft.Id), new { channel = "Post" });
        conflict.StatusCode.ShouldBe(HttpStatusCode.Conflict, problem.ToString());
        problem.GetProperty("detail").GetString()!.ShouldContain("not signed yet");
        await conflict.ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var signed = await SignAsync(app, draft.Id);
        var signedAt = signed.View.Signature!.SignedAt;
        foreach (var (body, field, words) in new (object Body, string Field, string Words)[]
        {
            (new { }, "channel", "Choose how the report was sent"),
            (new { channel = "Pigeon" }, "channel", ""),
            (new { channel = "Post", sentAt = "1899-12-31T12:00:00+00:00" }, "sentAt", "1900-01-01"),
            (new { channel = "Post", sentAt = DateTimeOffset.UtcNow.AddHours(1) }, "sentAt", "between"),
            (new { channel = "Post", sentAt = signedAt.AddMinutes(-1) }, "sentAt", "before the decision was signed"),
            (new { channel = "Post", recipient = new string('x', 201) }, "recipient", "200"),
            (new { channel = "Post", note = "Line\u0000" }, "note", "control character"),
        })
        {
            var (response, refused) = await SendAsync(AppFixture.Coordinator, HttpMethod.Post, Dispatches(signed.Id), body);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, refused.ToString());
            refused.GetProperty("errors").TryGetProperty(field, out var messages).ShouldBeTrue(refused.ToString());
            messages[0].GetString()!.ShouldContain(words);
        }
        (await SendAsync(AppFixture.Coordinator, HttpMethod.Post, Dispatches(Guid.NewGuid()), new { channel = "Post" })).Response.StatusCode
            .ShouldBe(HttpStatusCode.NotFound);

        await using (var conn = new NpgsqlConnection(app.App.OwnerConnectionString))
        {
            await conn.OpenAsync();
            await using var clear = new NpgsqlCommand("UPDATE cases SET referring_clinician = NULL WHERE id = @id", conn);
            clear.Parameters.AddWithValue("id", signed.View.CaseId);
            (await clear.ExecuteNonQueryAsync()).ShouldBe(1);
        }
        var (noReferrer, missing) = await SendAsync(AppFixture.Coordinator, HttpMethod.Post, Dispatches(signed.Id), new { channel = "Post" });
        noReferrer.StatusCode.ShouldBe(HttpStatusCode.BadRequest, missing.ToString());
        missing.GetProperty("errors").GetProperty("recipient")[0].GetString()!.ShouldContain("names no referring clinician");
        (await CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task The_report_page_records_a_dispatch_in_the_boards_time_shows_it_and_keeps_it_out_of_the_print()
    {
        var (_, signed) = await SignedAsync(app);
        var client = await PageClient.SignedInAsync(app, AppFixture.Clinician);
        var path = $"/Decisions/{signed.Id}/Report";
        var page = await client.GetStringAsync(path);
        page.ShouldContain("Sent to the referrer");
        page.ShouldContain("Not recorded as sent yet.");
        page.ShouldContain("class=\"panel no-print\"");
        page.ShouldContain("placeholder=\"Dr. Referrer\"");

        var chosen = await HtmlForm.Of(page, "id=\"dispatch-form\"").PostAsync(client, HtmlForm.ActionOf(page, "id=\"dispatch-form\"", path));
        chosen.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await chosen.Content.ReadAsStringAsync();
        refused.ShouldContain("Choose how the report was sent");
        var onlyDate = await HtmlForm.Of(page, "id=\"dispatch-form\"").Set("Dispatch.Channel", "Fax").Set("SentDate", "2026-01-05")
            .PostAsync(client, HtmlForm.ActionOf(page, "id=\"dispatch-form\"", path));
        (await onlyDate.Content.ReadAsStringAsync()).ShouldContain("Enter both the date and the time");
        (await CountAsync()).ShouldBe(0);

        var zone = app.App.Services.GetRequiredService<BoardClock>().Zone;
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddMinutes(2), zone);
        var saved = await HtmlForm.Of(page, "id=\"dispatch-form\"").Set("Dispatch.Channel", "Fax")
            .Set("SentDate", local.ToString("yyyy-MM-dd")).Set("SentTime", local.ToString("HH:mm")).Set("Dispatch.Note", "Fax to the practice.")
            .PostAsync(client, HtmlForm.ActionOf(page, "id=\"dispatch-form\"", path));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Headers.Location!.ToString().ShouldEndWith("#dispatches");

        var stored = await app.QueryDbAsync(db => db.ReportDispatches.SingleAsync());
        var expected = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0), zone));
        (stored.SentAt, stored.Channel, stored.Recipient, stored.Note).ShouldBe((expected, ReportChannel.Fax, "Dr. Referrer", "Fax to the practice."));
        page = await client.GetStringAsync(path);
        page.ShouldContain("id=\"dispatch-list\"");
        page.ShouldContain("<td>Fax</td>");
        page.ShouldContain(local.ToString("HH:mm"));
        page.ShouldNotContain("(after the deadline)");
    }
}
