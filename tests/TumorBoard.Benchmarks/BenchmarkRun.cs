using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using TumorBoard.Benchmarks.Control;
using TumorBoard.Benchmarks.Load;
using TumorBoard.Benchmarks.Seeding;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.Web.Development;
using TumorBoard.Web.Database;

namespace TumorBoard.Benchmarks;

/// <summary>
/// `run`: a private cluster with pg_stat_statements, two seeded databases (small and large), the app (Release, Production)
/// once per database and the raw-Npgsql control; every endpoint at both sizes, interleaved in rounds (app small, app
/// large, control small, control large, then again), then one table of RPS, p50, p99, SQL statements per request and
/// response bytes, and the ratios issue #11 gates on.
/// </summary>
public static class BenchmarkRun
{
    sealed record Size(string Label, int Cases, string Database, Database Db, string AppCs)
    {
        public AppProcess App { get; set; } = null!;
        public Context Ctx { get; set; } = null!;
    }

    sealed record Context(string App, string Control, string Db, string Coordinator, string Specialist, string Neurosurgeon,
        string Admin, string Cookie, Guid[] Cases, Guid[] Decided, (Guid Meeting, Guid Item)[] Board, (Guid Case, string Body)[] Writers,
        string DeepCursor);

    sealed record Target(string Name, int Connections, Func<Context, Func<int, long, HttpRequestMessage>> Make, bool Locks = false);

    sealed record Pass(LoadResult Load, long Statements, double LockMean, int LockMax);

    /// <summary>The machine's 1-minute load average (other work on a shared box shows here).</summary>
    static double LoadAverage() =>
        double.TryParse(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "", CultureInfo.InvariantCulture, out var l) ? l : double.NaN;

    static readonly List<double> Loads = [];

    static HttpRequestMessage Get(string url, string? bearer = null, string? cookie = null)
    {
        var m = new HttpRequestMessage(HttpMethod.Get, url);
        if (bearer is not null) m.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (cookie is not null) m.Headers.Add("Cookie", cookie);
        return m;
    }

    static Target Api(string name, string path, int conns = 16, Func<Context, string>? token = null) =>
        new(name, conns, c => (_, _) => Get(c.App + path, (token ?? (x => x.Coordinator))(c)));

