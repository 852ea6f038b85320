using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace TumorBoard.Benchmarks.Load;

/// <summary>
/// The app as it runs in production: the Release build of src/TumorBoard.Web as a child process, environment Production,
/// connected as the least-privilege app role, with its own audit checkpoint key and file. Measures the time from the
/// process start to the first 200 of /health/ready and reads its resident memory from /proc.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    readonly Process process;
    readonly string dataDir;

    AppProcess(Process process, string baseUrl, string dataDir)
    {
        this.process = process;
        BaseUrl = baseUrl;
        this.dataDir = dataDir;
    }

    public string BaseUrl { get; }
    public TimeSpan StartToFirst200 { get; private set; }
    public int Pid => process.Id;

    public static string WebDll(string repoRoot) => Path.Combine(repoRoot, "src", "TumorBoard.Web", "bin", "Release", "net10.0", "TumorBoard.Web.dll");

    public static Dictionary<string, string> Environment(string appConnection, string dataDir, string key) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__TumorBoard"] = appConnection,
        ["Audit__CheckpointKey"] = key,
        ["Analytics__PseudonymKey"] = key,
        ["Audit__CheckpointFile"] = Path.Combine(dataDir, "audit-checkpoints.jsonl"),
        // Plain HTTP on loopback (no TLS proxy in front): the sign-in cookies may travel without HTTPS.
        ["Auth__RequireHttps"] = "false",
        ["Auth__TokenLifetimeMinutes"] = "600",
        ["Auth__IdleTimeoutMinutes"] = "600",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.AspNetCore"] = "Error",
    };

    public static async Task<AppProcess> StartAsync(string repoRoot, string appConnection, string name)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), $"tb-bench-app-{name}-{Guid.NewGuid().ToString("N")[..6]}");
        Directory.CreateDirectory(dataDir);
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var psi = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(WebDll(repoRoot))!,
        };
        psi.ArgumentList.Add(WebDll(repoRoot));
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add(url);
        foreach (var (k, v) in Environment(appConnection, dataDir, Key())) psi.Environment[k] = v;
        var clock = Stopwatch.StartNew();
        var p = Process.Start(psi) ?? throw new InvalidOperationException("The app did not start.");
        var log = Path.Combine(dataDir, "app.log");
        _ = Task.Run(async () => { await using var f = File.AppendText(log); while (await p.StandardOutput.ReadLineAsync() is { } l) await f.WriteLineAsync(l); });
        _ = Task.Run(async () => { await using var f = File.AppendText(log + ".err"); while (await p.StandardError.ReadLineAsync() is { } l) await f.WriteLineAsync(l); });
        var app = new AppProcess(p, url, dataDir);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (p.HasExited)
                throw new InvalidOperationException($"The app exited with {p.ExitCode}: {File.ReadAllText(log + ".err")}");
            try
            {
                using var r = await client.GetAsync(url + "/health/ready");
                if (r.StatusCode == HttpStatusCode.OK) break;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(20);
            if (clock.Elapsed > TimeSpan.FromMinutes(3)) throw new TimeoutException("The app did not answer within 3 minutes.");
        }
        app.StartToFirst200 = clock.Elapsed;
        return app;
    }

    /// <summary>Resident set size in MB (VmRSS).</summary>
    public double RssMb()
    {
        try
        {
            var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
        }
        catch (IOException) { return 0; }
    }

    /// <summary>Runs the app's own `verify-audit` command against the same database; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output, TimeSpan Took)> VerifyAuditAsync(string repoRoot, string appConnection)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), $"tb-bench-verify-{Guid.NewGuid().ToString("N")[..6]}");
        Directory.CreateDirectory(dataDir);
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(WebDll(repoRoot));
        psi.ArgumentList.Add("verify-audit");
        foreach (var (k, v) in Environment(appConnection, dataDir, Key())) psi.Environment[k] = v;
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        var output = (await stdout).Trim();
        try { Directory.Delete(dataDir, true); } catch (IOException) { }
        return (p.ExitCode, output.Length > 0 ? output.Split('\n').Last() : (await stderr).Trim(), clock.Elapsed);
    }

    static string Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        try { Directory.Delete(dataDir, true); } catch (IOException) { }
    }
}
