using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using TumorBoard.Web.Database;

namespace TumorBoard.Web.Development;

/// <summary>
/// A private PostgreSQL cluster started from the installed server binaries: used by `dotnet run` when no
/// connection string is configured (Development; <see cref="DatabaseRoles"/> then sets up the owner and app roles in
/// it) and by the test fixture. Loopback TCP only, on a free port,
/// no Unix socket; run as the `postgres` OS user when we are root (initdb refuses root).
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    public const string MissingBinariesHelp =
        "TumorBoard needs PostgreSQL. No connection string is configured (ConnectionStrings:TumorBoard, or the " +
        "environment variable ConnectionStrings__TumorBoard) and no PostgreSQL server binaries were found to start a " +
        "private cluster (looked on PATH, in `pg_config --bindir` and in /usr/lib/postgresql/*/bin). Either install " +
        "PostgreSQL (Debian/Ubuntu: `apt-get install postgresql`), or start the bundled database with " +
        "`docker compose up -d db` and set ConnectionStrings__TumorBoard=\"Host=127.0.0.1;Port=5432;Database=tumorboard;" +
        "Username=tumorboard_app;Password=app-trial-only\" and ConnectionStrings__TumorBoardOwner=\"Host=127.0.0.1;Port=5432;" +
        "Database=tumorboard;Username=tumorboard_owner;Password=owner-trial-only\".";

    readonly string binDir;
    readonly string dataDir;
    readonly bool asPostgresUser;
    bool startedHere;

    LocalPostgres(string binDir, string dataDir, bool asPostgresUser)
    {
        this.binDir = binDir;
        this.dataDir = dataDir;
        this.asPostgresUser = asPostgresUser;
    }

    public int Port { get; private set; }
    public string DataDirectory => dataDir;

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Include Error Detail=true";

    /// <summary>Starts (or reuses, when already running) the cluster in <paramref name="dataDir"/>; creates it when empty.</summary>
    public static async Task<LocalPostgres> StartAsync(string dataDir, CancellationToken ct = default)
    {
        var bin = FindBinDirectory() ?? throw new InvalidOperationException(MissingBinariesHelp);
        var pg = new LocalPostgres(bin, Path.GetFullPath(dataDir), Environment.UserName == "root" || IsRoot());
        await pg.StartAsync(ct);
        return pg;
    }

    public static string? FindBinDirectory()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"))) return dir;
        try
        {
            var psi = new ProcessStartInfo("pg_config", "--bindir") { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = Process.Start(psi);
            var outText = p?.StandardOutput.ReadToEnd().Trim();
            p?.WaitForExit();
            if (!string.IsNullOrEmpty(outText) && File.Exists(Path.Combine(outText, "initdb"))) return outText;
        }
        catch (System.ComponentModel.Win32Exception) { /* no pg_config on PATH */ }
        if (Directory.Exists("/usr/lib/postgresql"))
            return Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault();
        return null;
    }

    async Task StartAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(dataDir);
        if (asPostgresUser)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", dataDir], ct, asPostgres: false);
            // The postgres user must reach the folder (a checkout under /root is not reachable by it).
            try { await RunAsync("test", ["-w", dataDir, "-a", "-x", dataDir], ct); }
            catch (InvalidOperationException)
            {
                throw new InvalidOperationException(
                    $"The PostgreSQL data folder {dataDir} is not reachable by the 'postgres' OS user (the server refuses " +
                    "to run as root). Move the checkout to a folder other users can enter, or set ConnectionStrings__TumorBoard.");
            }
        }

        if (!File.Exists(Path.Combine(dataDir, "PG_VERSION")))
            await RunAsync(Path.Combine(binDir, "initdb"),
                ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], ct);

        if (RunningPort() is { } running && await IsReachableAsync(running, ct))
        {
            Port = running;          // another process of ours already runs this cluster: share it, leave it running
            return;
        }

        Port = FreePort();
        await StartServerAsync(ct);
    }

    async Task StartServerAsync(CancellationToken ct)
    {
        var options = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' " +
                      "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        await RunAsync(Path.Combine(binDir, "pg_ctl"),
            ["-D", dataDir, "-l", Path.Combine(dataDir, "server.log"), "-w", "-t", "60", "-o", options, "start"], ct);
        startedHere = true;
    }

    /// <summary>
    /// Stops the server at once, as a crash would: open connections break, nothing is checkpointed, and the next start
    /// recovers from the write-ahead log. For fault tests; <see cref="RestartAsync"/> brings it back on the same port.
    /// </summary>
    public async Task KillAsync()
    {
        await RunAsync(Path.Combine(binDir, "pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "stop"], CancellationToken.None);
        startedHere = false;
    }

    /// <summary>Starts the server again on its port after <see cref="KillAsync"/> or <see cref="StopAsync"/>.</summary>
    public Task RestartAsync(CancellationToken ct = default) => StartServerAsync(ct);

    public async Task StopAsync()
    {
        if (!startedHere) return;
        startedHere = false;
        await RunAsync(Path.Combine(binDir, "pg_ctl"), ["-D", dataDir, "-m", "fast", "-w", "stop"], CancellationToken.None);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    int? RunningPort()
    {
        var pid = Path.Combine(dataDir, "postmaster.pid");
        if (!File.Exists(pid)) return null;
        try
        {
            var lines = File.ReadAllLines(pid);
            return lines.Length > 3 && int.TryParse(lines[3], out var port) ? port : null;
        }
        catch (IOException) { return null; }
    }

    async Task<bool> IsReachableAsync(int port, CancellationToken ct)
    {
        try
        {
            Port = port;
            await using var conn = new NpgsqlConnection(ConnectionString("postgres") + ";Timeout=3");
            await conn.OpenAsync(ct);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException) { return false; }
    }

    static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    static bool IsRoot()
    {
        try { return File.ReadAllText("/proc/self/status").Split('\n').Any(l => l.StartsWith("Uid:") && l.Split('\t')[1] == "0"); }
        catch (IOException) { return false; }
    }

    async Task RunAsync(string file, IReadOnlyList<string> args, CancellationToken ct, bool? asPostgres = null)
    {
        var viaRunuser = asPostgres ?? asPostgresUser;
        var psi = new ProcessStartInfo(viaRunuser ? "runuser" : file)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = viaRunuser ? "/" : Environment.CurrentDirectory,
        };
        if (viaRunuser) foreach (var a in new[] { "-u", "postgres", "--", file }) psi.ArgumentList.Add(a);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["LC_ALL"] = "C.UTF-8";
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = p.StandardOutput.ReadToEndAsync(ct);
        var stderr = p.StandardError.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        if (p.ExitCode != 0)
            throw new InvalidOperationException(
                $"{Path.GetFileName(file)} failed with exit code {p.ExitCode}: {await stderr}{await stdout}".Trim());
    }
}
