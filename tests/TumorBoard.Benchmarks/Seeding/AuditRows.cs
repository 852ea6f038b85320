using System.Globalization;
using TumorBoard.Domain.Audit;

namespace TumorBoard.Benchmarks.Seeding;

/// <summary>
/// The seeded audit trail: one "Added" row per saved entity, with who, when and which use case, chained as the app
/// chains its rows (ids in time order, each row linked onto the seal of the one before with the domain's
/// <see cref="AuditSeal.Link"/>). The only place that knows how seeded audit rows are sealed: when the app's audit
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

    /// <summary>
    /// Orders the rows by time (stable), numbers them from id 1 and links them into one chain of seals (ADR 0006) with
    /// the domain's <see cref="AuditSeal.Link"/>, chain position = id: a seeded trail that is entirely sealed.
    /// </summary>
    public (IReadOnlyList<AuditEntry> Entries, IReadOnlyList<AuditSeal> Seals) Seal()
    {
        var ordered = rows.Select((r, i) => (r, i)).OrderBy(x => x.r.OccurredAt).ThenBy(x => x.i).Select(x => x.r).ToList();
        var entries = new List<AuditEntry>(ordered.Count);
        var seals = new List<AuditSeal>(ordered.Count);
        AuditSeal? previous = null;
        long id = 0;
        foreach (var row in ordered)
        {
            var entry = new AuditEntry
            {
                Id = ++id, OccurredAt = row.OccurredAt, ActorId = row.ActorId, ActorName = row.ActorName, Action = row.Action,
                EntityType = row.EntityType, EntityId = row.EntityId, Operation = row.Operation, Changes = row.Changes,
            };
            previous = AuditSeal.Link(entry, id, previous, row.OccurredAt);
            entries.Add(entry);
            seals.Add(previous);
        }
        return (entries, seals);
    }
}
