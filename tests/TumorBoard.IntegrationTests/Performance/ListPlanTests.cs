using TumorBoard.Application.Features.FollowUps;
using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Application.Features.Patients;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace TumorBoard.IntegrationTests.Performance;

/// <summary>
/// The lists at a size where the planner's choice matters (issue #11): 20,000 patients and cases and 6,000 follow-up states
/// loaded with generate_series and ANALYZEd, then every statement each list sends for each filter it offers (captured as EF
/// sent it, with its parameters) is EXPLAINed with enable_seqscan off: no Seq Scan on cases, patients, decisions or the
/// follow-up states (an index serves it), whatever the filter, the page by number or by cursor, and the capped count. Also: a cursor walk meets every row once, in order,
/// and the count stops at the cap.
/// </summary>
public sealed class ListPlanTests(ITestOutputHelper output) : IAsyncLifetime
{
    const int Cases = 20_000;
    static readonly string[] Watched = ["cases", "patients", "decisions", "decision_follow_up_states", "assessments"];

    TumorBoardApp plain = null!;
    WebApplicationFactory<Program> captured = null!;
    readonly ConcurrentQueue<(string Sql, NpgsqlParameter[] Parameters)> commands = new();
    Guid clinicianId;

    public async Task InitializeAsync()
    {
        plain = new TumorBoardApp(await TestPostgres.CreateDatabaseAsync());
        _ = plain.Server;
        captured = plain.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.ConfigureDbContext<TumorBoardDbContext>((_, o) => o.AddInterceptors(new Capture(commands)))));
        clinicianId = await AppFixture.Over(plain).UserIdAsync(AppFixture.Clinician);
        await SeedAsync();
    }

    public async Task DisposeAsync()
    {
        await captured.DisposeAsync();
        await plain.DisposeAsync();
    }

    [Fact]
    public async Task No_list_filter_scans_a_whole_table()
    {
        // Every filter the list offers, alone and in pairs, each value; the last page by number (Paging.MaxPage) and by cursor.
        var statuses = Enum.GetValues<CaseStatus>();
        var urgencies = Enum.GetValues<Urgency>();
        var histologies = Enum.GetValues<PrimaryHistology>();
        List<ListCases.Query> caseQueries =
        [
            new(), new() { Page = 2 }, new() { Page = Paging.MaxPage(Paging.DefaultPageSize) }, new() { Page = Paging.MaxPage(100), PageSize = 100 },
            new() { Text = "family-1234" }, new() { Text = "MRN-0001" }, new() { Text = "given-7" }, new() { Text = "family-1", Status = CaseStatus.Scheduled },
            .. statuses.Select(s => new ListCases.Query { Status = s }),
            .. urgencies.Select(u => new ListCases.Query { Urgency = u }),
            .. histologies.Select(h => new ListCases.Query { Histology = h }),
            .. statuses.SelectMany(s => urgencies.Select(u => new ListCases.Query { Status = s, Urgency = u })),
            .. statuses.Select(s => new ListCases.Query { Status = s, Histology = PrimaryHistology.Breast }),
            .. urgencies.Select(u => new ListCases.Query { Urgency = u, Histology = PrimaryHistology.LungNsclc }),
        ];
        foreach (var query in caseQueries)
        {
            var first = await RunAsync(db => new ListCases.Handler(db).Handle(query, default).AsTask());
            if (first.Next is { } next) await RunAsync(db => new ListCases.Handler(db).Handle(query with { Page = null, Cursor = next }, default).AsTask());
        }
        foreach (var query in new FindPatients.Query[] { new(), new() { Page = Paging.MaxPage(Paging.DefaultPageSize) }, new() { Text = "given-77" }, new() { Text = "MRN-00042" } })
        {
            var first = await RunAsync(db => new FindPatients.Handler(db).Handle(query, default).AsTask());
            if (first.Next is { } next) await RunAsync(db => new FindPatients.Handler(db).Handle(query with { Page = null, Cursor = next }, default).AsTask());
        }
        // The bulk-loaded follow-up states point at no decision, so a page cannot be built from them; each statement has been
        // sent (and captured) by then, which is all this test needs of them.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var cursor = PageCursor.Encode("follow-ups", false, new FollowUpReads.Key(today.AddDays(-100), DateTimeOffset.UtcNow, Guid.Empty));
        await SentAsync(db => FollowUpReads.OverdueAsync(db, today, new ListOverdueFollowUps.Query(), default));
        await SentAsync(db => FollowUpReads.OverdueAsync(db, today, new ListOverdueFollowUps.Query { Cursor = cursor }, default));
        await SentAsync(db => FollowUpReads.ResponsibleAsync(db, clinicianId, false, today, new ListMyFollowUps.Query(), default));
        await SentAsync(db => FollowUpReads.ResponsibleAsync(db, clinicianId, true, today, new ListMyFollowUps.Query { Page = 5 }, default));
        await SentAsync(db => FollowUpReads.ResponsibleAsync(db, clinicianId, true, today, new ListMyFollowUps.Query { Cursor = cursor }, default));

        commands.Count.ShouldBeGreaterThan(caseQueries.Count * 2);
        List<string> scans = [];
        await using var conn = new NpgsqlConnection(plain.ConnectionString);
        await conn.OpenAsync();
        // With sequential scans priced out, the planner still picks one where no index can serve the statement: that is the
        // check. (At 20,000 rows a scan of the whole table is often the cheapest plan, and the planner rightly takes it;
        // at 100,000 the index is cheaper, if it exists.)
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", conn)) await off.ExecuteNonQueryAsync();
        foreach (var (sql, parameters) in commands)
        {
            await using var explain = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + sql, conn);
            explain.Parameters.AddRange(parameters);
            var plan = JsonDocument.Parse((string)(await explain.ExecuteScalarAsync())!);
            var seq = SeqScans(plan.RootElement).Where(Watched.Contains).ToList();
            if (seq.Count > 0) scans.Add($"Seq Scan on {string.Join(", ", seq)}:\n{sql}\n{plan.RootElement}");
        }
        output.WriteLine($"{commands.Count} statements explained");
        scans.ShouldBeEmpty(string.Join("\n\n", scans));
    }

    [Fact]
    public async Task A_cursor_walk_meets_every_case_once_in_list_order_and_the_count_stops_at_the_cap()
    {
        var query = new ListCases.Query { Status = CaseStatus.Scheduled, PageSize = 100 };
        var first = await RunAsync(db => new ListCases.Handler(db).Handle(query, default).AsTask());
        (first.TotalCount, first.TotalIsCapped).ShouldBe((Paging.CountCap, true));
        first.Previous.ShouldBeNull();

        List<ListCases.Row> walked = [.. first.Items];
        var page = first;
        var pages = 1;
        while (page.Next is { } next)
        {
            page = await RunAsync(db => new ListCases.Handler(db).Handle(query with { Cursor = next }, default).AsTask());
            page.Previous.ShouldNotBeNull();
            walked.AddRange(page.Items);
            pages++;
        }
        var expected = await RunAsync(db => db.Cases.Where(c => c.Status == CaseStatus.Scheduled).CountAsync());
        walked.Count.ShouldBe(expected);
        walked.Select(r => r.Id).Distinct().Count().ShouldBe(expected);
        walked.ShouldBe(walked.OrderByDescending(r => r.Urgency).ThenByDescending(r => r.CreatedAt).ToList());
        pages.ShouldBe((expected + 99) / 100);

        // Back one page from the last: the page before it, the same rows the walk saw.
        var back = await RunAsync(db => new ListCases.Handler(db).Handle(query with { Cursor = page.Previous }, default).AsTask());
        back.Items.Select(r => r.Id).ShouldBe(walked.Skip((pages - 2) * 100).Take(100).Select(r => r.Id));
        back.Next.ShouldNotBeNull();
    }

    [Fact]
    public async Task Capped_counts_read_at_most_the_cap_from_cases_and_touch_patients_only_for_a_text_search()
    {
        // Each filter matches far more than the cap at 20,000 cases (a sixth of them per status): "family-1" 11,111
        // patients, "given-7" about 2,200.
        (ListCases.Query Query, bool NeedsPatients)[] cases =
        [
            (new(), false), (new() { Page = 2 }, false), (new() { Status = CaseStatus.Scheduled }, false),
            (new() { Urgency = Urgency.Routine }, false), (new() { Status = CaseStatus.Decided }, false),
            (new() { Status = CaseStatus.Scheduled, Urgency = Urgency.Routine }, false),
            (new() { Text = "family-1" }, true), (new() { Text = "given-7" }, true), (new() { Text = "FAMILY-1", Status = CaseStatus.Scheduled }, true),
        ];
        List<string> wrong = [];
        await using var conn = new NpgsqlConnection(plain.ConnectionString);
        await conn.OpenAsync();
        foreach (var (query, needsPatients) in cases)
        {
            commands.Clear();
            var page = await RunAsync(db => new ListCases.Handler(db).Handle(query, default).AsTask());
            (page.TotalCount, page.TotalIsCapped).ShouldBe((Paging.CountCap, true), $"{query}");
            var count = commands.Select(c => c.Sql).Where(c => IsCount(c) && c.Contains("cases")).ShouldHaveSingleItem($"{query}");
            var (sql, parameters) = commands.Single(c => c.Sql == count);
            var plan = await ExplainAnalyzeAsync(conn, sql, parameters);
            var read = RowsRead(plan, "cases");
            output.WriteLine($"{query}: {read} rows of cases, {RowsRead(plan, "patients")} of patients, patients touched: {Touches(plan, "patients")}");
            // Without a text filter the count stops at the cap. With one it stops at the cap of matches, but PostgreSQL walks
            // cases by patient (a merge join, or a nested loop per matched patient) and reads the cases the other filters
            // drop on the way: about the cap divided by the share of cases that match, never a scan of the table (known
            // limit, issue #11: "given-7", a ninth of the patients, reads about 9,000 of the 20,000 cases here).
            if (!needsPatients && read > Paging.CountCap + 1) wrong.Add($"{query}: the count read {read} rows of cases:\n{sql}\n{plan}");
            if (!needsPatients && Touches(plan, "patients")) wrong.Add($"{query}: the count joins patients:\n{sql}\n{plan}");
            if (needsPatients && SeqScans(plan).Contains("cases")) wrong.Add($"{query}: the text count scans all cases:\n{sql}\n{plan}");
        }
        wrong.ShouldBeEmpty(string.Join("\n\n", wrong));
    }

    [Fact]
    public async Task The_specialist_worklist_caps_its_counts_and_scans_no_whole_table()
    {
        // 400 planned meetings ahead with 10 scheduled cases each (4,000 owed), the first three past their cut-off; one in
        // progress (past its cut-off too); 40 closed and 5 planned ones from before today (left behind) that the walk must not read.
        await using (var conn = new NpgsqlConnection(plain.ConnectionString))
        {
            await conn.OpenAsync();
            await using var seed = new NpgsqlCommand("""
                SET session_replication_role = replica;
                INSERT INTO meetings (id, title, starts_at, duration_minutes, chair_id, capacity, submission_cutoff, status, agenda_count,
                                      created_at, created_by, updated_at, updated_by)
                SELECT gen_random_uuid(), 'Board ' || n, t, 90, @user, 20,
                       CASE WHEN n BETWEEN 1 AND 3 THEN now() - interval '1 hour' ELSE t - interval '2 days' END,
                       CASE WHEN n = 0 THEN 'InProgress' WHEN n < 0 THEN 'Closed' WHEN n > 400 THEN 'Planned' ELSE 'Planned' END, 10,
                       now(), @user, now(), @user
                  FROM generate_series(-40, 405) AS g(n)
                 CROSS JOIN LATERAL (SELECT CASE WHEN n = 0 THEN now() - interval '30 minutes'
                                                 WHEN n > 400 THEN now() - (n - 398) * interval '1 day'
                                                 ELSE now() + n * interval '1 day' END AS t) x;
                INSERT INTO agenda_items (id, meeting_id, case_id, position, status, is_late_addition, added_at, added_by)
                SELECT gen_random_uuid(), m.id, c.id, 1 + (c.n - 1) % 10, 'Scheduled', false, now(), @user
                  FROM (SELECT id, row_number() OVER (ORDER BY starts_at, id) AS k FROM meetings) m
                  JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM cases) c ON (c.n - 1) / 10 + 1 = m.k;
                SET session_replication_role = origin;
                ANALYZE meetings; ANALYZE agenda_items;
                """, conn);
            seed.Parameters.AddWithValue("user", clinicianId);
            await seed.ExecuteNonQueryAsync();
        }

        commands.Clear();
        GetSpecialistWorklist.Result result;
        await using (var scope = captured.Services.CreateAsyncScope())
            result = await new GetSpecialistWorklist.Handler(scope.ServiceProvider.GetRequiredService<TumorBoardDbContext>(),
                new Specialist(Discipline.MedicalOncology), scope.ServiceProvider.GetRequiredService<BoardClock>()).Handle(new(), default);
        result.Items.Count.ShouldBe(GetSpecialistWorklist.Limit);
        (result.Total, result.TotalIsCapped).ShouldBe((Paging.CountCap, true));
        // The meeting in progress and the three past their cut-off.
        (result.OverdueCount, result.OverdueIsCapped).ShouldBe((40, false));
        result.Items.Take(10).ShouldAllBe(d => d.MeetingStatus == Domain.Meetings.MeetingStatus.InProgress);
        result.Items.Take(40).ShouldAllBe(d => d.Overdue);
        result.Items.Skip(40).ShouldAllBe(d => !d.Overdue);
        result.Items.Select(d => (d.MeetingStartsAt, d.MeetingId, d.Position))
            .ShouldBe(result.Items.Select(d => (d.MeetingStartsAt, d.MeetingId, d.Position)).Order().ToList());
        // The page and the two capped counts (the app's background services send statements of their own meanwhile).
        var sent = commands.Where(c => c.Sql.Contains("agenda_items")).ToList();
        sent.Count.ShouldBe(3);

        // With sequential scans priced out (the planner's choice at 100,000, see above) no statement scans a whole table.
        List<string> scans = [];
        await using var explainConn = new NpgsqlConnection(plain.ConnectionString);
        await explainConn.OpenAsync();
        foreach (var (sql, parameters) in sent)
        {
            var plan = await ExplainAnalyzeAsync(explainConn, sql, parameters);
            output.WriteLine($"{RowsRead(plan, "agenda_items")} agenda items, {RowsRead(plan, "meetings")} meetings read:\n{sql}\n{plan}");
            if (SeqScans(plan).Any(t => Watched.Contains(t) || t is "meetings" or "agenda_items")) scans.Add($"a Seq Scan:\n{sql}\n{plan}");
        }
        scans.ShouldBeEmpty(string.Join("\n\n", scans));
    }

    sealed class Specialist(Discipline discipline) : ICurrentUser
    {
        public Guid? Id { get; } = Guid.NewGuid();
        public string? DisplayName => "Specialist";
        public Discipline? Discipline => discipline;
        public bool IsInRole(string role) => role == Roles.Specialist;
    }

    static bool IsCount(string sql) => sql.Contains("count(*)", StringComparison.OrdinalIgnoreCase);

    /// <summary>The statement run with sequential scans priced out (the planner's choice at 100,000, see above), measured.</summary>
    static async Task<JsonElement> ExplainAnalyzeAsync(NpgsqlConnection conn, string sql, NpgsqlParameter[] parameters)
    {
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", conn)) await off.ExecuteNonQueryAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, conn);
        explain.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
        return JsonDocument.Parse((string)(await explain.ExecuteScalarAsync())!).RootElement.Clone();
    }

    static IEnumerable<JsonElement> Nodes(JsonElement node)
    {
        if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in node.EnumerateArray())
                foreach (var n in Nodes(item)) yield return n;
        }
        else if (node.ValueKind == JsonValueKind.Object)
        {
            if (node.TryGetProperty("Node Type", out _)) yield return node;
            foreach (var property in node.EnumerateObject())
                if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    foreach (var n in Nodes(property.Value)) yield return n;
        }
    }

    static string? Relation(JsonElement n) => n.TryGetProperty("Relation Name", out var r) ? r.GetString() : null;
    static string? Index(JsonElement n) => n.TryGetProperty("Index Name", out var r) ? r.GetString() : null;

    /// <summary>Rows the plan's scans of <paramref name="table"/> returned, over all their loops.</summary>
    static long RowsRead(JsonElement plan, string table) => Nodes(plan).Where(n => Relation(n) == table)
        .Sum(n => (long)(n.GetProperty("Actual Rows").GetDouble() * n.GetProperty("Actual Loops").GetDouble()));

    static bool Touches(JsonElement plan, string table) =>
        Nodes(plan).Any(n => Relation(n) == table || (Index(n) ?? "").Contains(table, StringComparison.Ordinal));

    static bool UsesIndex(JsonElement plan, string index) => Nodes(plan).Any(n => Index(n) == index);

    async Task<T> RunAsync<T>(Func<TumorBoardDbContext, Task<T>> run)
    {
        await using var scope = captured.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<TumorBoardDbContext>());
    }

    async Task SentAsync<T>(Func<TumorBoardDbContext, Task<T>> run)
    {
        var before = commands.Count;
        try { await RunAsync(run); }
        catch (InvalidOperationException) { }   // "Sequence contains no elements": a page's row without its decision
        commands.Count.ShouldBeGreaterThan(before);
    }

    static IEnumerable<string> SeqScans(JsonElement node)
    {
        if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in node.EnumerateArray())
                foreach (var s in SeqScans(item)) yield return s;
        }
        else if (node.ValueKind == JsonValueKind.Object)
        {
            if (node.TryGetProperty("Node Type", out var type) && type.GetString() == "Seq Scan")
                yield return node.GetProperty("Relation Name").GetString()!;
            foreach (var property in node.EnumerateObject())
                if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    foreach (var s in SeqScans(property.Value)) yield return s;
        }
    }

    /// <summary>
    /// Patients and cases over every status, urgency and histology; decisions are not needed for the follow-up states'
    /// plans, so the states are loaded with their foreign key checks off (session_replication_role), as a bulk load would.
    /// </summary>
    async Task SeedAsync()
    {
        await using var conn = new NpgsqlConnection(plain.ConnectionString);
        await conn.OpenAsync();
        var statuses = string.Join(",", Enum.GetNames<CaseStatus>().Where(s => s != nameof(CaseStatus.Withdrawn)).Select(s => $"'{s}'"));
        var histologies = string.Join(",", Enum.GetNames<PrimaryHistology>().Select(s => $"'{s}'"));
        await using var seed = new NpgsqlCommand($"""
            INSERT INTO patients (id, mrn, family_name, given_name, date_of_birth, sex, created_at, created_by, updated_at, updated_by)
            SELECT gen_random_uuid(), 'MRN-' || lpad(n::text, 6, '0'), 'family-' || n, 'given-' || (n % 997), DATE '1950-01-01' + (n % 15000),
                   'Female', now() - n * interval '1 minute', @user, now(), @user
              FROM generate_series(1, {Cases}) AS g(n);
            INSERT INTO cases (id, patient_id, status, urgency, histology, lesions, prior_radiotherapy, clinical_question,
                               created_at, created_by, updated_at, updated_by)
            SELECT gen_random_uuid(), p.id, (ARRAY[{statuses}])[1 + (row_number() OVER () % 6)::int],
                   (row_number() OVER () % 5 = 0)::int, (ARRAY[{histologies}])[1 + (row_number() OVER () % {Enum.GetNames<PrimaryHistology>().Length})::int],
                   '[]', '[]', 'Surgery or radiotherapy?', p.created_at, @user, now(), @user
              FROM patients p;
            SET session_replication_role = replica;
            INSERT INTO decision_follow_up_states (decision_id, case_id, responsible_clinician_id, follow_up_date, due_order, signed_at,
                                                   plan_steps, open_steps)
            SELECT gen_random_uuid(), c.id, CASE WHEN n % 3 = 0 THEN @clinician ELSE gen_random_uuid() END, d, coalesce(d, DATE '9999-12-31'),
                   now() - n * interval '1 hour', 2, n % 3
              FROM (SELECT c.id, row_number() OVER () AS n FROM cases c LIMIT 6000) c
             CROSS JOIN LATERAL (SELECT CASE WHEN c.n % 10 = 0 THEN NULL ELSE CURRENT_DATE - 300 + (c.n % 600)::int END AS d) x;
            SET session_replication_role = origin;
            ANALYZE patients; ANALYZE cases; ANALYZE decision_follow_up_states;
            """, conn);
        seed.Parameters.AddWithValue("user", clinicianId);
        seed.Parameters.AddWithValue("clinician", clinicianId);
        await seed.ExecuteNonQueryAsync();
    }

    /// <summary>Keeps each statement EF sends, with copies of its parameters, to EXPLAIN afterwards.</summary>
    sealed class Capture(ConcurrentQueue<(string, NpgsqlParameter[])> into) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken ct = default)
        {
            into.Enqueue((command.CommandText, [.. command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone())]));
            return base.ReaderExecutingAsync(command, eventData, result, ct);
        }
    }
}
