using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace TumorBoard.IntegrationTests.Infrastructure;

/// <summary>
/// The real app (Development, so it migrates and seeds the demo accounts) on a test database, connected as the app's
/// least-privilege role and migrating as the owner, like production. <see cref="ConnectionString"/> is the superuser's
/// on the same database. Each app has its own audit checkpoint key and file (deleted with the app); the periodic
/// checkpoint is a day apart unless a test asks otherwise, so only verifications write checkpoints.
/// </summary>
public sealed class TumorBoardApp(string connectionString, IDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    readonly IDictionary<string, string?> extra = settings ?? new Dictionary<string, string?>();

    /// <summary>The board's 24-hour number the tests' patient letters carry (Board:PatientLetter:EmergencyPhone).</summary>
    public const string TestEmergencyPhone = "+41 44 255 11 11";

    public string ConnectionString { get; } = connectionString;
    public string AppConnectionString => TestPostgres.AsApp(ConnectionString);
    public string OwnerConnectionString => TestPostgres.AsOwner(ConnectionString);

    public string CheckpointFile => extra.TryGetValue("Audit:CheckpointFile", out var file) && file is not null ? file : ownFile;
    /// <summary>The key of the case pseudonyms in analytics exports (Analytics:PseudonymKey).</summary>
    public const string PseudonymKey = "test-pseudonym-key-0123456789abcdefghijklmnop";

    public string CheckpointKey => extra.TryGetValue("Audit:CheckpointKey", out var key) && key is not null ? key : ownKey;

    readonly string ownFile = Path.Combine(Path.GetTempPath(), $"tb-checkpoints-{Guid.NewGuid():N}.jsonl");
    readonly string ownKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // Records every API answer for DocumentedStatusTests (the OpenAPI document lists each status the tests see).
        builder.ConfigureServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ObservedResponses.Recorder>());
        builder.UseSetting("ConnectionStrings:TumorBoard", AppConnectionString);
        builder.UseSetting("ConnectionStrings:TumorBoardOwner", OwnerConnectionString);
        builder.UseSetting("Audit:CheckpointKey", CheckpointKey);
        builder.UseSetting("Audit:CheckpointFile", CheckpointFile);
        builder.UseSetting("Audit:CheckpointIntervalMinutes", "1440");
        builder.UseSetting("Analytics:PseudonymKey", PseudonymKey);
        builder.UseSetting("Seed:Cases", "false");
        builder.UseSetting("Board:PatientLetter:EmergencyPhone", TestEmergencyPhone);
        builder.UseSetting("RateLimiting:SignInPermitLimit", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in extra)
            builder.UseSetting(key, value);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) File.Delete(CheckpointFile);
    }
}
