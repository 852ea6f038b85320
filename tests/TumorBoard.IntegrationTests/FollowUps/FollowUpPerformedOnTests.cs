using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.Application.Common.Models;
using TumorBoard.Domain.Decisions;
using TumorBoard.IntegrationTests.Infrastructure;
using static TumorBoard.IntegrationTests.Decisions.DecisionTestData;

namespace TumorBoard.IntegrationTests.FollowUps;

/// <summary>
/// A follow-up records the day the step was actually done ("date performed", <c>performedOn</c>), for a step implemented
/// or partially implemented: never in the future, never before the board's decision; the API and the follow-up page send
/// the same command, and the report shows the date.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class FollowUpPerformedOnTests(AppFixture app) : DatabaseTest(app)
{
    DateOnly Today => app.App.Services.GetRequiredService<BoardClock>().Today;

    [Fact]
    public async Task The_date_performed_is_saved_answered_and_printed_on_the_report()
    {
        var (_, decision) = await SignedAsync(app);
        var client = await app.ClientAsync(AppFixture.Clinician);

        using var response = await client.PostAsJsonAsync(Url(decision.Id, "/follow-ups"),
            new { stepNumber = 1, status = "Implemented", performedOn = Today.ToString("yyyy-MM-dd") });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["followUp"]![0]!["current"]!["performedOn"]!.GetValue<string>().ShouldBe(Today.ToString("yyyy-MM-dd"));
        var report = await (await PageClient.SignedInAsync(app, AppFixture.Clinician)).GetStringAsync($"/Decisions/{decision.Id}/Report");
        report.ShouldContain($"Implemented on {Today:yyyy-MM-dd}");
        report.ShouldContain($"<td>{Today:yyyy-MM-dd}</td>");
    }

    [Theory]
    [InlineData("Implemented", 1, "cannot be in the future")]
    [InlineData("Implemented", -400, "cannot be before the board's decision")]
    [InlineData("NotImplemented", 0, "only for a step implemented or partially implemented")]
    [InlineData("Unknown", 0, "only for a step implemented or partially implemented")]
    public async Task Refuses_a_date_performed_that_cannot_be_true(string status, int days, string message)
    {
        var (_, decision) = await SignedAsync(app);
        var client = await app.ClientAsync(AppFixture.Clinician);

        using var response = await client.PostAsJsonAsync(Url(decision.Id, "/follow-ups"), new
        {
            stepNumber = 1, status, reason = status == "NotImplemented" ? "PatientWish" : null,
            performedOn = Today.AddDays(days).ToString("yyyy-MM-dd"),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["performedOn"]);
        errors["performedOn"]![0]!.GetValue<string>().ShouldContain(message);
        (await app.QueryDbAsync(db => Task.FromResult(db.Set<DecisionFollowUp>().Count()))).ShouldBe(0);
    }

    [Fact]
    public async Task The_follow_up_page_sends_the_date_performed_and_shows_the_message_under_the_field()
    {
        var (_, decision) = await SignedAsync(app);
        var client = await PageClient.SignedInAsync(app, AppFixture.Clinician);
        var path = $"/Decisions/{decision.Id}/FollowUp";

        var refused = await PageClient.PostFormAsync(client, path, new()
            { ["Input.StepNumber"] = "1", ["Input.Status"] = "Implemented", ["Input.PerformedOn"] = Today.AddDays(2).ToString("yyyy-MM-dd") });
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain("data-valmsg-for=\"Input.PerformedOn\"");
        html.ShouldContain("cannot be in the future");

        var saved = await PageClient.PostFormAsync(client, path, new()
            { ["Input.StepNumber"] = "1", ["Input.Status"] = "Implemented", ["Input.PerformedOn"] = Today.ToString("yyyy-MM-dd") });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetStringAsync(path)).ShouldContain($"done on {Today:yyyy-MM-dd}");
    }
}
