using System.Diagnostics;
using System.Net;

namespace TumorBoard.Benchmarks.Load;

public sealed record LoadResult(int Completed, int Errors, double Seconds, double P50Ms, double P99Ms, long Bytes, string? FirstError)
{
    public double[] Latencies { get; init; } = [];
    public double Rps => Completed / Seconds;
    public long BytesPerResponse => Completed == 0 ? 0 : Bytes / Completed;
}

/// <summary>
/// A closed-loop HTTP load client: <c>connections</c> workers, each with its own keep-alive connection, send one request
/// after the other for <c>duration</c>; a request still running at the end is cancelled and not counted. Latency is
/// measured from send to the last byte of the body. A response that is not 2xx counts as an error.
/// </summary>
public static class LoadClient
{
    public static async Task<LoadResult> RunAsync(Func<int, long, HttpRequestMessage> request, int connections, TimeSpan duration)
    {
        var latencies = new List<double>[connections];
        var errors = new int[connections];
        var bytes = new long[connections];
        string? firstError = null;
        using var stop = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(w => Task.Run(async () =>
        {
            using var handler = new SocketsHttpHandler
            {
                MaxConnectionsPerServer = 1, UseCookies = false, AllowAutoRedirect = false,
                PooledConnectionLifetime = Timeout.InfiniteTimeSpan, AutomaticDecompression = DecompressionMethods.None,
            };
            using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
            var mine = latencies[w] = new List<double>(4096);
            long n = 0;
            while (!stop.IsCancellationRequested)
            {
                using var message = request(w, n++);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, stop.Token);
                    var body = await response.Content.ReadAsByteArrayAsync(stop.Token);
                    var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if ((int)response.StatusCode is >= 200 and < 300)
                    {
                        mine.Add(ms);
                        bytes[w] += body.Length;
                    }
                    else
                    {
                        errors[w]++;
                        Interlocked.CompareExchange(ref firstError, $"{(int)response.StatusCode} {message.RequestUri}: "
                            + System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300)), null);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
                catch (HttpRequestException e)
                {
                    errors[w]++;
                    Interlocked.CompareExchange(ref firstError, e.Message, null);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var seconds = Math.Min(clock.Elapsed.TotalSeconds, duration.TotalSeconds + 0.05);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(all.Length, errors.Sum(), seconds, Percentile(all, 0.50), Percentile(all, 0.99), bytes.Sum(), firstError) { Latencies = all };
    }

    /// <summary>
    /// Sends <paramref name="count"/> requests one after the other and waits for each (JIT, EF Core's query cache, the
    /// connection pool): a cold app would otherwise spend a short pass compiling. Fails on a response that is not 2xx.
    /// </summary>
    public static async Task WarmUpAsync(Func<int, long, HttpRequestMessage> request, int count, int workers)
    {
        using var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(3) };
        for (var n = 0; n < count; n++)
        {
            using var message = request(n % workers, n);
            using var response = await client.SendAsync(message);
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"Warm-up {message.Method} {message.RequestUri}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 500)]}");
        }
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
