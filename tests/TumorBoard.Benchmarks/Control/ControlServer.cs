using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace TumorBoard.Benchmarks.Control;

/// <summary>
/// The raw-Npgsql control: a minimal Kestrel endpoint in the benchmark's own process answering the same case-list first
/// page (the count and the 25 rows in the list's order, joined with the patient) and the same case by id, from the
/// same database as the app's role, without the app's layers. <c>?readlog=1</c> adds the one INSERT a read log needs
/// at least (into <c>bench_control_read_log</c>, a copy of audit_entries' columns and indexes, so the app's chain stays
/// intact). No authentication: it measures what the data access alone costs.
/// </summary>
public sealed class ControlServer : IAsyncDisposable
{
    readonly WebApplication app;
    readonly Dictionary<string, NpgsqlDataSource> databases;

    ControlServer(WebApplication app, Dictionary<string, NpgsqlDataSource> databases)
    {
        this.app = app;
        this.databases = databases;
    }

    public string BaseUrl { get; private set; } = "";

    /// <summary>Creates the read-log table in each database (as the owner) and starts listening on a free port.</summary>
    public static async Task<ControlServer> StartAsync(IReadOnlyDictionary<string, (string App, string Owner)> connections)
    {
        foreach (var (_, cs) in connections)
        {
            await using var conn = new NpgsqlConnection(cs.Owner);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("""
                CREATE TABLE IF NOT EXISTS bench_control_read_log (LIKE audit_entries INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING INDEXES);
                GRANT SELECT, INSERT ON bench_control_read_log TO tumorboard_app;
                """, conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var dbs = connections.ToDictionary(c => c.Key, c => NpgsqlDataSource.Create(c.Value.App));
        var server = new ControlServer(app, dbs);
        app.MapGet("/control/{db}/cases", (string db, CancellationToken ct) => server.ListAsync(db, ct));
        app.MapGet("/control/{db}/cases/{id:guid}", (string db, Guid id, HttpRequest r, CancellationToken ct) =>
            server.GetAsync(db, id, r.Query.ContainsKey("readlog"), ct));
        await app.StartAsync();
        server.BaseUrl = app.Urls.First();
        return server;
    }

    const string CountSql = "SELECT count(*)::int FROM cases AS c INNER JOIN patients AS p ON c.patient_id = p.id";
    const string PageSql = """
        SELECT c.id, c.patient_id, p.mrn, p.family_name, p.given_name, c.status, c.urgency, c.histology, c.lesions, c.clinical_question, c.created_at
          FROM cases AS c INNER JOIN patients AS p ON c.patient_id = p.id
         ORDER BY c.urgency DESC, c.created_at DESC, c.id
         LIMIT 25 OFFSET 0
        """;

    async Task<IResult> ListAsync(string db, CancellationToken ct)
    {
        await using var conn = await databases[db].OpenConnectionAsync(ct);
        int total;
        await using (var count = new NpgsqlCommand(CountSql, conn)) total = (int)(await count.ExecuteScalarAsync(ct))!;
        var items = new List<object>(25);
        await using (var cmd = new NpgsqlCommand(PageSql, conn))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                using var lesions = JsonDocument.Parse(r.GetString(8));
                var levels = string.Join(", ", lesions.RootElement.EnumerateArray().Select(l =>
                    l.GetProperty("LevelFrom").GetString() is var f && l.GetProperty("LevelTo").GetString() is var t && f == t ? f : $"{f}-{t}"));
                items.Add(new
                {
                    id = r.GetGuid(0), patientId = r.GetGuid(1), mrn = r.GetString(2), patientName = $"{r.GetString(3)}, {r.GetString(4)}",
                    status = r.GetString(5), urgency = r.GetInt32(6) == 1 ? "Urgent" : "Routine", histology = r.GetString(7), levels,
                    clinicalQuestion = r.GetString(9), createdAt = r.GetFieldValue<DateTimeOffset>(10),
                });
            }
        var pages = (total + 24) / 25;
        return Results.Json(new { items, page = 1, pageSize = 25, totalCount = total, totalPages = pages, hasPrevious = false, hasNext = pages > 1 });
    }

    const string CaseSql = """
        SELECT c.id, c.patient_id, p.mrn, p.family_name, p.given_name, p.date_of_birth, p.sex, c.status, c.withdrawal_reason,
               c.histology, c.histology_other_text, c.diagnosis_date, c.lesions, c.pain, c.frankel, c.asia, c.myelopathy,
               c.symptom_onset_date, c.urgency, c.ecog, c.karnofsky, c.extraspinal_bone_metastases, c.visceral_metastases,
               c.brain_metastases, c.prior_radiotherapy, c.current_systemic_therapy, c.clinical_question, c.referring_clinician,
               c.patient_preferences, c.created_at, c.updated_at, c.xmin
          FROM cases AS c INNER JOIN patients AS p ON c.patient_id = p.id
         WHERE c.id = @id
        """;

    const string ReadLogSql = """
        INSERT INTO bench_control_read_log (occurred_at, actor_id, actor_name, action, entity_type, entity_id, operation, changes)
        VALUES (now(), NULL, 'control', 'GetCase', 'TumorBoardCase', @id, 'Read', '{}')
        """;

    async Task<IResult> GetAsync(string db, Guid id, bool readLog, CancellationToken ct)
    {
        await using var conn = await databases[db].OpenConnectionAsync(ct);
        var row = new Dictionary<string, object?>(32);
        await using (var cmd = new NpgsqlCommand(CaseSql, conn))
        {
            cmd.Parameters.AddWithValue("id", id);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) return Results.NotFound();
            for (var i = 0; i < r.FieldCount; i++)
            {
                var name = r.GetName(i);
                row[name] = r.IsDBNull(i) ? null
                    : name is "lesions" or "prior_radiotherapy" ? JsonDocument.Parse(r.GetString(i)).RootElement.Clone()
                    : r.GetValue(i);
            }
        }
        if (readLog)
        {
            await using var log = new NpgsqlCommand(ReadLogSql, conn);
            log.Parameters.AddWithValue("id", id.ToString());
            await log.ExecuteNonQueryAsync(ct);
        }
        return Results.Json(row);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        foreach (var ds in databases.Values) await ds.DisposeAsync();
    }
}
