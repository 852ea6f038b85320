using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TumorBoard.Application.Features.Cases;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Http;

/// <summary>
/// If-Match as RFC 9110 §13.1.1 defines it, on every versioned write: * matches any current version, a weak tag never
/// matches (strong comparison), a list is evaluated whole, a malformed header is a 400; and a race lost after the check
/// answers the same 412 as a stale If-Match (409 only without a precondition).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class IfMatchTests(AppFixture app) : DatabaseTest(app)
{
    async Task<(Guid PatientId, Guid CaseId, HttpClient Client, string Url, string ETag)> CaseAsync()
    {
        var (patientId, caseId) = await Api.CaseAsync(app);
        var client = await app.ClientAsync(AppFixture.Coordinator);
        var url = $"/api/v1/cases/{caseId}";
        return (patientId, caseId, client, url, await Api.CurrentETagAsync(client, url));
    }

    Task<int?> KarnofskyAsync(Guid caseId) =>
        app.QueryDbAsync(async db => (await db.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId)).Details.Karnofsky);

    [Fact]
    public async Task If_match_star_changes_the_current_version_whatever_it_is()
    {
        var (patientId, caseId, client, url, etag) = await CaseAsync();

        using var saved = await client.SendAsync(Api.Request(HttpMethod.Put, url, TestData.Case(patientId) with { Karnofsky = 40 }, "*"));

        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        saved.ETag().ShouldNotBe(etag);
        (await KarnofskyAsync(caseId)).ShouldBe(40);
        using var again = await client.SendAsync(Api.Request(HttpMethod.Post, $"{url}/ready", ifMatch: "*"));
        again.StatusCode.ShouldBe(HttpStatusCode.OK, await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task If_match_star_on_a_record_that_does_not_exist_is_404()
    {
        var (patientId, _, client, _, _) = await CaseAsync();
        using var response = await client.SendAsync(Api.Request(HttpMethod.Put, $"/api/v1/cases/{Guid.NewGuid()}", TestData.Case(patientId), "*"));
        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_weak_tag_never_matches_even_when_it_names_the_current_version()
    {
        var (patientId, caseId, client, url, etag) = await CaseAsync();

        using var weak = await client.SendAsync(Api.Request(HttpMethod.Put, url, TestData.Case(patientId) with { Karnofsky = 40 }, "W/" + etag));

        await weak.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        (await KarnofskyAsync(caseId)).ShouldBe(70);
        (await Api.CurrentETagAsync(client, url)).ShouldBe(etag);
    }

    [Theory]
    [InlineData("\"1\", {0}")]
    [InlineData("{0}, \"1\"")]
    [InlineData("W/\"1\", \"foreign\", {0}")]
    public async Task A_list_of_tags_matches_when_any_strong_one_is_the_current_version(string list)
    {
        var (patientId, caseId, client, url, etag) = await CaseAsync();

        using var saved = await client.SendAsync(Api.Request(HttpMethod.Put, url, TestData.Case(patientId) with { Karnofsky = 40 },
            string.Format(System.Globalization.CultureInfo.InvariantCulture, list, etag)));

        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        (await KarnofskyAsync(caseId)).ShouldBe(40);
    }

    [Fact]
    public async Task A_list_spread_over_several_if_match_lines_is_evaluated_whole()
    {
        var (patientId, caseId, client, url, etag) = await CaseAsync();
        using var request = Api.Request(HttpMethod.Put, url, TestData.Case(patientId) with { Karnofsky = 40 });
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        request.Headers.TryAddWithoutValidation("If-Match", etag);

        using var saved = await client.SendAsync(request);

        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        (await KarnofskyAsync(caseId)).ShouldBe(40);
    }

    [Theory]
    [InlineData("\"1\", \"2\"")]
    [InlineData("W/\"1\"")]
    public async Task A_list_without_the_current_version_is_412_and_changes_nothing(string list)
    {
        var (patientId, caseId, client, url, _) = await CaseAsync();

        using var stale = await client.SendAsync(Api.Request(HttpMethod.Put, url, TestData.Case(patientId) with { Karnofsky = 40 }, list));

        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        (await KarnofskyAsync(caseId)).ShouldBe(70);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("*, \"1\"")]
    [InlineData("\"unterminated")]
    public async Task A_malformed_if_match_is_400_naming_the_header(string header)
    {
        var (patientId, caseId, client, url, _) = await CaseAsync();

        using var bad = await client.SendAsync(Api.Request(HttpMethod.Put, url, TestData.Case(patientId) with { Karnofsky = 40 }, header));

        (await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["If-Match"]);
        (await KarnofskyAsync(caseId)).ShouldBe(70);
    }

    [Fact]
    public async Task The_same_rules_hold_for_the_other_versioned_records()
    {
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        using var created = await client.PostAsync("/api/v1/patients", Api.Body(TestData.Patient("IFM-1")));
        var url = created.Headers.Location!.ToString();
        var etag = created.ETag();

        using var weak = await client.SendAsync(Api.Request(HttpMethod.Put, url, TestData.Patient("IFM-1") with { GivenName = "Weak" }, "W/" + etag));
        await weak.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        using var listed = await client.SendAsync(Api.Request(HttpMethod.Put, url, TestData.Patient("IFM-1") with { GivenName = "Listed" }, $"\"7\", {etag}"));
        listed.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var any = await client.SendAsync(Api.Request(HttpMethod.Put, url, TestData.Patient("IFM-1") with { GivenName = "Any" }, "*"));
        any.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await any.ReadAsync()).GetProperty("givenName").GetString().ShouldBe("Any");
    }

    /// <summary>
    /// Forces the race a stale If-Match check cannot see: the request reads the current version, passes the check, then its
    /// UPDATE waits on a row lock the test holds while it changes the case; the UPDATE then finds another xmin.
    /// </summary>
    async Task<HttpResponseMessage> LoseTheRaceAtTheSaveAsync(Guid caseId, Func<Task<HttpResponseMessage>> send)
    {
        await using var conn = new NpgsqlConnection(app.App.ConnectionString);
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("SELECT id FROM cases WHERE id = @id FOR UPDATE", conn, tx))
        {
            lockRow.Parameters.AddWithValue("id", caseId);
            await lockRow.ExecuteScalarAsync();
        }
        var pending = send();
        await WaitForABlockedUpdateAsync();
        await using (var change = new NpgsqlCommand("UPDATE cases SET updated_at = updated_at + interval '1 second' WHERE id = @id", conn, tx))
        {
            change.Parameters.AddWithValue("id", caseId);
            (await change.ExecuteNonQueryAsync()).ShouldBe(1);
        }
        await tx.CommitAsync();
        return await pending;
    }

    async Task WaitForABlockedUpdateAsync()
    {
        await using var watch = new NpgsqlConnection(app.App.ConnectionString);
        await watch.OpenAsync();
        for (var i = 0; i < 200; i++)
        {
            await using var probe = new NpgsqlCommand("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ~* 'update\s+"?cases"?\s'
                """, watch);
            if ((long)(await probe.ExecuteScalarAsync())! > 0) return;
            await Task.Delay(50);
        }
        throw new ShouldAssertException("The request never reached its UPDATE of the case.");
    }

    [Fact]
    public async Task A_race_lost_after_the_if_match_check_is_412_like_a_stale_if_match()
    {
        var (patientId, caseId, client, url, etag) = await CaseAsync();

        using var lost = await LoseTheRaceAtTheSaveAsync(caseId, () =>
            client.SendAsync(Api.Request(HttpMethod.Put, url, TestData.Case(patientId) with { Karnofsky = 40 }, etag)));

        await lost.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        (await KarnofskyAsync(caseId)).ShouldBe(70);
    }

    [Fact]
    public async Task The_same_race_without_a_precondition_is_a_409_conflict()
    {
        var (_, caseId, client, url, _) = await CaseAsync();

        using var lost = await LoseTheRaceAtTheSaveAsync(caseId, () => client.PostAsync($"{url}/ready", null));

        await lost.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await app.Send(AppFixture.Coordinator, new GetCase.Query(caseId))).Status.ShouldBe(Domain.Cases.CaseStatus.Draft);
    }

    [Fact]
    public async Task Many_saves_with_the_same_if_match_leave_one_winner_and_only_412s()
    {
        var (patientId, caseId, _, url, etag) = await CaseAsync();
        var clients = new List<HttpClient>();
        for (var i = 0; i < 6; i++) clients.Add(await app.ClientAsync(AppFixture.Coordinator));

        var responses = await Task.WhenAll(clients.Select((c, i) =>
            c.SendAsync(Api.Request(HttpMethod.Put, url, TestData.Case(patientId) with { Karnofsky = 40 + i * 10 }, etag))));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(1, string.Join(", ", statuses));
        foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            await loser.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).ReadAsync();
        (await KarnofskyAsync(caseId)).ShouldBe(winner.GetProperty("details").GetProperty("karnofsky").GetInt32());
        foreach (var r in responses) r.Dispose();
        foreach (var c in clients) c.Dispose();
    }
}
