namespace TumorBoard.Web.Hosting;

/// <summary>
/// Where the app finds appsettings.json and wwwroot, whatever the working directory it is started from: the app's own
/// folder (<see cref="AppContext.BaseDirectory"/>, where a publish puts them); for a build inside the source tree
/// (<c>src/TumorBoard.Web/bin/&lt;configuration&gt;/&lt;framework&gt;/</c>) the project folder, as for <c>dotnet run</c>.
/// A content root given explicitly (<c>--contentRoot</c>, ASPNETCORE_CONTENTROOT, DOTNET_CONTENTROOT) is left to the host.
/// Without this, <c>dotnet /app/TumorBoard.Web.dll</c> started from elsewhere reads no appsettings.json at all, and its
/// configured log levels (and every other setting there) silently fall back to the framework defaults.
/// </summary>
public static class AppFolders
{
    public static string? ContentRoot(string[] args) =>
        ContentRoot(args, Environment.GetEnvironmentVariable, AppContext.BaseDirectory, typeof(AppFolders).Assembly.GetName().Name!);

    public static string? ContentRoot(string[] args, Func<string, string?> environment, string baseDirectory, string applicationName)
    {
        if (args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase) || a.StartsWith("/contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(environment("ASPNETCORE_CONTENTROOT")) || !string.IsNullOrEmpty(environment("DOTNET_CONTENTROOT")))
            return null;
        var folder = new DirectoryInfo(baseDirectory);
        // bin/<configuration>/<framework>/ three levels below the project file: running the build from the source tree.
        var project = folder.Parent?.Parent?.Parent;
        if (folder.Parent?.Parent?.Name == "bin" && project is not null && File.Exists(Path.Combine(project.FullName, applicationName + ".csproj")))
            return project.FullName;
        return folder.FullName;
    }
}
