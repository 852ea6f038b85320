namespace TumorBoard.Benchmarks;

public static class BenchmarkRun
{
    public static Task<int> RunAsync(Options o) => Task.FromResult(1);
}
