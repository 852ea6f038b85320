using System.Globalization;
using TumorBoard.Domain.Audit;

namespace TumorBoard.Benchmarks.Seeding;

/// <summary>
/// The seeded audit trail: one "Added" row per saved entity, with who, when and which use case, chained as the app
/// chains its rows (ids in time order, each row sealed onto the hash of the one before with the domain's
/// <see cref="AuditEntry.Seal"/>). The only place that knows how seeded audit rows are sealed: when the app's audit
/// sealing changes, adapt this class alone.
/// </summary>
public sealed class AuditRows
{
    readonly List<AuditEntry> rows = [];

    public int Count => rows.Count;

    public void AddRange(AuditRows other) => rows.AddRange(other.rows);

    public void Added(DateTimeOffset at, Guid actorId, string actorName, string action, string entityType, string entityId, string changes) =>
        rows.Add(new AuditEntry
        {
            OccurredAt = at, ActorId = actorId, ActorName = actorName, Action = action, EntityType = entityType,
            EntityId = entityId, Operation = "Added", Changes = changes,
        });

    /// <summary>A small "changes" object in the app's shape: property -> { "new": value }.</summary>
    public static string New(params (string Property, object? Value)[] values)
    {
        var sb = new System.Text.StringBuilder("{");
        foreach (var (i, (p, v)) in values.Index())
        {
            if (i > 0) sb.Append(',');
            sb.Append('"').Append(p).Append("\":{\"new\":").Append(v switch
            {
                null => "null",
                bool b => b ? "true" : "false",
                int n => n.ToString(CultureInfo.InvariantCulture),
                DateTimeOffset t => "\"" + t.ToString("O", CultureInfo.InvariantCulture) + "\"",
                _ => System.Text.Json.JsonSerializer.Serialize(v.ToString()),
            }).Append('}');
        }
        return sb.Append('}').ToString();
    }

    /// <summary>Orders the rows by time (stable) and seals them into one chain starting at id 1.</summary>
    public IReadOnlyList<AuditEntry> Seal()
    {
        var ordered = rows.Select((r, i) => (r, i)).OrderBy(x => x.r.OccurredAt).ThenBy(x => x.i).Select(x => x.r).ToList();
        string? previous = null;
        long id = 0;
        foreach (var row in ordered)
        {
            row.Seal(++id, previous);
            previous = row.Hash;
        }
        return ordered;
    }
}