    static IEnumerable<Target> Targets(int conns) =>
    [
        Api("case list, first page", "/api/v1/cases", conns),
        new("control: case list, first page", conns, c => (_, _) => Get($"{c.Control}/control/{c.Db}/cases")),
        Api("case list ?status=Decided", "/api/v1/cases?status=Decided", conns),
        Api("case list ?status=ReadyForBoard", "/api/v1/cases?status=ReadyForBoard", conns),
        Api("case list ?urgency=Urgent", "/api/v1/cases?urgency=Urgent", conns),
        Api("case list ?histology=Breast", "/api/v1/cases?histology=Breast", conns),
        Api("case list ?text=keller", "/api/v1/cases?text=keller", conns),
        // Page numbers reach the counted first 1,000 rows (page 40 at 25 a page); deeper pages go by cursor (README "Lists: cursors, capped counts, follow-up work as data").
        Api("case list ?page=40 (last by number)", "/api/v1/cases?page=40", conns),
        new("case list, deep page by cursor", conns, c => (_, _) => Get($"{c.App}/api/v1/cases?cursor={c.DeepCursor}", c.Coordinator)),
        new("case by id", conns, c => (w, n) => Get($"{c.App}/api/v1/cases/{Pick(c.Cases, w, n)}", c.Coordinator), Locks: true),
        new("control: case by id", conns, c => (w, n) => Get($"{c.Control}/control/{c.Db}/cases/{Pick(c.Cases, w, n)}")),
        new("control: case by id + read log", conns, c => (w, n) => Get($"{c.Control}/control/{c.Db}/cases/{Pick(c.Cases, w, n)}?readlog=1")),
        new("case by id, 1 connection", 1, c => (w, n) => Get($"{c.App}/api/v1/cases/{Pick(c.Cases, w, n)}", c.Coordinator)),
        new("case page (HTML)", conns, c => (w, n) => Get($"{c.App}/Cases/Details/{Pick(c.Cases, w, n)}", cookie: c.Cookie)),
        new("coordinator dashboard page", conns, c => (_, _) => Get($"{c.App}/Dashboard", cookie: c.Cookie)),
        Api("coordinator dashboard API", "/api/v1/worklists/coordinator", conns),
        Api("specialist worklist", "/api/v1/worklists/specialist", conns, c => c.Specialist),
        Api("overdue follow-ups", "/api/v1/follow-ups/overdue", conns),
        Api("fast-track worklist", "/api/v1/worklists/fast-track", conns),
        Api("quality metrics", "/api/v1/analytics/metrics", conns),
        Api("quality metrics by decision date, all versions", "/api/v1/analytics/metrics?periodBy=DecisionDate&versions=All", conns),
        // The two above repeat one filter, so after the first count they measure the cache (QualityMetricsCache: served while
        // nothing commits). Cold: a year ending on another day for each request of the run (unique for the first 730 per
        // size, warm-up and rounds included), always counted; the app counts one at a time per two cores
        // (QualityMetricsCache.CountsAtOnce), so 4 connections already queue.
        new("quality metrics, cold (another year each request)", Math.Min(conns, 4), c => (_, _) =>
        {
            var k = Interlocked.Increment(ref coldRequests);
            var to = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-(int)(k % 730));
            return Get($"{c.App}/api/v1/analytics/metrics?from={to.AddYears(-1).AddDays(1):yyyy-MM-dd}&to={to:yyyy-MM-dd}", c.Coordinator);
        }),
        // The CSV streams every row of the period (a year of decisions at 100k cases is megabytes): fewer connections.
        Api("analytics CSV export ?kind=decisions", "/api/v1/analytics/export.csv?kind=decisions", Math.Min(conns, 4)),
        Api("analytics CSV export ?kind=attendance", "/api/v1/analytics/export.csv?kind=attendance", Math.Min(conns, 4)),
        new("board view", conns, c => (w, n) =>
        {
            var (m, i) = c.Board[(int)((w * 7919 + n) % c.Board.Length)];
            return Get($"{c.App}/api/v1/meetings/{m}/agenda/{i}/board", c.Coordinator);
        }),
        new("case history", conns, c => (w, n) => Get($"{c.App}/api/v1/cases/{Pick(c.Decided, w, n)}/history", c.Coordinator)),
        Api("audit entries list", "/api/v1/audit/entries", conns, c => c.Admin),
        new("draft save, 8 writers", 8, c => (w, _) =>
        {
            var (caseId, body) = c.Writers[w % c.Writers.Length];
            var m = new HttpRequestMessage(HttpMethod.Put, $"{c.App}/api/v1/cases/{caseId}/assessments/neurosurgery/draft")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            m.Headers.Authorization = new AuthenticationHeaderValue("Bearer", c.Neurosurgeon);
            m.Headers.TryAddWithoutValidation("If-Match", "*");
            return m;
        }, Locks: true),
    ];

    static long coldRequests;

    static Guid Pick(Guid[] ids, int worker, long n) => ids[(int)((worker * 7919L + n * 31) % ids.Length)];

    public static async Task<int> RunAsync(Options o)
    {
        var quick = o.Has("quick");
        var small = o.Int("small", 1000);
        var large = o.Int("large", quick ? 5000 : 100_000);
        var duration = TimeSpan.FromSeconds(o.Double("duration", quick ? 3 : 8));
        var warmup = TimeSpan.FromSeconds(o.Double("warmup", quick ? 0.5 : 1.5));
        var rounds = o.Int("rounds", 2);
        var conns = o.Int("connections", 16);
        var only = o.Get("only");
        var repo = RepoRoot();
        var log = Console.Out;
        var started = DateTimeOffset.UtcNow;

        if (!File.Exists(AppProcess.WebDll(repo)))
            throw new InvalidOperationException($"Build the app first: dotnet build src/TumorBoard.Web -c Release (missing {AppProcess.WebDll(repo)}).");

        log.WriteLine($"TumorBoard benchmark: {small:N0} and {large:N0} cases, {conns} connections, {duration.TotalSeconds} s per pass, {rounds} rounds");
        // --server: an existing cluster (pg_stat_statements preloaded) instead of a private one; --reuse: a database seeded
        // earlier at the same size (`seed --cases N`) is used as it is (its seed time is then not measured).
        var server = o.Get("server");
        await using var cluster = server is null ? await BenchCluster.StartAsync() : null;
        string Superuser(string database = "postgres") => cluster?.Superuser(database)
            ?? new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        var sizes = new List<Size>();
        var seeds = new List<SeedResult>();
        foreach (var n in new[] { small, large })
        {
            var db = $"tumorboard_bench_{n}";
            var seed = o.Has("reuse") && await Seeder.ExistingAsync(Superuser(), db, n) is { } existing
                ? existing
                : await Seeder.SeedAsync(Superuser(), db, n, log);
            seeds.Add(seed);
            log.WriteLine($"  seeded {db} in {seed.Total.TotalSeconds:F1} s (domain {seed.Build.TotalSeconds:F1} s, COPY + indexes + keys {seed.Load.TotalSeconds:F1} s)");
            var database = new Database(db, Superuser());
            await database.PrepareAsync();
            sizes.Add(new Size(n >= 1000 && n % 1000 == 0 ? $"{n / 1000}k" : n.ToString(CultureInfo.InvariantCulture), n, db, database,
                DatabaseRoles.As(Superuser(db), DatabaseRoles.App)));
        }

        // The large database's app starts alone (start-to-first-200 is not shared with another start).
        foreach (var s in sizes.AsEnumerable().Reverse())
        {
            s.App = await AppProcess.StartAsync(repo, s.AppCs, s.Label);
            log.WriteLine($"  app on {s.Database}: first 200 after {s.App.StartToFirst200.TotalSeconds:F2} s (pid {s.App.Pid}, {s.App.RssMb():F0} MB)");
        }
        await using var control = await ControlServer.StartAsync(sizes.ToDictionary(s => s.Database,
            s => (s.AppCs, DatabaseRoles.As(Superuser(s.Database), DatabaseRoles.Owner))));
        try
        {
            foreach (var s in sizes) s.Ctx = await ContextAsync(s, control.BaseUrl);

            var targets = Targets(conns).Where(t => only is null || only.Split(',').Any(x => t.Name.Contains(x, StringComparison.OrdinalIgnoreCase))).ToList();
            var results = targets.ToDictionary(t => t.Name, _ => sizes.ToDictionary(s => s.Label, _ => new List<Pass>()));
            var rss = sizes.ToDictionary(s => s.Label, _ => 0.0);
            // Interleaved: per endpoint, round after round, the app and its control at both sizes.
            var byEndpoint = targets.GroupBy(t => t.Name.Replace("control: ", "").Replace(" + read log", "")).ToList();
            foreach (var group in byEndpoint)
                for (var round = 0; round < rounds; round++)
                    foreach (var t in group)
                        foreach (var s in sizes)
                        {
                            var make = t.Make(s.Ctx);
                            if (round == 0)
                            {
                                await LoadClient.WarmUpAsync(make, 3, t.Connections);
                                if (warmup > TimeSpan.Zero) await LoadClient.RunAsync(make, t.Connections, warmup);
                            }
                            await s.Db.ResetStatementsAsync();
                            using var stop = new CancellationTokenSource();
                            var sampler = t.Locks ? s.Db.SampleLockWaitsAsync(stop.Token) : Task.FromResult((0.0, 0));
                            var load = await LoadClient.RunAsync(make, t.Connections, duration);
                            await stop.CancelAsync();
                            var (lockMean, lockMax) = await sampler;
                            var statements = await s.Db.StatementsAsync();
                            Loads.Add(LoadAverage());
                            rss[s.Label] = Math.Max(rss[s.Label], s.App.RssMb());
                            results[t.Name][s.Label].Add(new Pass(load, statements, lockMean, lockMax));
                            log.WriteLine($"  [{round + 1}/{rounds}] {t.Name,-34} {s.Label,5}: {load.Rps,8:F1} RPS  p50 {load.P50Ms,8:F1} ms  "
                                + $"p99 {load.P99Ms,8:F1} ms  {(load.Completed == 0 ? 0 : (double)statements / load.Completed),5:F1} SQL/req"
                                + (load.Errors > 0 ? $"  {load.Errors} errors: {load.FirstError}" : "")
                                + (t.Locks ? $"  advisory-lock waiters mean {lockMean:F2} max {lockMax}" : ""));
                        }

            var verify = new List<string>();
            if (!o.Has("no-verify"))
                foreach (var s in sizes)
                {
                    var (code, output, took) = await AppProcess.VerifyAuditAsync(repo, s.AppCs);
                    verify.Add($"- {s.Database}: `verify-audit` exit {code} in {took.TotalSeconds:F0} s: `{output}`");
                    log.WriteLine(verify[^1]);
                }

            var report = Report(started, quick, sizes, seeds, targets, results, rss, conns, duration, rounds, verify);
            Console.WriteLine();
            Console.WriteLine(report);
            if (o.Get("out") is { } file) await File.WriteAllTextAsync(file, report);
        }
        finally
        {
            foreach (var s in sizes) if (s.App is not null) await s.App.DisposeAsync();
        }
        return 0;
    }

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    static async Task<Context> ContextAsync(Size s, string controlUrl)
    {
        var url = s.App.BaseUrl;
        var pw = DataSet.Password;
        var coordinator = await SignIn.TokenAsync(url, DataSet.Email("coordinator", 1), pw);
        var specialist = await SignIn.TokenAsync(url, DataSet.Email("medonc", 1), pw);
        var neuro = await SignIn.TokenAsync(url, DataSet.Email("neurosurg", 1), pw);
        var admin = await SignIn.TokenAsync(url, DataSet.Email("admin", 1), pw);
        var cookie = await SignIn.CookieAsync(url, DataSet.Email("coordinator", 2), pw);
        var cases = await s.Db.QueryAsync("SELECT id FROM cases ORDER BY md5(id::text) LIMIT 500", r => r.GetGuid(0));
        var decided = await s.Db.QueryAsync("SELECT id FROM cases WHERE status IN ('Decided', 'Closed') ORDER BY md5(id::text) LIMIT 500", r => r.GetGuid(0));
        var board = await s.Db.QueryAsync("""
            SELECT i.meeting_id, i.id FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
             WHERE m.status = 'InProgress' ORDER BY i.position
            """, r => (r.GetGuid(0), r.GetGuid(1)));
        var writers = await s.Db.QueryAsync("""
            SELECT a.case_id, c.lesions FROM assessments a JOIN cases c ON c.id = a.case_id
             WHERE a.discipline = 'Neurosurgery' AND a.status = 'Draft' AND c.status IN ('ReadyForBoard', 'Scheduled')
             ORDER BY a.case_id LIMIT 8
            """, r => (r.GetGuid(0), r.GetString(1)));
        var bodies = writers.Select(w =>
        {
            var lesion = JsonDocument.Parse(w.Item2).RootElement[0];
            var level = Enum.Parse<SpinalLevel>(lesion.GetProperty("LevelFrom").GetString()!);
            var epidural = lesion.GetProperty("Compartments").EnumerateArray().Any(x => x.GetString() == "Epidural");
            return (w.Item1, JsonSerializer.Serialize(ClinicalTemplates.Neurosurgery(level, epidural, 3), Json));
        }).ToArray();
        // The cursor equivalent of ?page=2000: the page after row 50,000 of the list (half-way down a smaller list).
        var depth = Math.Min(50_000, s.Cases / 2);
        var deep = (await s.Db.QueryAsync(
            $"SELECT urgency, created_at, id FROM cases ORDER BY urgency DESC, created_at DESC, id DESC OFFSET {depth - 1} LIMIT 1",
            r => new ListCases.Key((Urgency)r.GetInt32(0), r.GetFieldValue<DateTimeOffset>(1), r.GetGuid(2)))).Single();
        var deepCursor = PageCursor.Encode("cases", false, deep);
        if (cases.Count == 0 || decided.Count == 0 || board.Count == 0 || bodies.Length == 0)
            throw new InvalidOperationException($"{s.Database}: the seeded data lacks cases, decided cases, a running meeting or neurosurgery drafts.");
        return new Context(url, controlUrl, s.Database, coordinator, specialist, neuro, admin, cookie, [.. cases], [.. decided], [.. board], bodies,
            deepCursor);
    }

    static string RepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "TumorBoard.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run the benchmark from the repository (TumorBoard.sln not found above the binary).");
    }

    static string Report(DateTimeOffset started, bool quick, List<Size> sizes, List<SeedResult> seeds, List<Target> targets,
        Dictionary<string, Dictionary<string, List<Pass>>> results, Dictionary<string, double> rss, int conns, TimeSpan duration,
        int rounds, List<string> verify)
    {
        var (a, b) = (sizes[0], sizes[1]);
        double Rps(string t, Size s) => results.TryGetValue(t, out var r) && r[s.Label].Count > 0 ? r[s.Label].Average(p => p.Load.Rps) : double.NaN;
        double[] Lat(string t, Size s) => [.. results[t][s.Label].SelectMany(p => p.Load.Latencies).Order()];
        double Sql(string t, Size s)
        {
            var passes = results[t][s.Label];
            var done = passes.Sum(p => p.Load.Completed);
            return done == 0 ? double.NaN : (double)passes.Sum(p => p.Statements) / done;
        }
        long Bytes(string t, Size s)
        {
            var passes = results[t][s.Label];
            var done = passes.Sum(p => p.Load.Completed);
            return done == 0 ? 0 : passes.Sum(p => p.Load.Bytes) / done;
        }
        static string F(double v, string fmt = "F1") => double.IsNaN(v) ? "—" : v.ToString(fmt, CultureInfo.InvariantCulture);

        var sb = new StringBuilder();
        sb.AppendLine($"Run {started:yyyy-MM-dd HH:mm} UTC{(quick ? " (quick)" : "")}: {a.Cases:N0} and {b.Cases:N0} cases; "
            + $"{conns} connections (draft save 8, the single-connection row 1); {duration.TotalSeconds:F0} s per pass, {rounds} interleaved rounds per size; "
            + "RPS is the mean of the rounds, p50/p99 over all their requests; SQL/req = pg_stat_statements calls by the app role ÷ completed requests.");
        sb.AppendLine();
        sb.AppendLine("| seeded | cases | patients | meetings | agenda items | assessment versions | decisions (signed + superseded) | positions | follow-ups | audit rows | seed time |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var s in seeds)
            sb.AppendLine($"| {s.Database} | {s.Rows["cases"]:N0} | {s.Rows["patients"]:N0} | {s.Rows["meetings"]:N0} | {s.Rows["agenda_items"]:N0} | "
                + $"{s.Rows["assessment_versions"]:N0} | {s.Rows["decisions"]:N0} | {s.Rows["decision_positions"]:N0} | {s.Rows["decision_follow_ups"]:N0} | "
                + $"{s.Rows["audit_entries"]:N0} | {s.Total.TotalSeconds:F0} s (domain {s.Build.TotalSeconds:F0} s, load {s.Load.TotalSeconds:F0} s) |");
        sb.AppendLine();
        sb.AppendLine($"| endpoint | conns | RPS {a.Label} | RPS {b.Label} | RPS {b.Label}/{a.Label} | p50 {a.Label} ms | p50 {b.Label} ms | p99 {b.Label} ms | SQL/req {a.Label} | SQL/req {b.Label} | bytes {b.Label} | errors |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var t in targets)
        {
            var la = Lat(t.Name, a);
            var lb = Lat(t.Name, b);
            var errors = results[t.Name].Values.Sum(ps => ps.Sum(p => p.Load.Errors));
            sb.AppendLine($"| {t.Name} | {t.Connections} | {F(Rps(t.Name, a))} | {F(Rps(t.Name, b))} | {F(Rps(t.Name, b) / Rps(t.Name, a), "F2")} | "
                + $"{F(LoadClient.Percentile(la, 0.5))} | {F(LoadClient.Percentile(lb, 0.5))} | {F(LoadClient.Percentile(lb, 0.99))} | "
                + $"{F(Sql(t.Name, a))} | {F(Sql(t.Name, b))} | {Bytes(t.Name, b):N0} | {errors} |");
        }
        sb.AppendLine();
        sb.AppendLine($"Ratios at {b.Label} (issue #11 targets in brackets):");
        string Ratio(string x, string y, Size s) => F(Rps(x, s) / Rps(y, s), "F2");
        sb.AppendLine($"- case list first page, app / control: {Ratio("case list, first page", "control: case list, first page", b)} ({a.Label}: {Ratio("case list, first page", "control: case list, first page", a)}) [≥ 0.85]");
        sb.AppendLine($"- case by id, app (read log on) / control with its read-log insert: {Ratio("case by id", "control: case by id + read log", b)}; "
            + $"/ control without: {Ratio("case by id", "control: case by id", b)} [≥ 0.5]");
        sb.AppendLine($"- case by id, {conns} connections / 1: {Ratio("case by id", "case by id, 1 connection", b)} ({a.Label}: {Ratio("case by id", "case by id, 1 connection", a)}) [≥ 3]");
        var below = targets.Where(t => !t.Name.StartsWith("control", StringComparison.Ordinal) && !t.Name.Contains("1 connection", StringComparison.Ordinal))
            .Where(t => !(Rps(t.Name, b) / Rps(t.Name, a) >= 0.7)).Select(t => t.Name).ToList();
        sb.AppendLine($"- scale ratio RPS({b.Label})/RPS({a.Label}) below 0.7 for: {(below.Count == 0 ? "none" : string.Join(", ", below))} [none]");
        if (results.TryGetValue("draft save, 8 writers", out var drafts))
            foreach (var s in sizes)
                sb.AppendLine($"- draft save with 8 writers at {s.Label}: {F(Rps("draft save, 8 writers", s))} RPS, {F(Sql("draft save, 8 writers", s))} SQL per saved version; "
                    + $"sessions waiting on an advisory lock: mean {F(drafts[s.Label].Average(p => p.LockMean), "F2")}, max {drafts[s.Label].Max(p => p.LockMax)} [no waits]");
        if (results.TryGetValue("case by id", out var reads))
            sb.AppendLine($"- case by id with {conns} connections at {b.Label}: sessions waiting on an advisory lock: mean {F(reads[b.Label].Average(p => p.LockMean), "F2")}, max {reads[b.Label].Max(p => p.LockMax)}");
        foreach (var s in sizes)
            sb.AppendLine($"- app on {s.Label}: start to first 200 (/health/ready) {s.App.StartToFirst200.TotalSeconds:F2} s [≤ 3 s at 100k]; RSS max under load {rss[s.Label]:F0} MB [≤ 300 MB]");
        if (Loads.Count > 0)
            sb.AppendLine($"- machine load (1-min load average after each pass, {Environment.ProcessorCount} cores): min {Loads.Min():F1}, mean {Loads.Average():F1}, max {Loads.Max():F1}");
        if (verify.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Audit chain after the run:");
            foreach (var v in verify) sb.AppendLine(v);
        }
        return sb.ToString();
    }
}
