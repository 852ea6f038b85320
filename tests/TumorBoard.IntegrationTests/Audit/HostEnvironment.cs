using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace TumorBoard.IntegrationTests.Audit;

/// <summary>An environment by name (Production, Development) for start-up checks called directly.</summary>
internal sealed class HostEnvironment(string name, string? contentRoot = null) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = name;
    public string ApplicationName { get; set; } = "TumorBoard.Web";
    public string ContentRootPath { get; set; } = contentRoot ?? Path.GetTempPath();
    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
