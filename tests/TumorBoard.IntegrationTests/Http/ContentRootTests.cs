using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.Web.Hosting;

namespace TumorBoard.IntegrationTests.Http;

/// <summary>
/// appsettings.json is found whatever the working directory: the built app, started with <c>dotnet …/TumorBoard.Web.dll</c>
/// from /tmp as Production, keeps the log levels appsettings.json sets (EF Core at Warning: no "Executed DbCommand").
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class ContentRootTests
{
    static string WebBuildFolder()
    {
        // tests/TumorBoard.IntegrationTests/bin/<configuration>/<framework>/ → src/TumorBoard.Web/bin/<configuration>/<framework>/
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var (framework, configuration) = (here.Name, here.Parent!.Name);
        var root = here.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        return Path.Combine(root, "src", "TumorBoard.Web", "bin", configuration, framework);
    }

    [Fact]
    public void The_content_root_is_the_apps_folder_or_in_the_source_tree_its_project()
    {
        string? None(string _) => null;
        var published = Path.Combine(Path.GetTempPath(), "tb-published-" + Guid.NewGuid().ToString("N")[..6]);
        AppFolders.ContentRoot([], None, published, "TumorBoard.Web").ShouldBe(new DirectoryInfo(published).FullName);

        var build = WebBuildFolder();
        AppFolders.ContentRoot([], None, build, "TumorBoard.Web")
            .ShouldBe(new DirectoryInfo(Path.Combine(build, "..", "..", "..")).FullName);
        File.Exists(Path.Combine(AppFolders.ContentRoot([], None, build, "TumorBoard.Web")!, "appsettings.json")).ShouldBeTrue();

        AppFolders.ContentRoot(["--contentRoot=/srv/x"], None, build, "TumorBoard.Web").ShouldBeNull();
        AppFolders.ContentRoot([], v => v == "ASPNETCORE_CONTENTROOT" ? "/srv/x" : null, build, "TumorBoard.Web").ShouldBeNull();
    }

    [Fact]
    public async Task The_built_app_started_from_another_directory_keeps_the_log_levels_of_its_appsettings()
    {
        var dll = Path.Combine(WebBuildFolder(), "TumorBoard.Web.dll");
        File.Exists(dll).ShouldBeTrue(dll);
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        (await RunAsync(dll, connectionString, ["--migrate"], TimeSpan.FromMinutes(2))).ExitCode.ShouldBe(0);

        var port = FreePort();
        var output = new StringBuilder();
        using var app = Start(dll, connectionString, ["--urls", $"http://127.0.0.1:{port}"], output);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilListeningAsync(http, app, output);
            (await http.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
            // A sign-in attempt runs queries: EF Core would log each "Executed DbCommand" at Information.
            (await http.PostAsync("/api/v1/auth/token", new StringContent("{\"email\":\"nobody@example.test\",\"password\":\"Wrong-password-1\"}",
                Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await http.GetAsync("/api/v1/patients?text=Zwetschgenmeier")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            await Task.Delay(500);   // let the console logger flush
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
        }

        var log = output.ToString();
        log.ShouldContain("Content root path: " + new DirectoryInfo(Path.Combine(WebBuildFolder(), "..", "..", "..")).FullName.TrimEnd('/'));
        log.ShouldContain("Now listening on");                            // Information lines are captured at all
        log.ShouldNotContain("Executed DbCommand", customMessage: log);   // EF Core at Warning, as appsettings.json says
        log.ShouldContain("HTTP GET /api/v1/patients?text=[redacted] answered 401");
        log.ShouldNotContain("Zwetschgenmeier");
    }

    static readonly string CheckpointKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    static readonly string CheckpointFile = Path.Combine(Path.GetTempPath(), "tb-content-root-" + Guid.NewGuid().ToString("N")[..8] + ".jsonl");

    static ProcessStartInfo StartInfo(string dll, string connectionString, string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetTempPath(), RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Production as documented: the app as the least-privilege role, migrations as the owner, a checkpoint key and file.
        psi.Environment["ConnectionStrings__TumorBoard"] = TestPostgres.AsApp(connectionString);
        psi.Environment["ConnectionStrings__TumorBoardOwner"] = TestPostgres.AsOwner(connectionString);
        psi.Environment["Audit__CheckpointKey"] = CheckpointKey;
        psi.Environment["Audit__CheckpointFile"] = CheckpointFile;
        psi.Environment.Remove("ASPNETCORE_CONTENTROOT");
        psi.Environment.Remove("DOTNET_CONTENTROOT");
        psi.Environment["Logging__Console__FormatterName"] = "simple";
        return psi;
    }

    static Process Start(string dll, string connectionString, string[] args, StringBuilder output)
    {
        var process = new Process { StartInfo = StartInfo(dll, connectionString, args) };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    static async Task<(int ExitCode, string Output)> RunAsync(string dll, string connectionString, string[] args, TimeSpan timeout)
    {
        var output = new StringBuilder();
        using var process = Start(dll, connectionString, args, output);
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, output.ToString());
    }

    static async Task WaitUntilListeningAsync(HttpClient http, Process app, StringBuilder output)
    {
        for (var i = 0; i < 240; i++)
        {
            if (app.HasExited) throw new ShouldAssertException($"The app exited ({app.ExitCode}):\n{output}");
            try
            {
                using var live = await http.GetAsync("/health/live");
                if (live.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        throw new ShouldAssertException($"The app did not start listening:\n{output}");
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
