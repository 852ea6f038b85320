using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace TumorBoard.IntegrationTests.Infrastructure;

/// <summary>
/// Every API answer any test app of this run gave: method, path and status (issue #12 item 3). The outermost middleware of
/// each <see cref="TumorBoardApp"/> records them; <c>DocumentedStatusTests</c>, in the collection that runs after the
/// parallel ones, checks that the OpenAPI document lists each status the tests saw, so the document cannot drift from the code.
/// </summary>
public static class ObservedResponses
{
    public sealed record Response(string Method, string Path, int Status);

    static readonly ConcurrentDictionary<Response, byte> Seen = new();

    public static IReadOnlyCollection<Response> All => [.. Seen.Keys];

    public sealed class Recorder : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, call) =>
            {
                try { await call(context); }
                finally
                {
                    if (context.Request.Path.StartsWithSegments("/api/v1"))
                        Seen.TryAdd(new(context.Request.Method, context.Request.Path.Value!, context.Response.StatusCode), 0);
                }
            });
            next(app);
        };
    }
}
