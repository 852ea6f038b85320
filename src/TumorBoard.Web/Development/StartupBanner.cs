using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace TumorBoard.Web.Development;

public static class StartupBanner
{
    public static void Print(WebApplication app, LocalPostgres? cluster)
    {
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Console.WriteLine();
        Console.WriteLine("TumorBoard is running.");
        foreach (var a in addresses) Console.WriteLine($"  Open: {a}");
        if (cluster is not null)
            Console.WriteLine($"  Database: private PostgreSQL on 127.0.0.1:{cluster.Port} (data in {cluster.DataDirectory})");
        if (app.Environment.IsDevelopment() && !app.Configuration.GetValue<bool>("Seed:Skip"))
        {
            Console.WriteLine($"  Demo sign-ins (password {DemoData.Password}):");
            foreach (var account in DemoData.Accounts)
                Console.WriteLine($"    {account.Email,-28} {account.Description}");
        }
        Console.WriteLine("  Press Ctrl+C to stop.");
        Console.WriteLine();
    }
}
