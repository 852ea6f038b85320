using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace TumorBoard.IntegrationTests.Infrastructure;

/// <summary>
/// The app on a real Kestrel port: what the in-memory test server cannot show (Kestrel's own limits and refusals,
/// real sockets). Returns the base address, e.g. http://127.0.0.1:40225.
/// </summary>
public static class KestrelServer
{
    public static string StartOnKestrel(this WebApplicationFactory<Program> app)
    {
        app.UseKestrel(0);
        app.StartServer();
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    /// <summary>A client over sockets that follows no redirects and keeps no cookies.</summary>
    public static HttpClient Client(string baseUrl) =>
        new(new SocketsHttpHandler
        {
            AllowAutoRedirect = false, UseCookies = false,
            RequestHeaderEncodingSelector = (_, _) => System.Text.Encoding.UTF8,   // lets a test send what Kestrel refuses
        }) { BaseAddress = new Uri(baseUrl) };
}
