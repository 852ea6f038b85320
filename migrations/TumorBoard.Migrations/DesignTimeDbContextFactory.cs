using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using TumorBoard.Application.Persistence;

namespace TumorBoard.Migrations;

/// <summary>
/// Lets `dotnet ef migrations add/script` build the model without starting the web host.
/// `dotnet ef database update --connection "..."` supplies the real server.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TumorBoardDbContext>
{
    public TumorBoardDbContext CreateDbContext(string[] args)
    {
        // Migrations run as the schema owner (README "Database roles").
        var cs = Environment.GetEnvironmentVariable("ConnectionStrings__TumorBoardOwner")
                 ?? Environment.GetEnvironmentVariable("ConnectionStrings__TumorBoard")
                 ?? "Host=127.0.0.1;Port=5432;Database=tumorboard;Username=postgres";
        var options = new DbContextOptionsBuilder<TumorBoardDbContext>()
            .UseNpgsql(cs, o => o.MigrationsAssembly("TumorBoard.Migrations"))
            .UseSnakeCaseNamingConvention()
            .Options;
        return new TumorBoardDbContext(options);
    }
}
