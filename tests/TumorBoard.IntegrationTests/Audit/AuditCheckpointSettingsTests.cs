using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.Web.Audit;

namespace TumorBoard.IntegrationTests.Audit;

/// <summary>Where the checkpoint key, file and interval come from, and the periodic writer of the running app.</summary>
public sealed class AuditCheckpointSettingsTests : IDisposable
{
    readonly string contentRoot = Path.Combine(Path.GetTempPath(), "tb-settings-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(contentRoot)) Directory.Delete(contentRoot, recursive: true);
    }

    static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build();

    [Fact]
    public void Outside_development_the_app_does_not_start_without_a_checkpoint_key()
    {
        var refusal = Should.Throw<InvalidOperationException>(() =>
            AuditCheckpoints.Resolve(Settings(), new HostEnvironment("Production", contentRoot)));
        refusal.Message.ShouldContain("No audit checkpoint key is configured. Set Audit:CheckpointKey");
        File.Exists(Path.Combine(contentRoot, ".data", "audit-checkpoint.key")).ShouldBeFalse("a production key is never generated");
    }

    [Fact]
    public void A_key_shorter_than_32_characters_is_refused()
    {
        Should.Throw<InvalidOperationException>(() => AuditCheckpoints.Resolve(
                Settings(("Audit:CheckpointKey", "too-short")), new HostEnvironment("Production", contentRoot)))
            .Message.ShouldContain("at least 32 characters");
    }

    [Fact]
    public void Migrating_needs_no_key()
    {
        var options = AuditCheckpoints.Resolve(Settings(), new HostEnvironment("Production", contentRoot), migrateOnly: true);
        options.CheckpointKey.ShouldBeEmpty();
    }

    [Fact]
    public void Development_generates_its_key_once_under_the_data_directory_and_keeps_it()
    {
        var development = new HostEnvironment("Development", contentRoot);

        var first = AuditCheckpoints.Resolve(Settings(), development);
        var second = AuditCheckpoints.Resolve(Settings(), development);

        first.CheckpointKey.Length.ShouldBeGreaterThanOrEqualTo(32);
        second.CheckpointKey.ShouldBe(first.CheckpointKey);
        var keyFile = Path.Combine(contentRoot, ".data", "audit-checkpoint.key");
        File.ReadAllText(keyFile).ShouldBe(first.CheckpointKey);
        if (!OperatingSystem.IsWindows()) File.GetUnixFileMode(keyFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        first.CheckpointFile.ShouldBe(Path.Combine(contentRoot, ".data", "audit-checkpoints.jsonl"));
        first.CheckpointIntervalMinutes.ShouldBe(5);
    }

    [Fact]
    public void A_checkpoint_file_the_app_cannot_write_stops_the_start()
    {
        Directory.CreateDirectory(contentRoot);
        var blocker = Path.Combine(contentRoot, "not-a-directory");
        File.WriteAllText(blocker, "");
        Should.Throw<InvalidOperationException>(() => AuditCheckpoints.Resolve(Settings(
                    ("Audit:CheckpointKey", new string('k', 32)), ("Audit:CheckpointFile", Path.Combine(blocker, "checkpoints.jsonl"))),
                new HostEnvironment("Production", contentRoot)))
            .Message.ShouldContain("cannot be written");
    }

    [Fact]
    public async Task The_running_app_anchors_the_head_every_interval_in_the_file_and_in_the_log()
    {
        var log = new CapturingLoggerProvider();
        await using var app = new TumorBoardApp(await TestPostgres.CreateDatabaseAsync(), new Dictionary<string, string?>
        {
            ["Audit:CheckpointIntervalMinutes"] = "0.005",   // 0.3 s
            ["Logging:LogLevel:TumorBoard.Application.Common.Audit"] = "Information",
        });
        await using var factory = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(log)));
        _ = factory.Server;   // started: migrated, the demo accounts seeded (audit rows to anchor)

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((!File.Exists(app.CheckpointFile) || File.ReadAllLines(app.CheckpointFile).Length < 2) && DateTime.UtcNow < deadline)
            await Task.Delay(200);

        var lines = File.ReadAllLines(app.CheckpointFile);
        lines.Length.ShouldBeGreaterThanOrEqualTo(2);
        log.Lines.ShouldContain(l => l.Contains("Audit checkpoint " + lines[0]));
    }

    sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();
        public ILogger CreateLogger(string categoryName) => new Logger(this);
        public void Dispose() { }

        sealed class Logger(CapturingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Lines.Enqueue(formatter(state, exception));
        }
    }
}
