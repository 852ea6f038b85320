using System.Collections.Concurrent;
using System.Diagnostics;

namespace TumorBoard.IntegrationTests.Infrastructure;

/// <summary>
/// Every statement Npgsql sends to one database while this is alive, from Npgsql's own tracing (an activity per
/// command or batch, with its SQL in "db.query.text"; a batch's statements are split at ";\n", as EF Core joins them).
/// </summary>
public sealed class NpgsqlStatements : IDisposable
{
    readonly ActivityListener listener;
    readonly ConcurrentQueue<string> sent = new();

    public NpgsqlStatements(string database)
    {
        listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.GetTagItem("db.namespace") as string != database) return;
                var text = a.GetTagItem("db.query.text") as string ?? a.DisplayName;
                foreach (var statement in text.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    if (statement.Trim(';').Length > 0) sent.Enqueue(statement.Trim(';'));
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    public IReadOnlyList<string> Sent => [.. sent];

    public void Dispose() => listener.Dispose();
}
