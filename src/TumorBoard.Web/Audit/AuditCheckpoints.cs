using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Domain.Audit;
using TumorBoard.Web.Hosting;

namespace TumorBoard.Web.Audit;

/// <summary>
/// The checkpoint settings (README "Audit trail"): Audit:CheckpointKey (Development: generated once into
/// .data/audit-checkpoint.key when missing; elsewhere required, or the app does not start), Audit:CheckpointFile (default
/// .data/audit-checkpoints.jsonl under the web project's content root; must be writable at start-up),
/// Audit:CheckpointIntervalMinutes (default 5), Audit:SealIntervalMilliseconds (default 250, ADR 0006).
/// </summary>
public static class AuditCheckpoints
{
    public static void AddAuditCheckpoints(this WebApplicationBuilder builder, bool migrateOnly)
    {
        var options = Resolve(builder.Configuration, builder.Environment, migrateOnly);
        builder.Services.AddSingleton(Options.Create(options));
        builder.Services.AddSingleton<AuditCheckpointLog>();
        builder.Services.AddScoped<AuditVerifier>();
        builder.Services.AddScoped<AuditHeadAnchor>();
        builder.Services.AddScoped<AuditSealer>();
        if (migrateOnly) return;
        builder.Services.AddHostedService<AuditCheckpointWriter>();
        // One instance per process; the elected one among all instances seals (ADR 0006).
        builder.Services.AddSingleton<AuditSealerService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AuditSealerService>());
    }

    public static AuditCheckpointOptions Resolve(IConfiguration configuration, IHostEnvironment environment, bool migrateOnly = false)
    {
        var options = configuration.GetSection(AuditCheckpointOptions.Section).Get<AuditCheckpointOptions>() ?? new();
        var dataDir = Path.Combine(environment.ContentRootPath, ".data");
        options.CheckpointFile = Path.GetFullPath(string.IsNullOrWhiteSpace(options.CheckpointFile)
            ? Path.Combine(dataDir, "audit-checkpoints.jsonl") : options.CheckpointFile, environment.ContentRootPath);
        if (migrateOnly) return options;

        if (string.IsNullOrWhiteSpace(options.CheckpointKey))
        {
            if (!environment.IsDevelopment())
                throw new InvalidOperationException(
                    "No audit checkpoint key is configured. Set Audit:CheckpointKey (environment variable Audit__CheckpointKey) to a "
                    + $"secret of at least {AuditCheckpoint.MinimumKeyLength} characters, e.g. the output of `openssl rand -base64 32`, "
                    + "kept outside the database (README, \"Audit trail\").");
            options.CheckpointKey = DevelopmentKeys.ReadOrCreate(Path.Combine(dataDir, "audit-checkpoint.key"));
        }
        if (options.CheckpointKey.Length < AuditCheckpoint.MinimumKeyLength)
            throw new InvalidOperationException(
                $"Audit:CheckpointKey is too short: it needs at least {AuditCheckpoint.MinimumKeyLength} characters (e.g. `openssl rand -base64 32`).");
        if (!(options.CheckpointIntervalMinutes > 0))
            throw new InvalidOperationException("Audit:CheckpointIntervalMinutes must be greater than 0.");
        if (options.SealIntervalMilliseconds is < 10 or > 1000)
            throw new InvalidOperationException("Audit:SealIntervalMilliseconds must be between 10 and 1000 (rows are sealed within a second).");
        RequireWritable(options.CheckpointFile);
        return options;
    }

    static void RequireWritable(string path)
    {
        try
        {
            if (Path.GetDirectoryName(path) is { Length: > 0 } dir) Directory.CreateDirectory(dir);
            using var _ = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"The audit checkpoint file {path} cannot be written ({e.Message}). Set Audit:CheckpointFile to a file the app may append to.", e);
        }
    }
}

/// <summary>Anchors the audit chain's head every Audit:CheckpointIntervalMinutes (<see cref="AuditHeadAnchor"/>).</summary>
public sealed class AuditCheckpointWriter(
    IServiceScopeFactory scopes, IOptions<AuditCheckpointOptions> options, TimeProvider clock, ILogger<AuditCheckpointWriter> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.CheckpointIntervalMinutes), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<AuditHeadAnchor>().AnchorAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The next tick tries again; the failure stays visible in the log.
                    log.LogError(e, "The periodic audit checkpoint could not be written to {File}", options.Value.CheckpointFile);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { /* stopping */ }
    }
}
