using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TumorBoard.IntegrationTests.Infrastructure;

/// <summary>The real app (Development, so it migrates and seeds the demo accounts) on a test database.</summary>
public sealed class TumorBoardApp(string connectionString, IDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public string ConnectionString { get; } = connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:TumorBoard", ConnectionString);
        builder.UseSetting("Seed:Cases", "false");
        builder.UseSetting("RateLimiting:SignInPermitLimit", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
    }
}
