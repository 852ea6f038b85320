using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TumorBoard.IntegrationTests.Decisions;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Http.BadInput;

/// <summary>Issue #10 item 5: <c>null</c> or <c>[null]</c> for a list is a 400 naming it, never read as "empty".</summary>
public sealed class BadListTests(AppFixture app) : BadInputTest(app)
{
    IEnumerable<(ApiOperation Op, BodyField Field)> Lists() =>
        Operations.SelectMany(op => op.BodyFields.Where(f => f.Kind == FieldKind.List).Select(f => (op, f)));

    [Fact]
    public async Task Refuses_null_for_every_list_of_every_operation_naming_it_and_writes_nothing()
    {
        var before = await ApiSurface.FingerprintAsync(App);
        var client = await ClientAsync();
        List<string> failures = [];
        foreach (var (op, field) in Lists())
        {
            using var response = await ApiSurface.SendAsync(client, op, op.Body(field, null));
            if (await NamesFieldAsync(response, field.Key, only: true) is { Length: > 0 } problem) failures.Add($"{op} {field.Key} = null: {problem}");
        }
        ShouldAllPass(failures, Lists().Count());
        Lists().Select(l => l.Field.Key).ShouldContain("lesions");
        Lists().Select(l => l.Field.Key).ShouldContain("content.plan[0].targetLevels");
        (await ApiSurface.FingerprintAsync(App)).ShouldBe(before);
    }

    [Fact]
    public async Task Refuses_a_null_entry_in_every_list_of_every_operation_naming_the_entry_and_writes_nothing()
    {
        var before = await ApiSurface.FingerprintAsync(App);
        var client = await ClientAsync();
        List<string> failures = [];
        foreach (var (op, field) in Lists())
        {
            using var response = await ApiSurface.SendAsync(client, op, op.Body(field, new JsonArray((JsonNode?)null)));
            if (await NamesFieldAsync(response, field.Key + "[0]", only: true) is { Length: > 0 } problem)
                failures.Add($"{op} {field.Key} = [null]: {problem}");
        }
        ShouldAllPass(failures, Lists().Count());
        (await ApiSurface.FingerprintAsync(App)).ShouldBe(before);
    }

    [Theory]
    [InlineData("{\"presentUserIds\":null}", "presentUserIds")]
    [InlineData("{}", "presentUserIds")]
    [InlineData("{\"presentUserIds\":[null]}", "presentUserIds[0]")]
    public async Task A_null_or_missing_attendance_list_leaves_a_running_meetings_attendance_as_it_was(string body, string field)
    {
        var board = await DecisionTestData.BoardAsync(App);
        var present = await AttendeesAsync(board.MeetingId);
        present.Length.ShouldBe(3);
        var coordinator = await App.ClientAsync(AppFixture.Coordinator);
        var etag = await Api.CurrentETagAsync(coordinator, $"/api/v1/meetings/{board.MeetingId}");

        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/meetings/{board.MeetingId}/attendance")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        using var response = await coordinator.SendAsync(request);

        (await NamesFieldAsync(response, field, only: true)).ShouldBeEmpty();
        (await AttendeesAsync(board.MeetingId)).ShouldBe(present);
    }

    [Fact]
    public async Task An_empty_attendance_list_still_records_that_nobody_is_present()
    {
        var meetingId = await Meetings.MeetingTestData.PlanMeetingAsync(App);
        var coordinator = await App.ClientAsync(AppFixture.Coordinator);
        var etag = await Api.CurrentETagAsync(coordinator, $"/api/v1/meetings/{meetingId}");
        using var response = await coordinator.SendAsync(Api.Request(HttpMethod.Put, $"/api/v1/meetings/{meetingId}/attendance",
            new { presentUserIds = Array.Empty<Guid>() }, etag));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await AttendeesAsync(meetingId)).ShouldBeEmpty();
    }

    Task<Guid[]> AttendeesAsync(Guid meetingId) => App.QueryDbAsync(db =>
        db.MeetingAttendees.Where(a => a.MeetingId == meetingId).OrderBy(a => a.UserId).Select(a => a.UserId).ToArrayAsync());
}
