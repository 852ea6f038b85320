using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Persistence;

namespace TumorBoard.Web.Infrastructure;

public static class DatabaseSetup
{
    public static void AddTumorBoardDatabase(this IServiceCollection services, string connectionString) =>
        services.AddDbContext<TumorBoardDbContext>(o => o
            .UseNpgsql(connectionString, npg => npg.MigrationsAssembly("TumorBoard.Migrations"))
            .UseSnakeCaseNamingConvention());

    /// <summary>
    /// Resolves the connection string. Without one, in Development, starts the private cluster under
    /// .data/postgres; elsewhere fails fast with what to do.
    /// </summary>
    public static async Task<(string ConnectionString, LocalPostgres? Cluster)> ResolveAsync(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString("TumorBoard");
        if (!string.IsNullOrWhiteSpace(configured)) return (configured, null);
        if (!builder.Environment.IsDevelopment())
            throw new InvalidOperationException("No connection string is configured. " + LocalPostgres.MissingBinariesHelp);

        var dataDir = builder.Configuration["LocalPostgres:DataDirectory"]
            ?? Path.Combine(builder.Environment.ContentRootPath, ".data", "postgres");
        var cluster = await LocalPostgres.StartAsync(dataDir);
        await cluster.EnsureDatabaseAsync("tumorboard");
        return (cluster.ConnectionString("tumorboard"), cluster);
    }
}
