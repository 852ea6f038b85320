using System.Globalization;
using TumorBoard.Benchmarks.Seeding;

namespace TumorBoard.Benchmarks;

/// <summary>
/// `seed --cases N [--connection superuser-cs] [--database name]`: one seeded database;
/// `run [--quick] [--small N] [--large N] [--duration s] [--connections n]`: the whole benchmark (README "Benchmarks").
/// </summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var options = Options.Parse(args.Skip(1).ToArray());
        switch (args.FirstOrDefault())
        {
            case "seed":
                await SeedAsync(options);
                return 0;
            case "build-only":
            {
                var sw = System.Diagnostics.Stopwatch.StartNew();
                var set = DataSet.Build(options.Int("cases", 1000));
                Console.WriteLine($"built in {sw.Elapsed.TotalSeconds:F1} s");
                var rows = set.Audit.Seal();
                Console.WriteLine($"sealed {rows.Entries.Count} in {sw.Elapsed.TotalSeconds:F1} s");
                return 0;
            }
            case "run":
                return await BenchmarkRun.RunAsync(options);
            default:
                Console.Error.WriteLine("usage: seed --cases N [--connection <superuser connection string>] [--database name]\n"
                    + "       run [--quick] [--small N] [--large N] [--duration seconds] [--connections n] [--out file.md]");
                return 2;
        }
    }

    static async Task SeedAsync(Options o)
    {
        var cases = o.Int("cases", 1000);
        var database = o.Get("database") ?? $"tumorboard_bench_{cases}";
        if (o.Get("connection") is { } cs)
        {
            var r = await Seeder.SeedAsync(cs, database, cases, Console.Out);
            Print(r);
            return;
        }
        // No server given: a private cluster, kept running so the database can be used (its connection is printed).
        var cluster = await BenchCluster.StartAsync();
        var result = await Seeder.SeedAsync(cluster.Superuser(), database, cases, Console.Out);
        Print(result);
        Console.WriteLine($"Server left running: {cluster.Superuser(database)} (stop it with pg_ctl -D <data dir> stop)");
    }

    static void Print(SeedResult r)
    {
        Console.WriteLine($"Seeded {r.Database}: {r.Cases:N0} cases in {r.Total.TotalSeconds:F1} s (domain {r.Build.TotalSeconds:F1} s, load + indexes {r.Load.TotalSeconds:F1} s)");
        foreach (var (table, n) in r.Rows.OrderBy(x => x.Key)) Console.WriteLine($"  {table,-22} {n,10:N0}");
    }
}

public sealed class Options(Dictionary<string, string?> values)
{
    public static Options Parse(string[] args)
    {
        var d = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) continue;
            var key = args[i][2..];
            d[key] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
        }
        return new Options(d);
    }

    public bool Has(string key) => values.ContainsKey(key);
    public string? Get(string key) => values.TryGetValue(key, out var v) ? v : null;
    public int Int(string key, int fallback) => Get(key) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
    public double Double(string key, double fallback) => Get(key) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
